package org.symbiosiskb.graph;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

import org.neo4j.driver.Record;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The one way the feature packages run Cypher: parameters only, records mapped by the caller. It
 * counts statements so that tests (and {@code /actuator/metrics}) can show that a GraphQL request
 * runs a number of statements bounded by its depth, not by its result size.
 * Inside a Spring-managed transaction it joins that transaction. Outside one,
 * during a request with a {@link RequestDeadline}, each statement runs in its own transaction whose
 * timeout is the time the request has left: Neo4j then terminates the statement (and any
 * procedure it calls) instead of letting it run on after the client got its error.
 *
 * <p>When the database runs in this JVM ({@link InProcessDatabase}, the embedded default), a statement outside a
 * Spring-managed transaction runs on it directly, in a transaction of its own: no Bolt serialization, socket or
 * thread hand-over, which were most of a small GraphQL read's time. Rows come as the driver's records either way,
 * through the same guard and mappers ({@link #listPlain}: as Java maps either way, for the GraphQL translation). A Spring-managed transaction is in-process too there
 * ({@link InProcessTransactionManager}), and its statements run in it. Parameters the embedded API does not take as
 * they are go over Bolt outside a transaction, and are converted inside one.
 */
@Component
public class Cypher {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Cypher.class);

    /**
     * The predicate a paged list adds for its node {@code n}: anonymous callers see PUBLIC records
     * only, so their pages and counts must be filtered in the database, not after the LIMIT.
     * ({@code $kbAuth} comes from the {@link RowGuard}; unguarded statements see everything.)
     */
    public static final String SEEN_BY_CALLER = " AND (n.visibility = 'PUBLIC' OR coalesce($kbAuth, true))";

    private final Neo4jClient neo4j;
    private final PlatformTransactionManager transactions;
    private final AtomicLong statements;
    private final RowGuard guard;
    private final InProcessStatements inProcess;

    @org.springframework.beans.factory.annotation.Autowired // the private constructor below makes two
    public Cypher(Neo4jClient neo4j, PlatformTransactionManager transactions, java.util.Optional<RowGuard> guard,
            java.util.Optional<InProcessDatabase> inProcess) {
        this(neo4j, transactions, new AtomicLong(), guard.orElse(null), inProcess.map(InProcessStatements::new).orElse(null));
    }

    private Cypher(Neo4jClient neo4j, PlatformTransactionManager transactions, AtomicLong statements, RowGuard guard,
            InProcessStatements inProcess) {
        this.neo4j = neo4j;
        this.transactions = transactions;
        this.statements = statements;
        this.guard = guard;
        this.inProcess = inProcess;
    }

    /**
     * The same database without the caller's visibility rules: for the import pipeline (which
     * must compare against and check capacities of records the caller may not see) and for the
     * service's own work. Whatever it reads must not be returned to a caller as it is.
     */
    public Cypher unguarded() {
        return guard == null ? this : new Cypher(neo4j, transactions, statements, null, inProcess);
    }

    /** The caller's visibility rule as Cypher predicates (everything is seen by an unguarded statement). */
    public VisibilityRule visibility() {
        return guard == null ? VisibilityRule.EVERYTHING : guard.rule();
    }

    public <T> List<T> list(String cypher, Map<String, Object> parameters, Function<Record, T> mapper) {
        return rows(cypher, parameters, InProcessRows::read, guard == null ? null : guard::apply, record -> record, mapper);
    }

    /**
     * {@link #list}, with each row as Java values the way the driver's {@code Record.asMap()} gives them: maps, lists,
     * strings, numbers, the driver's points and nodes. In-process the embedded API's own maps and lists are passed on
     * as they are, without the copy into driver values (for large answers: the GraphQL translation's).
     * Guarded alike: a caller the guard would change rows for gets them through it.
     */
    public <T> List<T> listPlain(String cypher, Map<String, Object> parameters, Function<Map<String, Object>, T> mapper) {
        return rows(cypher, parameters, InProcessRows::readPlain, guard == null ? null : row -> {
            if (guard.showsAsItIs()) {
                return row;
            }
            Record shown = guard.apply(InProcessRows.record(row));
            return shown == null ? null : shown.asMap();
        }, Record::asMap, mapper);
    }

    /**
     * A statement's rows, read in-process by {@code read} and guarded by {@code guardRow} (null: unguarded), or over
     * Bolt guarded as records and then turned into rows by {@code fromBolt}.
     */
    private <R, T> List<T> rows(String cypher, Map<String, Object> parameters, Function<org.neo4j.graphdb.Result, List<R>> read,
                                Function<R, R> guardRow, Function<Record, R> fromBolt, Function<R, T> mapper) {
        statements.incrementAndGet();
        long started = System.nanoTime();
        @SuppressWarnings("unchecked") // the mapper decides the row type; fetchAs only needs a token
        Class<T> rowType = (Class<T>) Object.class;
        Function<R, T> seen = guardRow == null ? mapper : row -> {
            R shown = guardRow.apply(row);
            return shown == null ? null : mapper.apply(shown);
        };
        Function<Record, T> seenOverBolt = record -> {
            Record shown = guard == null ? record : guard.apply(record);
            return shown == null ? null : mapper.apply(fromBolt.apply(shown));
        };
        Map<String, Object> bound = guard == null ? parameters : guarded(parameters);
        Collection<T> rows;
        var joined = inProcess == null ? null : inProcess.joined();
        if (joined != null) {
            rows = inProcess.list(joined, cypher, bound, read, seen);
        } else if (inProcess != null && !TransactionSynchronizationManager.isActualTransactionActive() && InProcessRows.takes(bound)) {
            rows = inProcess.list(cypher, bound, read, seen);
        } else {
            rows = limited(() -> neo4j.query(cypher).bindAll(bound).fetchAs(rowType).mappedBy((types, record) -> seenOverBolt.apply(record)).all());
        }
        trace(cypher, started, rows.size());
        return rows.stream().filter(java.util.Objects::nonNull).toList();
    }

    private Map<String, Object> guarded(Map<String, Object> parameters) {
        var guarded = new java.util.HashMap<>(parameters);
        guarded.putAll(guard.parameters());
        return guarded;
    }

    /** At DEBUG, each statement's time: {@code logging.level.org.symbiosiskb.graph.Cypher=DEBUG}. */
    private static void trace(String cypher, long started, int rows) {
        if (log.isDebugEnabled()) {
            log.debug("{} ms, {} rows: {}", (System.nanoTime() - started) / 1_000_000, rows,
                    cypher.strip().replaceAll("\\s+", " ").substring(0, Math.min(90, cypher.strip().replaceAll("\\s+", " ").length())));
        }
    }

    public <T> Optional<T> one(String cypher, Map<String, Object> parameters, Function<Record, T> mapper) {
        List<T> rows = list(cypher, parameters, mapper);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.getFirst());
    }

    /**
     * One statement for many parents: the query takes {@code $ids} and returns the parent id as
     * {@code key} with each row. This is what keeps a GraphQL relationship field at one statement
     * per level of the query, whatever the number of parents.
     */
    public <T> Map<String, List<T>> grouped(String cypher, Collection<String> ids, Function<Record, T> mapper) {
        var result = new java.util.HashMap<String, List<T>>();
        if (ids.isEmpty()) {
            return result;
        }
        list(cypher, Map.of("ids", List.copyOf(new java.util.LinkedHashSet<>(ids))), row -> {
            result.computeIfAbsent(row.get("key").asString(), k -> new java.util.ArrayList<>()).add(mapper.apply(row));
            return Boolean.TRUE;
        });
        return result;
    }

    public void run(String cypher, Map<String, Object> parameters) {
        statements.incrementAndGet();
        long started = System.nanoTime();
        var joined = inProcess == null ? null : inProcess.joined();
        if (joined != null) {
            inProcess.list(joined, cypher, parameters, row -> row);
        } else {
            limited(() -> neo4j.query(cypher).bindAll(parameters).run());
        }
        trace(cypher, started, 0);
    }

    /**
     * Runs one statement within the current request's time limit, if it has one: in a transaction of its own whose
     * timeout is the time left, or, inside the caller's transaction, under that transaction's timeout.
     */
    private <T> T limited(Supplier<T> statement) {
        if (RequestDeadline.current().isEmpty() || TransactionSynchronizationManager.isActualTransactionActive()) {
            return RequestDeadline.bounded(left -> statement.get());
        }
        return RequestDeadline.within(transactions, status -> statement.get());
    }

    /**
     * Counts Neo4j answers from its count store (nodes with a label, relationships of a type from or to a label)
     * in constant time, touching no record: the statistics the query limits estimate a query's size from before
     * any of its data is read. Not counted in {@link #statementsRun()}, which counts the statements that read
     * data; unguarded, since the counts are of the whole store and name no record.
     *
     * @param cypher one row of long columns
     */
    public Map<String, Long> countStore(String cypher) {
        long started = System.nanoTime();
        Map<String, Long> counts = neo4j.query(cypher).fetch().one().map(row -> {
            var read = new java.util.HashMap<String, Long>();
            row.forEach((k, v) -> read.put(k, ((Number) v).longValue()));
            return (Map<String, Long>) read;
        }).orElse(Map.of());
        trace(cypher, started, 1);
        return counts;
    }

    /** Statements run since start (all threads). */
    public long statementsRun() {
        return statements.get();
    }
}
