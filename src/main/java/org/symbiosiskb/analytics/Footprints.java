package org.symbiosiskb.analytics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The footprints a trace needs when it cannot use the projection (its transaction holds writes of
 * its own, or the database has no projection): the root's upstream closure, read through any
 * {@link FlowGraph} and solved by the same {@link Solver} as the projection, so both give the same
 * figures. Only flows that carry burden (c(f) ≠ 0) lead further upstream.
 */
final class Footprints {

    private Footprints() {
    }

    /** The closure, indexed in breadth-first order from the root (index 0). */
    private static final class Closure implements Solver.Nodes {
        final List<String> ids = new ArrayList<>();
        final Map<String, Integer> index = new HashMap<>();
        final List<List<Flow>> inputs = new ArrayList<>();
        final List<Double> direct = new ArrayList<>();
        final List<Double> reported = new ArrayList<>();

        int add(String id) {
            index.put(id, ids.size());
            ids.add(id);
            return ids.size() - 1;
        }

        @Override public int capacity() { return ids.size(); }
        @Override public List<Flow> inputs(int node) { return inputs.get(node); }
        @Override public int index(String process) { return index.getOrDefault(process, -1); }
        @Override public double direct(int node) { return direct.get(node); }
        @Override public double reportedDirect(int node) { return reported.get(node); }
        @Override public String id(int node) { return ids.get(node); }
    }

    static Solved solve(FlowGraph graph, String root, int year, Allocation allocation, Guard guard) {
        var closure = new Closure();
        closure.add(root);
        for (int next = 0; next < closure.ids.size(); next++) {
            guard.check();
            String p = closure.ids.get(next);
            List<Flow> in = graph.flowsInto(p, year);
            closure.inputs.add(in);
            closure.direct.add(graph.directEmissions(p, year));
            closure.reported.add(graph.reportedEmissions(p, year));
            for (Flow f : in) {
                if (f.shareIn(allocation, year) != 0 && !closure.index.containsKey(f.producer())) {
                    closure.add(f.producer());
                }
            }
        }
        int[] region = new int[closure.capacity()];
        for (int i = 0; i < region.length; i++) {
            region[i] = i;
        }
        var vectors = new Solver.Vectors(region.length);
        Solver.solve(closure, region, year, allocation, vectors, false, guard);
        return new Solved() {
            @Override public int year() { return year; }
            @Override public Allocation allocation() { return allocation; }
            @Override public List<Flow> inputs(String process) { return closure.inputs.get(closure.index.get(process)); }
            @Override public List<Flow> outputs(String process) { return graph.flowsOutOf(process, year); }
            @Override public double footprint(String process) { return vectors.footprint[closure.index.get(process)]; }
            @Override public double reported(String process) { return vectors.reported[closure.index.get(process)]; }
            @Override public double direct(String process) { return closure.direct.get(closure.index.get(process)); }
            @Override public double local(String process) { return vectors.local[closure.index.get(process)]; }
            @Override public Double outputTonnes(String process) { return graph.outputTonnes(process); }
            @Override public AnalyticsException error(String process) { return vectors.errors.get(closure.index.get(process)); }
        };
    }
}
