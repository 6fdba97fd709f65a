package org.symbiosiskb.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.symbiosiskb.analytics.Counting;
import org.symbiosiskb.analytics.Flow;
import org.symbiosiskb.analytics.Parts;
import org.symbiosiskb.analytics.FlowGraph;

/**
 * The floor: the flow graph of one year as plain Java maps and lists, built from the generated
 * documents, so the benchmark can run the very same algorithms without Neo4j. Only what a trace
 * reads is here; emission records count as analytics.Counting says (per process and scope, the
 * best provenance present).
 */
final class InMemoryFlowGraph implements FlowGraph {

    private final Map<String, List<Flow>> into = new HashMap<>();
    private final Map<String, List<Flow>> outOf = new HashMap<>();
    private final Map<String, Double> direct = new HashMap<>();
    private final Map<String, Double> reported = new HashMap<>();
    private final Map<String, Double> primary = new HashMap<>();
    private final Map<String, Double> output = new HashMap<>();
    private final List<String> processes = new ArrayList<>();

    @SuppressWarnings("unchecked")
    InMemoryFlowGraph(List<NetworkGenerator.Network> networks, int year) {
        var streams = new HashMap<String, Object[]>(); // id → producer, quantity, unit, allocationShare
        for (var network : networks) {
            for (var doc : network.recordDocuments()) {
                for (var p : (List<Map<String, Object>>) doc.get("processes")) {
                    String id = (String) p.get("id");
                    processes.add(id);
                    output.put(id, (Double) p.get("outputTonnes"));
                    into.put(id, new ArrayList<>());
                    outOf.put(id, new ArrayList<>());
                }
                // process → scope → [best rank, sum, reported sum, primary (REPORTED or CALCULATED) sum]
                var best = new HashMap<String, Map<Integer, double[]>>();
                for (var e : (List<Map<String, Object>>) doc.get("emissions")) {
                    int scope = (Integer) e.get("scope");
                    if ((Integer) e.get("year") != year || scope > 2) {
                        continue;
                    }
                    var provenance = (Map<String, Object>) e.get("provenance");
                    String kind = Counting.kind(provenance == null ? null : (String) provenance.get("kind"));
                    int rank = Counting.ORDER.indexOf(kind);
                    double t = (Double) e.get("tCO2e");
                    double[] b = best.computeIfAbsent((String) e.get("process"), k -> new HashMap<>()).computeIfAbsent(scope, k -> new double[] {9, 0, 0, 0});
                    if (rank < b[0]) {
                        b[0] = rank;
                        b[1] = 0;
                        b[2] = 0;
                        b[3] = 0;
                    }
                    if (rank == b[0]) {
                        b[1] += t;
                        b[2] += "REPORTED".equals(kind) ? t : 0;
                        b[3] += "REPORTED".equals(kind) || "CALCULATED".equals(kind) ? t : 0;
                    }
                }
                best.forEach((process, scopes) -> scopes.values().forEach(b -> {
                    direct.merge(process, b[1], Double::sum);
                    reported.merge(process, b[2], Double::sum);
                    primary.merge(process, b[3], Double::sum);
                }));
                for (var s : (List<Map<String, Object>>) doc.get("sideStreams")) {
                    streams.put((String) s.get("id"), new Object[] {s.get("producer"), s.get("quantity"), s.get("unit"), s.get("allocationShare")});
                }
            }
        }
        for (var network : networks) {
            for (var doc : network.flowDocuments()) {
                for (var f : (List<Map<String, Object>>) doc.get("flows")) {
                    Integer from = (Integer) f.get("fromYear");
                    if (from != null && from > year) {
                        continue;
                    }
                    Object[] s = streams.get((String) f.get("sideStream"));
                    String producer = (String) s[0];
                    var flow = new Flow((String) f.get("id"), (String) f.get("sideStream"), producer, (String) f.get("consumer"),
                            (Double) f.get("quantity"), (String) s[2], (Double) s[1], (Double) s[3], output.get(producer),
                            (Double) f.get("distanceKm"), null, (String) f.get("transportMode"), null, null);
                    into.get(flow.consumer()).add(flow);
                    outOf.get(producer).add(flow);
                }
            }
        }
        into.values().forEach(l -> l.sort(Comparator.comparing(Flow::id)));
        outOf.values().forEach(l -> l.sort(Comparator.comparing(Flow::id)));
    }

    List<String> processes() {
        return processes;
    }

    @Override public boolean processExists(String process) { return into.containsKey(process); }
    @Override public List<Flow> flowsInto(String process, int year) { return into.getOrDefault(process, List.of()); }
    @Override public List<Flow> flowsOutOf(String process, int year) { return outOf.getOrDefault(process, List.of()); }
    @Override public double directEmissions(String process, int year) { return direct.getOrDefault(process, 0.0); }
    @Override public Parts parts(String process, int year) { // the synthetic network states no biogenic CO2
        return new Parts(reported.getOrDefault(process, 0.0), primary.getOrDefault(process, 0.0), 0, 0);
    }
    @Override public Double outputTonnes(String process) { return output.get(process); }
}
