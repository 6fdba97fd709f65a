package org.symbiosiskb.analytics;

/**
 * A process's product footprint for PACT (issue 14): its MASS trace of a year per tonne of output,
 * F(p) / outputTonnes, with the parts of F(p) that the same solve follows through the value chain
 * ({@link Parts}): the primary (REPORTED and CALCULATED) share and the biogenic CO2 beside it.
 * No chains are listed: it reads the projection's solved vectors, or costs one solve of the closure.
 */
final class ProductFootprints {

    private ProductFootprints() {
    }

    static AnalyticsProcedures.ProductFootprintRow run(FlowGraph graph, String process, int year, Guard guard) {
        if (graph instanceof FlowProjection projection) {
            return projection.read(year, Allocation.MASS, guard, solved -> {
                requireProcess(graph, process);
                return compute(solved, process);
            });
        }
        requireProcess(graph, process);
        return compute(Footprints.solve(graph, process, year, Allocation.MASS, guard), process);
    }

    private static void requireProcess(FlowGraph graph, String process) {
        if (!graph.processExists(process)) {
            throw AnalyticsException.notFound("no process " + process);
        }
    }

    private static AnalyticsProcedures.ProductFootprintRow compute(Solved solved, String process) {
        if (solved.error(process) != null) {
            throw solved.error(process);
        }
        int year = solved.year();
        double total = solved.footprint(process);
        Parts parts = solved.parts(process);
        Double output = solved.outputTonnes(process);
        boolean perTonne = output != null && output > 0;
        var row = new AnalyticsProcedures.ProductFootprintRow();
        row.process = process;
        row.year = year;
        row.total = total;
        row.outputTonnes = output;
        row.perTonne = perTonne ? total / output : null;
        row.reportedShare = total == 0 ? null : parts.reported() / total;
        row.primaryShare = total == 0 ? null : parts.primary() / total;
        row.biogenicCO2 = parts.biogenicCO2();
        double all = total + parts.biogenicCO2();
        row.primaryShareWithBiogenic = all == 0 ? null : (parts.primary() + parts.primaryBiogenicCO2()) / all;
        row.biogenicCO2PerTonne = perTonne ? parts.biogenicCO2() / output : null;
        return row;
    }
}
