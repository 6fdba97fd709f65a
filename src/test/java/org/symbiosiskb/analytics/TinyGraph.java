package org.symbiosiskb.analytics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A flow graph in memory for the algorithms' unit tests: processes with their output and emission records (the
 * records that count are chosen by {@link Counting}, as on the store), and flows between them, the same every year.
 */
final class TinyGraph implements FlowGraph {

    final Map<String, Double> output = new HashMap<>();
    final Map<String, List<Records.EmissionRecord>> records = new HashMap<>();
    final List<Flow> flows = new ArrayList<>();

    TinyGraph process(String id, double outputTonnes, Records.EmissionRecord... emissions) {
        output.put(id, outputTonnes);
        records.put(id, List.of(emissions));
        return this;
    }

    TinyGraph flow(String from, String to, double tonnes) {
        flows.add(new Flow(from + "->" + to, from + ":stream", from, to, tonnes, "t", tonnes, null, output.get(from),
                null, null, null, null, null));
        return this;
    }

    @Override
    public boolean processExists(String process) {
        return output.containsKey(process);
    }

    @Override
    public List<Flow> flowsInto(String process, int year) {
        return flows.stream().filter(f -> f.consumer().equals(process)).toList();
    }

    @Override
    public List<Flow> flowsOutOf(String process, int year) {
        return flows.stream().filter(f -> f.producer().equals(process)).toList();
    }

    @Override
    public double directEmissions(String process, int year) {
        return counted(process).stream().mapToDouble(Records.EmissionRecord::tCO2e).sum();
    }

    @Override
    public Parts parts(String process, int year) {
        return Parts.of(counted(process));
    }

    private List<Records.EmissionRecord> counted(String process) {
        return Counting.counted(records.getOrDefault(process, List.of()), Records.EmissionRecord::scope, Records.EmissionRecord::provenance);
    }

    @Override
    public Double outputTonnes(String process) {
        return output.get(process);
    }
}
