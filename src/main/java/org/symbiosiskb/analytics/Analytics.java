package org.symbiosiskb.analytics;

/**
 * The algorithms over any {@link FlowGraph}, without a database: what the benchmark's in-memory
 * floor runs, and what a Cypher-backed FlowGraph (for managed databases without plugins) would use.
 */
public final class Analytics {

    private Analytics() {
    }

    public static AnalyticsProcedures.TraceRow trace(FlowGraph graph, String process, int year, String direction,
                                                     String allocation, long maxDepth, double cutoff, long first) {
        return Trace.run(graph, process, year, direction, allocation, maxDepth, cutoff, first);
    }
}
