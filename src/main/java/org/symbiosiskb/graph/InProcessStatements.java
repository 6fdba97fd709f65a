package org.symbiosiskb.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.neo4j.driver.Record;
import org.neo4j.graphdb.GraphDatabaseService;
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
        return mapped(RequestDeadline.bounded(left -> InProcessRows.read(joined.execute(cypher, InProcessRows.parameters(parameters)))), mapper);
    }

    <T> List<T> list(String cypher, Map<String, Object> parameters, Function<Record, T> mapper) {
        List<Record> records = RequestDeadline.bounded(left -> {
            try (Transaction tx = left == null ? database.beginTx() : database.beginTx(Math.max(1, left.toMillis()), TimeUnit.MILLISECONDS)) {
                var read = InProcessRows.read(tx.execute(cypher, parameters));
                tx.commit();
                return read;
            }
        });
        return mapped(records, mapper);
    }

    private static <T> List<T> mapped(List<Record> records, Function<Record, T> mapper) {
        var rows = new ArrayList<T>(records.size());
        for (Record record : records) {
            rows.add(mapper.apply(record));
        }
        return rows;
    }
}
