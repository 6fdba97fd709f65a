package org.symbiosiskb.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.neo4j.driver.Record;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Result;
import org.neo4j.graphdb.Transaction;

/**
 * A statement run on the {@link InProcessDatabase} in a transaction of its own, as an auto-commit statement over
 * Bolt would run. Within a request's time limit the transaction's timeout is the time left, to the millisecond
 * (Spring's transaction manager rounds to whole seconds), and a statement Neo4j stopped for it answers as the
 * Bolt path does: {@link RequestTimedOutException}.
 */
final class InProcessStatements {

    private final GraphDatabaseService database;

    InProcessStatements(InProcessDatabase inProcess) {
        this.database = inProcess.database();
    }

    /** The Neo4j transaction of the thread's Spring-managed transaction ({@link InProcessTransactionManager}), or null. */
    Transaction joined() {
        return InProcessTransactionManager.joined(database);
    }

    /**
     * A statement in the thread's transaction ({@link #joined()}): its timeout was set when it began
     * ({@link RequestDeadline#within}), so only the request's limit is checked here.
     */
    <T> List<T> list(Transaction joined, String cypher, Map<String, Object> parameters, Function<Record, T> mapper) {
        return list(joined, cypher, parameters, InProcessRows::read, mapper);
    }

    <T> List<T> list(String cypher, Map<String, Object> parameters, Function<Record, T> mapper) {
        return list(cypher, parameters, InProcessRows::read, mapper);
    }

    /** {@link #list(Transaction, String, Map, Function)} with rows as {@code read} gives them. */
    <R, T> List<T> list(Transaction joined, String cypher, Map<String, Object> parameters, Function<Result, List<R>> read,
                        Function<R, T> mapper) {
        return mapped(RequestDeadline.bounded(left -> read.apply(joined.execute(cypher, InProcessRows.parameters(parameters)))), mapper);
    }

    /** {@link #list(String, Map, Function)} with rows as {@code read} gives them. */
    <R, T> List<T> list(String cypher, Map<String, Object> parameters, Function<Result, List<R>> read, Function<R, T> mapper) {
        List<R> rows = RequestDeadline.bounded(left -> {
            try (Transaction tx = left == null ? database.beginTx() : database.beginTx(Math.max(1, left.toMillis()), TimeUnit.MILLISECONDS)) {
                var result = read.apply(tx.execute(cypher, parameters));
                tx.commit();
                return result;
            }
        });
        return mapped(rows, mapper);
    }

    private static <R, T> List<T> mapped(List<R> rows, Function<R, T> mapper) {
        var mappedRows = new ArrayList<T>(rows.size());
        for (R row : rows) {
            mappedRows.add(mapper.apply(row));
        }
        return mappedRows;
    }
}
