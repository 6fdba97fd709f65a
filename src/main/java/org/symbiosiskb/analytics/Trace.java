package org.symbiosiskb.analytics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * traceEmissions (docs/spec/analytics.md §1): the numbers and the chains, as one procedure row. The totals
 * come from solved footprints: the projection's vectors of the whole network when the trace may
 * read it, else the root's closure solved from the store; the chains are explored best first.
 */
final class Trace {

    private Trace() {
    }

    static AnalyticsProcedures.TraceRow run(FlowGraph graph, String process, int year, String direction, String allocationName,
                                            long maxDepth, double cutoff, long first) {
        return run(graph, process, year, direction, allocationName, maxDepth, cutoff, first, Guard.NONE);
    }

    static AnalyticsProcedures.TraceRow run(FlowGraph graph, String process, int year, String direction, String allocationName,
                                            long maxDepth, double cutoff, long first, Guard guard) {
        Allocation allocation = Allocation.parse(allocationName);
        boolean downstream = switch (direction == null ? "UPSTREAM" : direction) {
            case "UPSTREAM" -> false;
            case "DOWNSTREAM" -> true;
            default -> throw AnalyticsException.badRequest("direction must be UPSTREAM or DOWNSTREAM, found " + direction);
        };
        if (maxDepth < 0) {
            throw AnalyticsException.badRequest("maxDepth must be 0 or more, found " + maxDepth);
        }
        if (!(cutoff >= 0 && cutoff <= 1)) {
            throw AnalyticsException.badRequest("cutoff must be between 0 and 1, found " + cutoff);
        }
        if (first < 0) {
            throw AnalyticsException.badRequest("first must be 0 or more, found " + first);
        }
        int depth = (int) Math.min(maxDepth, Integer.MAX_VALUE);
        int listed = (int) Math.min(first, Integer.MAX_VALUE);
        if (graph instanceof FlowProjection projection) {
            return projection.read(year, allocation, guard, solved -> {
                requireProcess(graph, process);
                return compute(solved, process, downstream, depth, cutoff, listed, guard);
            });
        }
        requireProcess(graph, process);
        return compute(Footprints.solve(graph, process, year, allocation, guard), process, downstream, depth, cutoff, listed, guard);
    }

    private static void requireProcess(FlowGraph graph, String process) {
        if (!graph.processExists(process)) {
            throw AnalyticsException.notFound("no process " + process);
        }
    }

    private static AnalyticsProcedures.TraceRow compute(Solved solved, String process, boolean downstream, int maxDepth, double cutoff,
                                                        int first, Guard guard) {
        if (solved.error(process) != null) {
            throw solved.error(process);
        }
        Allocation allocation = solved.allocation();
        int year = solved.year();
        double total = solved.footprint(process);
        List<Flow> inputs = solved.inputs(process);
        var row = new AnalyticsProcedures.TraceRow();
        row.process = process;
        row.year = year;
        row.direction = downstream ? "DOWNSTREAM" : "UPSTREAM";
        row.allocation = allocation.name();
        row.direct = solved.direct(process);
        row.transport = inputs.stream().mapToDouble(Flow::transport).sum();
        row.inherited = inputs.stream().mapToDouble(f -> inherited(solved, f)).sum();
        row.total = total;
        // the share of the total that registers reported: the same system solved with only the reported emissions
        row.reportedShare = total == 0 ? null : solved.parts(process).reported() / total;
        Double output = solved.outputTonnes(process);
        row.intensity = output == null || output == 0 ? null : total / output;
        Chains.Result chains;
        if (downstream) {
            chains = Chains.downstream(solved, process, total, maxDepth, cutoff, first, guard);
            double passedOn = solved.outputs(process).stream().mapToDouble(f -> f.share(allocation) * total).sum();
            row.passedOn = passedOn;
            double direct = chains.listed().stream().filter(c -> c.flows().size() == 1).mapToDouble(Chains.Chain::contribution).sum();
            // downstream: the share of what p passes on directly that the listed one-flow chains show
            row.coverage = passedOn == 0 ? 1 : direct / passedOn;
        } else {
            chains = Chains.upstream(solved, process, maxDepth, cutoff, first, guard);
            double listedSum = chains.listed().stream().mapToDouble(Chains.Chain::contribution).sum();
            row.coverage = total == 0 ? 1 : (solved.local(process) + listedSum) / total;
        }
        row.truncated = chains.truncated();
        row.paths = paths(chains.listed(), allocation);
        return row;
    }

    /** What a flow brings in: c(f) × F(producer), or m × the published footprint. */
    private static double inherited(Solved solved, Flow f) {
        double c = f.shareIn(solved.allocation(), solved.year());
        return (c == 0 ? 0 : c * solved.footprint(f.producer())) + f.publishedBurden(solved.allocation(), solved.year());
    }

    private static List<Map<String, Object>> paths(List<Chains.Chain> chains, Allocation allocation) {
        var paths = new ArrayList<Map<String, Object>>();
        for (Chains.Chain chain : chains) {
            var hops = new ArrayList<Map<String, Object>>();
            for (Flow f : chain.flows()) {
                var hop = new LinkedHashMap<String, Object>();
                hop.put("flow", f.id());
                hop.put("from", f.producer());
                hop.put("sideStream", f.sideStream());
                hop.put("to", f.consumer());
                hop.put("quantity", f.quantity());
                hop.put("share", f.share(allocation));
                hops.add(hop);
            }
            var path = new LinkedHashMap<String, Object>();
            path.put("contribution", chain.contribution());
            path.put("hops", hops);
            paths.add(path);
        }
        return paths;
    }
}
