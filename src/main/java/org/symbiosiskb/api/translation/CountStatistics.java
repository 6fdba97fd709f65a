package org.symbiosiskb.api.translation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;
import org.symbiosiskb.api.FanoutEstimate;
import org.symbiosiskb.graph.Cypher;
import org.symbiosiskb.graph.GraphChanged;

/**
 * The data's real fan-out for the query limits (api.QueryCost), from Neo4j's count store: for each relationship
 * field the translator reads, the number of relationships of its type at its label divided by the number of nodes
 * with the label ({@link Fanout}). The store answers each count in constant time, so one statement reads them all;
 * it runs once after each committed write of the service (and at least every 30 s), when an operation first needs it.
 *
 * <p>It is an average: one park with far more organizations than the others is estimated like the others (the
 * request time limit still bounds it), but a query that would return millions of records across the data is
 * refused before it runs, and a page of a hundred parks four levels deep is weighed by what it holds.
 */
@Component
public class CountStatistics implements FanoutEstimate.Source {

    private final GraphTypes types;
    private final Cypher cypher;
    /** One count-store statement reading every count any relationship field needs, and the column of each count. */
    private final String statement;
    private final Map<Object, String> columns;

    CountStatistics(GraphTypes types, Cypher cypher) {
        this.types = types;
        this.cypher = cypher;
        this.columns = new LinkedHashMap<>();
        var calls = new ArrayList<String>();
        types.types().values().forEach(t -> t.fields.values().forEach(f -> {
            if (f instanceof Field.Relation r) {
                for (List<Fanout.Hop> path : r.fanout().paths()) {
                    for (Fanout.Hop hop : path) {
                        column(hop.from(), "MATCH (x:" + hop.from() + ") RETURN count(x)", calls);
                        column(hop, relationships(hop), calls);
                    }
                }
            }
        }));
        // the records a top-level list pages over: a page holds no more than there are
        types.roots().keySet().forEach(field -> types.rootLabel(field)
                .ifPresent(label -> column(label, "MATCH (x:" + label + ") RETURN count(x)", calls)));
        // replan=skip: its plan reads the count store whatever the data, so the plan made at start serves for good
        // (Neo4j would otherwise plan it again whenever the counts moved, on a busy machine for most of a second)
        this.statement = calls.isEmpty() ? null
                : "CYPHER replan=skip\n" + String.join("\n", calls) + "\nRETURN " + String.join(", ", columns.values());
    }

    /**
     * The relationships a hop counts, in a pattern the count store answers (a label on one end only): those of
     * its type at its label, or, where several kinds of records share the type, those of the type at the other
     * end's label (sinks and processes are both IN_PARK of a park: the sinks' are those leaving a CarbonSink).
     */
    private static String relationships(Fanout.Hop hop) {
        String pattern;
        if (hop.to() == null) {
            pattern = hop.outgoing() ? "(:" + hop.from() + ")-[r:" + hop.type() + "]->()" : "(:" + hop.from() + ")<-[r:" + hop.type() + "]-()";
        } else {
            pattern = hop.outgoing() ? "()-[r:" + hop.type() + "]->(:" + hop.to() + ")" : "(:" + hop.to() + ")-[r:" + hop.type() + "]->()";
        }
        return "MATCH " + pattern + " RETURN count(r)";
    }

    private void column(Object key, String count, List<String> calls) {
        if (!columns.containsKey(key)) {
            String name = "c" + columns.size();
            columns.put(key, name);
            calls.add("CALL () { " + count + " AS " + name + " }");
        }
    }

    /**
     * Plans the statement once at start, so the first query that needs the counts does not wait for Neo4j to plan
     * twenty-odd subqueries within its request time.
     */
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    void planAtStart() {
        if (statement != null) {
            try {
                current();
            } catch (RuntimeException e) {
                log.warn("Count statistics not read at start (the query limits will read them when a query needs them)", e);
            }
        }
    }

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(CountStatistics.class);

    /** The counts last read, and when (System.nanoTime); null: to be read again. */
    private volatile Map<String, Long> counts;
    private volatile long countsRead;

    /** Counts older than this are read again even without a write of ours (a researcher's Cypher over Bolt writes too). */
    private static final long MAX_AGE_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(30);

    /**
     * The counts as of the last committed write of the service (an import, a mutation, a harvest: {@link GraphChanged}), read
     * again after one, so a query right after a write is weighed by what the write left, and otherwise one read serves
     * every query.
     */
    private Map<String, Long> current() {
        Map<String, Long> known = counts;
        if (known == null || System.nanoTime() - countsRead > MAX_AGE_NANOS) {
            known = cypher.countStore(statement);
            countsRead = System.nanoTime();
            counts = known;
        }
        return known;
    }

    /** A committed write changed the graph: the next query that needs the counts reads them. */
    @org.springframework.transaction.event.TransactionalEventListener(fallbackExecution = true)
    void graphChanged(GraphChanged event) {
        counts = null;
    }

    /** The statement reading every count (null when no relationship field is translated), for the benchmark's profile. */
    public String statement() {
        return statement;
    }

    /** The estimate for one operation: the counts are read when a field first needs them, once. */
    @Override
    public FanoutEstimate forOperation() {
        if (statement == null) {
            return FanoutEstimate.NONE;
        }
        var counts = new Supplier<Map<String, Long>>() {
            Map<String, Long> read;

            @Override
            public Map<String, Long> get() {
                if (read == null) {
                    read = current();
                }
                return read;
            }
        };
        var averages = new HashMap<String, OptionalDouble>();
        return new FanoutEstimate() {
            @Override
            public OptionalDouble average(String type, String field) {
                return averages.computeIfAbsent(type + "." + field,
                        k -> types.fanout(type, field).map(f -> OptionalDouble.of(CountStatistics.this.average(f, counts.get())))
                                .orElse(OptionalDouble.empty()));
            }

            @Override
            public OptionalDouble records(String queryField) {
                return types.rootLabel(queryField)
                        .map(label -> OptionalDouble.of(counts.get().getOrDefault(columns.get(label), 0L)))
                        .orElse(OptionalDouble.empty());
            }
        };
    }

    /** Alternatives add up; the hops of a path multiply their averages (relationships per node of the label). */
    private double average(Fanout fanout, Map<String, Long> counts) {
        if (fanout.paths().isEmpty()) {
            return 1; // a relationship to at most one record
        }
        double sum = 0;
        for (List<Fanout.Hop> path : fanout.paths()) {
            double product = 1;
            for (Fanout.Hop hop : path) {
                long nodes = counts.getOrDefault(columns.get(hop.from()), 0L);
                long relationships = counts.getOrDefault(columns.get(hop), 0L);
                product *= nodes == 0 ? 0 : (double) relationships / nodes;
            }
            sum += product;
        }
        return sum;
    }
}
