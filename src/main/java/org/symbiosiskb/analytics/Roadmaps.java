package org.symbiosiskb.analytics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;

import org.symbiosiskb.analytics.RoadmapGraph.Goal;
import org.symbiosiskb.analytics.RoadmapGraph.Plan;
import org.symbiosiskb.analytics.RoadmapGraph.Step;

/** A roadmap's trajectory, its targets' status and its abatement cost curve (docs/spec/analytics.md §6). */
final class Roadmaps {

    private final KnowledgeGraph graph;
    private final Plan plan;
    private final List<String> processes;
    private final NavigableSet<Integer> emissionYears;

    private Roadmaps(KnowledgeGraph graph, RoadmapGraph roadmaps, String roadmapId) {
        this.graph = graph;
        this.plan = roadmaps.roadmap(roadmapId);
        if (plan == null) {
            throw AnalyticsException.notFound("no roadmap " + roadmapId);
        }
        if (plan.park() == null || !graph.exists("Park", plan.park())) {
            throw AnalyticsException.notFound("roadmap " + roadmapId + " is for park " + plan.park() + ", which is not in the database");
        }
        this.processes = graph.processesInPark(plan.park());
        this.emissionYears = roadmaps.emissionYears(processes);
    }

    static RoadmapRows.RoadmapRow run(KnowledgeGraph graph, RoadmapGraph roadmaps, String roadmapId) {
        return new Roadmaps(graph, roadmaps, roadmapId).trajectory();
    }

    static List<RoadmapRows.CurveRow> curve(KnowledgeGraph graph, RoadmapGraph roadmaps, String roadmapId, int year) {
        return new Roadmaps(graph, roadmaps, roadmapId).curve(year);
    }

    /** The capital recovery factor r(1+r)^n / ((1+r)^n − 1), 1/n when r = 0: capex × CRF is the equal yearly payment over n years. */
    static double capitalRecoveryFactor(double r, int n) {
        if (r == 0) {
            return 1.0 / n;
        }
        double growth = Math.pow(1 + r, n);
        return r * growth / (growth - 1);
    }

    private record Year(int year, double baseline, double planned, double avoided) {
    }

    /** Every record a figure of this roadmap is computed from, gathered as the years are computed. */
    private final java.util.Set<String> dependsOn = new java.util.TreeSet<>();

    /** A trajectory computes a balance per year; a typo such as a target in 2300 should not cost three centuries of them. */
    static final int MAX_YEARS = 100;

    private RoadmapRows.RoadmapRow trajectory() {
        int last = plan.targets().stream().mapToInt(Goal::year).max().orElse(plan.baseYear());
        if (last - plan.baseYear() >= MAX_YEARS) {
            throw AnalyticsException.badRequest("roadmap " + plan.id() + " runs from " + plan.baseYear() + " to " + last
                    + "; a trajectory covers at most " + MAX_YEARS + " years");
        }
        var years = new ArrayList<Map<String, Object>>();
        for (int y = plan.baseYear(); y <= last; y++) {
            Year point = year(y);
            var row = new LinkedHashMap<String, Object>();
            row.put("year", (long) y);
            row.put("baseline", point.baseline());
            row.put("planned", point.planned());
            row.put("avoided", point.avoided());
            years.add(row);
        }
        double baseNet = year(plan.baseYear()).baseline();
        var status = new ArrayList<Map<String, Object>>();
        for (Goal target : plan.targets()) {
            double threshold = target.maxNet() != null ? target.maxNet() : baseNet * (1 - target.reductionPercent() / 100);
            double planned = year(target.year()).planned();
            var row = new LinkedHashMap<String, Object>();
            row.put("year", (long) target.year());
            row.put("threshold", threshold);
            row.put("planned", planned);
            row.put("gap", planned - threshold);
            row.put("met", planned - threshold <= 0);
            status.add(row);
        }
        var result = new RoadmapRows.RoadmapRow();
        result.roadmap = plan.id();
        result.park = plan.park();
        result.baseYear = plan.baseYear();
        result.discountRate = plan.discountRate();
        result.trajectory = years;
        result.targetStatus = status;
        plan.measures().forEach(m -> dependsOn.add(m.id()));
        result.dependsOn = List.copyOf(dependsOn);
        return result;
    }

    /** baseline, planned and avoided in year y (docs/spec/analytics.md §6, Trajectory). */
    private Year year(int y) {
        var balance = Balance.run(graph, plan.park(), y, false, false);
        for (var from : List.of(balance.sequestrationFrom, balance.soldOutsideFrom, balance.purchasedOffsetsFrom, balance.avoidedFrom)) {
            dependsOn.addAll(from);
        }
        Integer carried = emissionYears.floor(y);
        if (carried != null) {
            processes.forEach(p -> graph.emissions(p, carried).stream().filter(e -> e.scope() <= 2).forEach(e -> dependsOn.add(e.id())));
        }
        // emissions are carried forward from the latest year with records, never invented
        double gross = carried == null ? 0 : carried == y ? balance.gross : grossIn(carried);
        double baseline = balance.net - balance.gross + gross;
        double abatement = 0;
        double avoided = balance.avoided;
        for (Step m : plan.measures()) {
            if (m.inEffect(y)) {
                abatement += abatement(m, carried);
                if ("EMISSION_CUT".equals(m.kind()) && m.process() != null && carried != null) {
                    graph.emissions(m.process(), carried).stream().filter(e -> e.scope() <= 2).forEach(e -> dependsOn.add(e.id()));
                }
                if ("NEW_FLOW".equals(m.kind())) {
                    avoided += flowAvoided(m);
                }
            }
        }
        return new Year(y, baseline, baseline - abatement, avoided);
    }

    private double grossIn(int year) {
        double gross = 0;
        for (String p : processes) {
            gross += graph.directEmissions(p, year);
        }
        return gross;
    }

    /** In the inventory: EMISSION_CUT min(t, E(process) in the carried year); NEW_SINK and OFFSET t; NEW_FLOW 0. */
    private double abatement(Step m, Integer carried) {
        return switch (m.kind()) {
            case "EMISSION_CUT" -> m.process() == null || carried == null ? 0
                    : Math.min(m.tCO2ePerYear(), graph.directEmissions(m.process(), carried));
            case "NEW_SINK", "OFFSET" -> m.tCO2ePerYear();
            default -> 0;
        };
    }

    /** quantity × substitutesFactor − the flow's transport emissions. */
    private static double flowAvoided(Step m) {
        return m.flow() == null ? 0 : m.flow().avoided() - m.flow().transport();
    }

    private List<RoadmapRows.CurveRow> curve(int year) {
        Integer carried = emissionYears.floor(year);
        var rows = new ArrayList<RoadmapRows.CurveRow>();
        for (Step m : plan.measures()) {
            if (!m.inEffect(year)) {
                continue;
            }
            double a = "NEW_FLOW".equals(m.kind()) ? flowAvoided(m) : abatement(m, carried);
            if (a <= 0) {
                continue;
            }
            var row = new RoadmapRows.CurveRow();
            row.measure = m.id();
            row.kind = m.kind();
            var from = new ArrayList<String>(List.of(m.id()));
            if ("EMISSION_CUT".equals(m.kind()) && m.process() != null && carried != null) {
                from.add(m.process());
                graph.emissions(m.process(), carried).stream().filter(e -> e.scope() <= 2).forEach(e -> from.add(e.id()));
            }
            row.dependsOn = from;
            row.abatement = a;
            row.annualisedCost = m.capexEUR() * capitalRecoveryFactor(plan.discountRate(), m.lifetimeYears()) + m.opexEURPerYear();
            row.costPerTonne = row.annualisedCost / a;
            rows.add(row);
        }
        rows.sort(Comparator.comparingDouble((RoadmapRows.CurveRow r) -> r.costPerTonne).thenComparing(r -> r.measure));
        double cumulative = 0;
        for (var row : rows) {
            cumulative += row.abatement;
            row.cumulativeAbatement = cumulative;
        }
        return rows;
    }
}
