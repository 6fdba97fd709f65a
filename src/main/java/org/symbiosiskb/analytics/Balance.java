package org.symbiosiskb.analytics;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.symbiosiskb.analytics.Records.Agreement;
import org.symbiosiskb.analytics.Records.EmissionRecord;
import org.symbiosiskb.analytics.Records.Sink;

/** carbonBalance (docs/spec/analytics.md §2): gross, sinks, offsets, avoided, net, without double counting. */
final class Balance {

    private Balance() {
    }

    static AnalyticsProcedures.BalanceRow run(KnowledgeGraph graph, String park, int year, boolean includeScope3, boolean includeAvoided) {
        if (!graph.exists("Park", park)) {
            throw AnalyticsException.notFound("no park " + park);
        }
        var processes = graph.processesInPark(park);
        var byProcess = new ArrayList<Map<String, Object>>();
        var bySource = new TreeMap<String, Double>();
        var sourceFrom = new TreeMap<String, List<String>>();
        var grossFrom = new ArrayList<String>();
        var avoidedFrom = new ArrayList<String>();
        double gross = 0;
        double reported = 0;
        double avoided = 0;
        for (String p : processes) {
            double sum = 0;
            var from = new ArrayList<String>();
            for (EmissionRecord e : graph.emissions(p, year)) {
                if (e.scope() <= 2 || includeScope3) {
                    sum += e.tCO2e();
                    from.add(e.id());
                    reported += e.reported() ? e.tCO2e() : 0;
                    String source = e.source() == null ? "UNSPECIFIED" : e.source();
                    bySource.merge(source, e.tCO2e(), Double::sum);
                    sourceFrom.computeIfAbsent(source, k -> new ArrayList<>()).add(e.id());
                }
            }
            gross += sum;
            grossFrom.addAll(from);
            if (sum > 0) {
                byProcess.add(Map.of("process", p, "tCO2e", sum, "from", from));
            }
            for (Flow f : graph.flowsInto(p, year)) {
                if (f.avoided() != 0) {
                    avoided += f.avoided();
                    avoidedFrom.add(f.id());
                }
            }
        }
        byProcess.sort((a, b) -> {
            int cmp = Double.compare((Double) b.get("tCO2e"), (Double) a.get("tCO2e"));
            return cmp != 0 ? cmp : ((String) a.get("process")).compareTo((String) b.get("process"));
        });
        var sinks = graph.sinksInPark(park);
        var parkSinks = new HashSet<String>();
        var sequestrationFrom = new ArrayList<String>();
        var soldFrom = new ArrayList<String>();
        double sequestration = 0;
        double soldOutside = 0;
        for (Sink s : sinks) {
            parkSinks.add(s.id());
            if (s.activeIn(year)) {
                sequestration += s.tCO2ePerYear();
                sequestrationFrom.add(s.id());
            }
            for (Agreement a : graph.agreementsOnSink(s.id())) {
                if (a.activeIn(year) && !park.equals(graph.parkOfOrganization(a.buyer()))) {
                    soldOutside += a.tCO2ePerYear();
                    soldFrom.add(a.id());
                }
            }
        }
        double purchased = 0;
        var seen = new HashSet<String>();
        for (String organization : graph.organizationsInPark(park)) {
            for (Agreement a : graph.agreementsOfBuyer(organization)) {
                if (a.activeIn(year) && !parkSinks.contains(a.sink()) && seen.add(a.id())) {
                    purchased += a.tCO2ePerYear();
                }
            }
        }
        var row = new AnalyticsProcedures.BalanceRow();
        row.park = park;
        row.year = year;
        row.gross = gross;
        row.sequestration = sequestration;
        row.soldOutside = soldOutside;
        row.retained = sequestration - soldOutside;
        row.purchasedOffsets = purchased;
        row.avoided = avoided;
        row.net = gross - row.retained - purchased - (includeAvoided ? avoided : 0);
        row.reportedShare = gross == 0 ? null : reported / gross;
        row.climatePositive = row.net < 0;
        row.carbonNeutral = row.net <= 0;
        row.byProcess = byProcess;
        var sources = new ArrayList<Map<String, Object>>();
        bySource.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> sources.add(new LinkedHashMap<>(Map.of("source", e.getKey(), "tCO2e", e.getValue(),
                        "from", sourceFrom.get(e.getKey())))));
        row.bySource = sources;
        // what each figure is computed from, so that the service shows it only to whoever may see all of it
        row.grossFrom = grossFrom;
        row.sequestrationFrom = sequestrationFrom;
        row.soldOutsideFrom = soldFrom;
        row.purchasedOffsetsFrom = List.copyOf(seen);
        row.avoidedFrom = avoidedFrom;
        return row;
    }
}
