package org.symbiosiskb.analytics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/**
 * The footprints a trace needs when it cannot use the projection (its transaction holds writes of
 * its own, or the database has no projection): the root's upstream closure, read through any
 * {@link FlowGraph} and solved by the same {@link Solver} as the projection, so both give the same
 * figures. Only flows that carry burden (c(f) ≠ 0) lead further upstream.
 */
final class Footprints {

    private Footprints() {
    }

    static Solved solve(FlowGraph graph, String root, int year, Allocation allocation, Guard guard) {
        var ids = new ArrayList<String>();
        var index = new HashMap<String, Integer>();
        var inputs = new ArrayList<List<Flow>>();
        var direct = new ArrayList<Double>();
        var parts = new ArrayList<Parts>();
        ids.add(root);
        index.put(root, 0);
        for (int next = 0; next < ids.size(); next++) {
            guard.check();
            String p = ids.get(next);
            List<Flow> in = graph.flowsInto(p, year);
            inputs.add(in);
            direct.add(graph.directEmissions(p, year));
            parts.add(graph.parts(p, year));
            for (Flow f : in) {
                if (f.shareIn(allocation, year) != 0 && !index.containsKey(f.producer())) {
                    index.put(f.producer(), ids.size());
                    ids.add(f.producer());
                }
            }
        }
        var system = new Solver.System(new Solver.Nodes() {
            @Override public int capacity() { return ids.size(); }
            @Override public String id(int node) { return ids.get(node); }
            @Override public Solver.Equation equation(int node) {
                return Solver.Equation.of(direct.get(node), parts.get(node), inputs.get(node), f -> index.getOrDefault(f.producer(), -1), allocation,
                        year);
            }
        });
        system.solve(year, allocation, guard);
        return new SolvedByName() {
            @Override public int year() { return year; }
            @Override public Allocation allocation() { return allocation; }
            @Override public List<Flow> inputs(String process) { return inputs.get(index.get(process)); }
            @Override public List<Flow> outputs(String process) { return graph.flowsOutOf(process, year); }
            @Override public double footprint(String process) { return system.footprint(index.get(process)); }
            @Override public Parts parts(String process) { return system.parts(index.get(process)); }
            @Override public double direct(String process) { return direct.get(index.get(process)); }
            @Override public double local(String process) { return system.local[index.get(process)]; }
            @Override public Double outputTonnes(String process) { return graph.outputTonnes(process); }
            @Override public AnalyticsException error(String process) { return system.errors.get(index.get(process)); }
        };
    }
}
