package org.symbiosiskb.analytics;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.neo4j.graphdb.Transaction;
import org.neo4j.graphdb.event.TransactionData;
import org.neo4j.graphdb.event.TransactionEventListenerAdapter;
import org.neo4j.kernel.impl.coreapi.InternalTransaction;

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

    private record Snapshot(long version, FlowProjection projection) {
    }

    private static final Map<String, AtomicLong> versions = new ConcurrentHashMap<>();
    private static final Map<String, Snapshot> snapshots = new ConcurrentHashMap<>();

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
    static FlowGraph forTrace(Transaction tx, String database) {
        AtomicLong version = versions.get(database);
        if (version == null || hasUncommittedWrites(tx)) {
            return new CoreFlowGraph(tx);
        }
        long now = version.get();
        Snapshot current = snapshots.get(database);
        if (current == null || current.version() != now) {
            // built inside this transaction, so it shows at least every commit up to `now`
            current = new Snapshot(now, FlowProjection.build(tx));
            snapshots.put(database, current);
        }
        return current.projection();
    }

    private static boolean hasUncommittedWrites(Transaction tx) {
        try {
            return ((InternalTransaction) tx).kernelTransaction().dataRead().transactionStateHasChanges();
        } catch (RuntimeException | LinkageError e) {
            return true; // cannot tell: read the store, which is always right
        }
    }
}
