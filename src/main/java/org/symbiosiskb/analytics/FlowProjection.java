package org.symbiosiskb.analytics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.graphdb.Direction;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Relationship;
import org.neo4j.graphdb.Transaction;

/**
 * An immutable in-memory copy of the flow graph, all years at once: what a trace reads, without
 * touching the store (the route Neo4j's Graph Data Science library takes; docs/benchmarks.md, "The projection"). Built in one pass over the
 * processes inside a transaction; {@link FlowProjections} decides when it is current.
 */
final class FlowProjection implements FlowGraph {

    /** A flow and the years it runs (null: open). */
    private record Dated(Flow flow, Long fromYear, Long toYear) {

        boolean activeIn(int year) {
            return (fromYear == null || fromYear <= year) && (toYear == null || year <= toYear);
        }
    }

    private final Map<String, List<Dated>> into = new HashMap<>();
    private final Map<String, List<Dated>> outOf = new HashMap<>();
    /** process → year → scope 1 + 2, the records that count (Counting) */
    private final Map<String, Map<Integer, Double>> direct = new HashMap<>();
    /** process → year → its parts (Parts: reported, primary, biogenic CO2) */
    private final Map<String, Map<Integer, Parts>> parts = new HashMap<>();
    private final Map<String, Double> output = new HashMap<>();

    static FlowProjection build(Transaction tx) {
        var projection = new FlowProjection();
        try (var processes = tx.findNodes(CoreFlowGraph.PROCESS)) {
            processes.forEachRemaining(projection::add);
        }
        projection.into.values().forEach(FlowProjection::sort);
        projection.outOf.values().forEach(FlowProjection::sort);
        return projection;
    }

    private void add(Node process) {
        String id = CoreFlowGraph.id(process);
        into.computeIfAbsent(id, k -> new ArrayList<>());
        outOf.computeIfAbsent(id, k -> new ArrayList<>());
        if (process.getProperty("outputTonnes", null) instanceof Number n) {
            output.put(id, n.doubleValue());
        }
        var records = new HashMap<Integer, List<Records.EmissionRecord>>();
        for (Relationship r : process.getRelationships(Direction.OUTGOING, CoreFlowGraph.REPORTED)) {
            Node e = r.getEndNode();
            if (e.getProperty("scope", null) instanceof Number scope && scope.intValue() <= 2
                    && e.getProperty("year", null) instanceof Number year && e.getProperty("tCO2e", null) instanceof Number t) {
                records.computeIfAbsent(year.intValue(), k -> new ArrayList<>()).add(new Records.EmissionRecord(null, scope.intValue(), null,
                        t.doubleValue(), e.getProperty("provenance", null) instanceof String kind ? kind : null,
                        e.getProperty("biogenicCO2", null) instanceof Number b ? b.doubleValue() : 0));
            }
        }
        var years = new HashMap<Integer, Double>();
        var partsByYear = new HashMap<Integer, Parts>();
        records.forEach((year, all) -> {
            var counted = Counting.counted(all, Records.EmissionRecord::scope, Records.EmissionRecord::provenance);
            for (var e : counted) {
                years.merge(year, e.tCO2e(), Double::sum);
            }
            partsByYear.put(year, Parts.of(counted));
        });
        direct.put(id, years);
        parts.put(id, partsByYear);
        // each flow once, from its consumer's side; its producer's list gets it too
        for (Relationship r : process.getRelationships(Direction.INCOMING, CoreFlowGraph.SUPPLIES)) {
            Flow f = CoreFlowGraph.flow(r);
            var dated = new Dated(f, year(r, "fromYear"), year(r, "toYear"));
            into.get(id).add(dated);
            outOf.computeIfAbsent(f.producer(), k -> new ArrayList<>()).add(dated);
        }
    }

    private static Long year(Relationship r, String key) {
        return r.getProperty(key, null) instanceof Number n ? n.longValue() : null;
    }

    private static void sort(List<Dated> flows) {
        flows.sort(Comparator.comparing(d -> d.flow().id()));
    }

    private static List<Flow> active(List<Dated> flows, int year) {
        if (flows == null) {
            return List.of();
        }
        var result = new ArrayList<Flow>(flows.size());
        for (Dated d : flows) {
            if (d.activeIn(year)) {
                result.add(d.flow());
            }
        }
        return result;
    }

    @Override
    public boolean processExists(String process) {
        return direct.containsKey(process);
    }

    @Override
    public List<Flow> flowsInto(String process, int year) {
        return active(into.get(process), year);
    }

    @Override
    public List<Flow> flowsOutOf(String process, int year) {
        return active(outOf.get(process), year);
    }

    @Override
    public double directEmissions(String process, int year) {
        var years = direct.get(process);
        return years == null ? 0 : years.getOrDefault(year, 0.0);
    }

    @Override
    public Parts parts(String process, int year) {
        var years = parts.get(process);
        return years == null ? Parts.NONE : years.getOrDefault(year, Parts.NONE);
    }

    @Override
    public Double outputTonnes(String process) {
        return output.get(process);
    }
}
