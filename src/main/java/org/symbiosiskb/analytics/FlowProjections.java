package org.symbiosiskb.analytics;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Transaction;
import org.neo4j.graphdb.event.TransactionData;
import org.neo4j.graphdb.event.TransactionEventListener;
import org.neo4j.kernel.impl.coreapi.InternalTransaction;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.neo4j.storageengine.api.TransactionIdStore;

/**
 * Which graph a trace reads, and the upkeep of each database's {@link FlowProjection}. A database
 * has a projection when {@link FlowProjectionExtension} attached it (Neo4j starts the extension for
 * every database, embedded, in the test harness and on a server that has the plugin jar).
 *
 * <p>Upkeep: before a commit the listener notes which processes the transaction touched
 * ({@link ProjectionChanges}); after it, those are read again from the store and become seeds of
 * every solved year and allocation. That reading runs on the database's upkeep thread, one commit
 * after another in the order they were heard, so a writer does not wait for it (an import's next
 * document is checked meanwhile); every read of the projection waits instead until the upkeep of
 * every commit heard before it is done, so a read after a write still sees it. The first trace builds
 * the projection in one pass over the processes; later commits never
 * rebuild it, except when the store holds commits the listener did not see (a cluster member applies
 * its leader's transactions without listeners), which a trace notices by the last transaction id.
 *
 * <p>A trace whose own transaction holds uncommitted writes (a scenario) reads the store, which
 * sees them; so does a database without the extension: the same numbers, store speed.
 */
public final class FlowProjections {

    /** One database's projection and what its listener has seen. */
    static final class Live {
        final String database;
        /** Serialises builds and updates, so that each update reads the store after the commits before it. */
        final ReentrantLock upkeep = new ReentrantLock();
        volatile FlowProjection projection;
        /** The last transaction whose changes the projection holds. */
        volatile long seen = Long.MIN_VALUE;
        /** How long the last whole build from the store took, or null before the first. */
        volatile Double lastBuildMillis;
        /**
         * Commits between beforeCommit and the end of their upkeep: their transaction ids may already be the store's
         * last.
         */
        final AtomicInteger inFlight = new AtomicInteger();
        TransactionEventListener<ProjectionChanges> listener;
        /** Runs the upkeep of commits, one after another; a daemon, so that it never keeps a JVM alive. */
        final ExecutorService upkeepThread;
        /** Guards {@link #heard} and {@link #kept}; signalled as each commit's upkeep ends. */
        private final Object upkeepMonitor = new Object();
        /** Commits whose upkeep was handed to the upkeep thread, and those whose upkeep is done. */
        private long heard, kept;

        Live(String database) {
            this.database = database;
            this.upkeepThread = Executors.newSingleThreadExecutor(
                    Thread.ofPlatform().daemon().name("kb-projection-upkeep-" + database).factory());
        }

        /** Hands a commit's upkeep to the upkeep thread; the committing thread goes on. */
        void keepUp(Runnable upkeep) {
            synchronized (upkeepMonitor) {
                heard++;
            }
            try {
                upkeepThread.execute(() -> {
                    try {
                        upkeep.run();
                    } finally {
                        upkept();
                    }
                });
            } catch (RejectedExecutionException e) {
                upkept(); // detached: the database is stopping, nobody reads this projection again
            }
        }

        private void upkept() {
            synchronized (upkeepMonitor) {
                kept++;
                upkeepMonitor.notifyAll();
            }
        }

        /**
         * Waits until the upkeep of every commit heard so far is done: a commit returned to its client before its
         * upkeep, so a read that came after it must not read the projection without it.
         *
         * @return false when interrupted while waiting (the caller then reads the store, which is always right)
         */
        boolean awaitUpkeep() {
            synchronized (upkeepMonitor) {
                long until = heard;
                while (kept < until) {
                    try {
                        upkeepMonitor.wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return false;
                    }
                }
                return true;
            }
        }
    }

    private static final Map<String, Live> live = new ConcurrentHashMap<>();
    private static final AtomicLong builds = new AtomicLong();
    private static final AtomicLong updates = new AtomicLong();
    /** Time the upkeep thread spent after commits reading changes back (readers of the projection wait for it), in nanoseconds. */
    private static final AtomicLong upkeepNanos = new AtomicLong();
    private static final System.Logger log = System.getLogger(FlowProjections.class.getName());

    private FlowProjections() {
    }

    /** The projection of this database, kept by the returned listener (FlowProjectionExtension registers it). */
    static TransactionEventListener<ProjectionChanges> attach(GraphDatabaseService db) {
        var state = new Live(db.databaseName());
        live.put(key(db), state);
        state.listener = new TransactionEventListener<>() {
            @Override
            public ProjectionChanges beforeCommit(TransactionData data, Transaction transaction, GraphDatabaseService database) {
                state.inFlight.incrementAndGet();
                return ProjectionChanges.of(data); // never throws: a change it cannot place asks for a rebuild
            }

            @Override
            public void afterCommit(TransactionData data, ProjectionChanges changes, GraphDatabaseService database) {
                long transaction = data.getTransactionId(); // read here: the transaction's data is not kept for the upkeep thread
                state.keepUp(() -> {
                    try {
                        apply(state, changes, database, transaction);
                    } finally {
                        state.inFlight.decrementAndGet();
                    }
                });
            }

            @Override
            public void afterRollback(TransactionData data, ProjectionChanges changes, GraphDatabaseService database) {
                if (changes != null) {
                    state.inFlight.decrementAndGet();
                }
            }
        };
        return state.listener;
    }

    /** The listener keeping this database's projection, or null (tests stand in for a cluster member without it). */
    static TransactionEventListener<ProjectionChanges> listenerOf(GraphDatabaseService db) {
        Live state = live.get(key(db));
        return state == null ? null : state.listener;
    }

    /** Runs a task on this database's upkeep thread, after the upkeep handed to it so far (tests hold the thread with it). */
    static void onUpkeepThread(GraphDatabaseService db, Runnable task) {
        live.get(key(db)).keepUp(task);
    }

    static void detach(GraphDatabaseService db) {
        Live state = live.remove(key(db));
        if (state != null) {
            state.upkeepThread.shutdown(); // the upkeep already handed over still runs; its failure only drops the projection
        }
    }

    private static void apply(Live state, ProjectionChanges changes, GraphDatabaseService db, long transaction) {
        long started = System.nanoTime();
        state.upkeep.lock();
        try {
            FlowProjection projection = state.projection;
            if (projection != null && changes.rebuild()) {
                state.projection = null;
            } else if (projection != null && !changes.processes().isEmpty()) {
                try (var tx = db.beginTx()) {
                    projection.update(tx, changes.processes());
                }
                updates.incrementAndGet();
            }
        } catch (RuntimeException e) {
            // the store stays the record of truth: the next trace builds the projection again
            state.projection = null;
            log.log(System.Logger.Level.WARNING, "flow projection of " + state.database + " dropped after a failed update", e);
        } finally {
            state.seen = Math.max(state.seen, transaction);
            state.upkeep.unlock();
            upkeepNanos.addAndGet(System.nanoTime() - started);
        }
    }

    /** The graph a trace in this transaction should read. */
    static FlowGraph forTrace(Transaction tx, GraphDatabaseService db) {
        Live state = live.get(key(db));
        if (state == null || hasUncommittedWrites(tx) || !state.awaitUpkeep()) {
            return new CoreFlowGraph(tx);
        }
        long last = lastCommitted(db);
        // read after the last id: a commit counted in it whose listener has not finished is still in flight
        boolean unseen = state.inFlight.get() == 0 && last > state.seen;
        FlowProjection projection = state.projection;
        if (projection != null && !unseen) {
            return projection;
        }
        state.upkeep.lock();
        try {
            if (state.projection == null || (unseen && lastCommitted(db) > state.seen && state.inFlight.get() == 0)) {
                // built inside this transaction, so it shows at least every commit up to `last`
                long now = lastCommitted(db);
                long started = System.nanoTime();
                state.projection = FlowProjection.build(tx);
                state.lastBuildMillis = (System.nanoTime() - started) / 1e6;
                state.seen = Math.max(state.seen, now);
                builds.incrementAndGet();
            }
            return state.projection;
        } finally {
            state.upkeep.unlock();
        }
    }

    /**
     * The graph balance, compensation and matching read in this transaction: the projection for what it holds when a
     * trace would read it (see {@link #forTrace}), else the store.
     */
    static KnowledgeGraph forAnalytics(Transaction tx, GraphDatabaseService db) {
        return forTrace(tx, db) instanceof FlowProjection projection ? new ProjectedKnowledgeGraph(projection, tx) : new CoreFlowGraph(tx);
    }

    /** Whole builds since start (tests check that commits update in place instead). */
    static long builds() {
        return builds.get();
    }

    /** Updates from commits since start. */
    static long updates() {
        return updates.get();
    }

    /** What {@code kb.projection} shows: whether this database has a projection, and what it holds. */
    static Map<String, Object> status(GraphDatabaseService db) {
        Live state = live.get(key(db));
        if (state != null) {
            state.awaitUpkeep(); // what it holds after every commit so far, as a trace would read it
        }
        FlowProjection projection = state == null ? null : state.projection;
        var status = new java.util.LinkedHashMap<String, Object>();
        status.put("kept", state != null);
        status.put("built", projection != null);
        if (projection != null) {
            var s = projection.status();
            status.put("processes", (long) s.processes());
            status.put("flows", (long) s.flows());
            status.put("solved", s.solved());
            status.put("vectorBytes", s.vectorBytes());
            status.put("modelBytes", s.modelBytes());
            status.put("solvedNodes", s.solvedNodes());
            status.put("lastSolveNodes", (long) s.lastSolveNodes());
            status.put("lastSolveMillis", s.lastSolveMillis());
        } else {
            status.put("solved", List.of());
        }
        status.put("lastBuildMillis", state == null ? null : state.lastBuildMillis);
        status.put("builds", builds.get());
        status.put("updates", updates.get());
        status.put("upkeepMillis", upkeepNanos.get() / 1_000_000);
        return status;
    }

    /**
     * The database a procedure or listener is about: its store directory (two databases of one name in one
     * JVM, as in tests, never share a projection).
     */
    private static String key(GraphDatabaseService db) {
        try {
            return ((GraphDatabaseAPI) db).databaseLayout().databaseDirectory().toAbsolutePath().toString();
        } catch (RuntimeException | LinkageError e) {
            return db.databaseName();
        }
    }

    /** The store's last committed transaction id, or Long.MIN_VALUE when it cannot be read (no check then). */
    private static long lastCommitted(GraphDatabaseService db) {
        try {
            return ((GraphDatabaseAPI) db).getDependencyResolver().resolveDependency(TransactionIdStore.class).getLastCommittedTransactionId();
        } catch (RuntimeException | LinkageError e) {
            return Long.MIN_VALUE;
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
