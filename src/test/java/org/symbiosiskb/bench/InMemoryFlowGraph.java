package org.symbiosiskb.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.symbiosiskb.analytics.Flow;
import org.symbiosiskb.analytics.FlowGraph;

/**
 * The floor: the flow graph of one year as plain Java maps and lists, built from the generated
 * documents, so the benchmark can run the very same trace algorithm without Neo4j. Only what a
 * trace reads is here; the other reads answer empty.
 */
final class InMemoryFlowGraph implements FlowGraph {

    private final Map<String, List<Flow>> into = new HashMap<>();
    private final Map<String, List<Flow>> outOf = new HashMap<>();
    private final Map<String, Double> direct = new HashMap<>();
    private final Map<String, Double> output = new HashMap<>();

    @SuppressWarnings("unchecked")
    InMemoryFlowGraph(NetworkGenerator.Network network, int year) {
        var streams = new HashMap<String, Map<String, Object>>();
        for (var doc : network.recordDocuments()) {
            for (var p : (List<Map<String, Object>>) doc.get("processes")) {
                output.put((String) p.get("id"), (Double) p.get("outputTonnes"));
                into.put((String) p.get("id"), new ArrayList<>());
                outOf.put((String) p.get("id"), new ArrayList<>());
            }
            for (var e : (List<Map<String, Object>>) doc.get("emissions")) {
                if (((Integer) e.get("year")) == year && ((Integer) e.get("scope")) <= 2) {
                    direct.merge((String) e.get("process"), (Double) e.get("tCO2e"), Double::sum);
                }
            }
            for (var s : (List<Map<String, Object>>) doc.get("sideStreams")) {
                streams.put((String) s.get("id"), s);
            }
        }
        for (var doc : network.flowDocuments()) {
            for (var f : (List<Map<String, Object>>) doc.get("flows")) {
                Integer from = (Integer) f.get("fromYear");
                if (from != null && from > year) {
                    continue;
                }
                var s = streams.get((String) f.get("sideStream"));
                String producer = (String) s.get("producer");
                var flow = new Flow((String) f.get("id"), (String) s.get("id"), producer, (String) f.get("consumer"),
                        (Double) f.get("quantity"), (String) s.get("unit"), (Double) s.get("quantity"), null, output.get(producer),
                        (Double) f.get("distanceKm"), null, (String) f.get("transportMode"), null, null);
                into.get(flow.consumer()).add(flow);
                outOf.get(producer).add(flow);
            }
        }
        into.values().forEach(l -> l.sort(java.util.Comparator.comparing(Flow::id)));
        outOf.values().forEach(l -> l.sort(java.util.Comparator.comparing(Flow::id)));
    }

    @Override public boolean processExists(String process) { return into.containsKey(process); }
    @Override public List<Flow> flowsInto(String process, int year) { return into.getOrDefault(process, List.of()); }
    @Override public List<Flow> flowsOutOf(String process, int year) { return outOf.getOrDefault(process, List.of()); }
    @Override public double directEmissions(String process, int year) { return direct.getOrDefault(process, 0.0); }
    @Override public org.symbiosiskb.analytics.Parts parts(String process, int year) { return org.symbiosiskb.analytics.Parts.NONE; } // the synthetic network reports nothing
    @Override public Double outputTonnes(String process) { return output.get(process); }
}
