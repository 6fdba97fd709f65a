package org.symbiosiskb.graph;

import java.util.concurrent.TimeUnit;

import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Transaction;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.SmartTransactionObject;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Spring's transactions on the embedded database itself (the embedded default): the statements of a write transaction
 * (an import, a record's change, a scenario) run in-process in a Neo4j transaction bound to the thread, as the reads
 * outside a transaction already do ({@link Cypher}). Over Bolt each of an import's statements cost a round trip to
 * the same JVM and the packing and unpacking of its rows, about a fifth of a small document's import
 * (docs/benchmarks.md, issue 15). Absent when the service talks to a Neo4j server: Spring Data Neo4j's manager runs
 * the transactions over Bolt there.
 *
 * <p>A transaction joined by an inner one (propagation REQUIRED, the only one the service uses) is the same Neo4j
 * transaction; an inner failure marks it rollback-only, as with Spring Data Neo4j's manager.
 */
final class InProcessTransactionManager extends AbstractPlatformTransactionManager {

    private final GraphDatabaseService database;

    InProcessTransactionManager(InProcessDatabase inProcess) {
        this.database = inProcess.database();
    }

    /** The Neo4j transaction of the current thread's Spring-managed transaction on {@code database}, or null. */
    static Transaction joined(GraphDatabaseService database) {
        Bound bound = bound(database);
        return bound == null ? null : bound.transaction;
    }

    /** What the thread's transaction on {@code database} has bound, or null. */
    private static Bound bound(GraphDatabaseService database) {
        return TransactionSynchronizationManager.getResource(database) instanceof Bound bound ? bound : null;
    }

    /** What is bound to the thread: the Neo4j transaction, and whether a participant asked for its rollback. */
    private static final class Bound implements SmartTransactionObject {
        private final Transaction transaction;
        private boolean rollbackOnly;

        Bound(Transaction transaction) {
            this.transaction = transaction;
        }

        @Override
        public boolean isRollbackOnly() {
            return rollbackOnly;
        }

        @Override
        public void flush() {
        }
    }

    /** Spring's transaction object: the bound transaction it joins, or the one it begins. */
    private static final class Handle {
        private Bound bound;
    }

    @Override
    protected Object doGetTransaction() {
        var handle = new Handle();
        handle.bound = bound(database);
        return handle;
    }

    @Override
    protected boolean isExistingTransaction(Object transaction) {
        return ((Handle) transaction).bound != null;
    }

    @Override
    protected void doBegin(Object transaction, TransactionDefinition definition) {
        int timeout = determineTimeout(definition);
        Transaction tx = timeout == TransactionDefinition.TIMEOUT_DEFAULT ? database.beginTx() : database.beginTx(timeout, TimeUnit.SECONDS);
        var bound = new Bound(tx);
        ((Handle) transaction).bound = bound;
        TransactionSynchronizationManager.bindResource(database, bound);
    }

    @Override
    protected Object doSuspend(Object transaction) {
        ((Handle) transaction).bound = null;
        return TransactionSynchronizationManager.unbindResource(database);
    }

    @Override
    protected void doResume(Object transaction, Object suspended) {
        TransactionSynchronizationManager.bindResource(database, suspended);
    }

    @Override
    protected void doCommit(DefaultTransactionStatus status) {
        ((Handle) status.getTransaction()).bound.transaction.commit();
    }

    @Override
    protected void doRollback(DefaultTransactionStatus status) {
        ((Handle) status.getTransaction()).bound.transaction.rollback();
    }

    @Override
    protected void doSetRollbackOnly(DefaultTransactionStatus status) {
        ((Handle) status.getTransaction()).bound.rollbackOnly = true;
    }

    @Override
    protected void doCleanupAfterCompletion(Object transaction) {
        TransactionSynchronizationManager.unbindResource(database);
        ((Handle) transaction).bound.transaction.close();
    }
}
