package org.symbiosiskb.analytics;

import java.util.Collection;

import org.neo4j.graphdb.GraphDatabaseService;

/**
 * The algorithms over any {@link FlowGraph}, without a database: what the benchmark's in-memory
 * floor runs, and what a Cypher-backed FlowGraph (for managed databases without plugins) would use.
 */
public final class Analytics {

    private Analytics() {
    }

    /** A trace that solves the root's upstream closure itself (what a transaction with its own writes does). */
    public static AnalyticsProcedures.TraceRow trace(FlowGraph graph, String process, int year, String direction,
                                                     String allocation, long maxDepth, double cutoff, long first) {
        return Trace.run(graph, process, year, direction, allocation, maxDepth, cutoff, first);
    }

    /** The projection of one year of the graph's processes, as the database keeps it, built in memory. */
    public static Projection project(FlowGraph graph, Collection<String> processes, int year) {
        return new Projection(FlowProjection.of(graph, processes, year), year);
    }

    /** A whole build of a database's projection from its store, and the whole solve of one year and allocation after it. */
    public record Rebuild(int processes, double buildMillis, double solveMillis) {
    }

    /**
     * Builds the database's projection from its store again, beside the one it keeps (which stays as it is), and
     * solves the whole network of the year: what a restarted service's first trace pays. The benchmark times it
     * beside the floor.
     */
    public static Rebuild rebuild(GraphDatabaseService db, int year, String allocation) {
        try (var tx = db.beginTx()) {
            long started = System.nanoTime();
            var projection = FlowProjection.build(tx);
            double build = (System.nanoTime() - started) / 1e6;
            started = System.nanoTime();
            projection.read(year, Allocation.parse(allocation), Guard.NONE, solved -> null);
            double solve = (System.nanoTime() - started) / 1e6;
            return new Rebuild(projection.status().processes(), build, solve);
        }
    }

    /** A projection built in memory: traces read its solved vectors, as kb.trace reads the database's. */
    public static final class Projection {
        private final FlowProjection projection;
        private final int year;

        private Projection(FlowProjection projection, int year) {
            this.projection = projection;
            this.year = year;
        }

        public AnalyticsProcedures.TraceRow trace(String process, String direction, String allocation, long maxDepth, double cutoff,
                                                  long first) {
            return Trace.run(projection, process, year, direction, allocation, maxDepth, cutoff, first);
        }

        /** Solves the whole network of the year again for the allocation (the first trace after a bulk import does this). */
        public void solveAll(String allocation) {
            projection.forgetSolutions();
            projection.read(year, Allocation.parse(allocation), Guard.NONE, solved -> null);
        }

        public long vectorBytes() {
            return projection.status().vectorBytes();
        }
    }
}
