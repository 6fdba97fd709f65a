package org.symbiosiskb.analytics;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Transaction;
import org.neo4j.graphdb.event.TransactionData;
import org.neo4j.graphdb.event.TransactionEventListenerAdapter;
import org.neo4j.kernel.impl.coreapi.InternalTransaction;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * Which flow projection a trace may use. A database gets one only when {@link #listener} is
 * registered on it (the embedded database and the test harness do this), because only then does
 * every commit tell us the copy is out of date. Each commit that changes anything bumps a version;
 * the next trace rebuilds the projection (one pass over the processes) and later traces read it
 * from memory. A trace whose own transaction holds uncommitted writes reads the store, which
 * sees them. On a server without the listener (the plugin jar alone) traces read the store:
 * the same numbers, store speed.
 */
public final class FlowProjections {

    /** {@code database} identifies the database it was built from: two databases of one name (tests) never share a copy. */
    private record Snapshot(long version, Object database, FlowProjection projection) {
    }

    private static final Map<String, AtomicLong> versions = new ConcurrentHashMap<>();
    private static final Map<String, Snapshot> snapshots = new ConcurrentHashMap<>();
    private static final AtomicLong builds = new AtomicLong();

    private FlowProjections() {
    }

    /** Register on a database to let its traces use the projection: {@code dbms.registerTransactionEventListener(name, listener(name))}. */
    public static TransactionEventListenerAdapter<Object> listener(String database) {
        var version = versions.computeIfAbsent(database, k -> new AtomicLong());
        return new TransactionEventListenerAdapter<>() {
            @Override
            public void afterCommit(TransactionData data, Object state, org.neo4j.graphdb.GraphDatabaseService db) {
                version.incrementAndGet();
            }
        };
    }

    /** The graph a trace in this transaction should read. */
    static FlowGraph forTrace(Transaction tx, GraphDatabaseService db) {
        AtomicLong version = versions.get(db.databaseName());
        if (version == null || hasUncommittedWrites(tx)) {
            return new CoreFlowGraph(tx);
        }
        long now = version.get();
        Snapshot current = snapshots.get(db.databaseName());
        Object database = identity(db);
        if (current == null || current.version() != now || current.database() != database) {
            // built inside this transaction, so it shows at least every commit up to `now`
            current = new Snapshot(now, database, FlowProjection.build(tx));
            builds.incrementAndGet();
            snapshots.put(db.databaseName(), current);
        }
        return current.projection();
    }

    /** Projections built since start (tests check that calls without commits in between reuse one). */
    static long builds() {
        return builds.get();
    }

    /**
     * What stays the same for one database across procedure calls: its dependency resolver (the
     * facade a procedure receives is a new object per call).
     */
    private static Object identity(GraphDatabaseService db) {
        try {
            return ((GraphDatabaseAPI) db).getDependencyResolver();
        } catch (RuntimeException | LinkageError e) {
            return db.databaseName();
        }
    }

    private static boolean hasUncommittedWrites(Transaction tx) {
        try {
            return ((InternalTransaction) tx).kernelTransaction().dataRead().transactionStateHasChanges();
        } catch (RuntimeException | LinkageError e) {
            return true; // cannot tell: read the store, which is always right
        }
    }
}
