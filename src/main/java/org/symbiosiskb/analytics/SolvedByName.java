package org.symbiosiskb.analytics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link Solved} read by process name (the store's closure in {@link Footprints}, and unit tests): the numbers the
 * search asks by node are given as it asks, each process its number the first time it is met, and every node's
 * links worked out once from its flows by Flow's rules. The projection answers by node itself.
 */
abstract class SolvedByName implements Solved {

    private final List<String> names = new ArrayList<>();
    private final Map<String, Integer> numbers = new HashMap<>();
    private final Map<Integer, Links> inputs = new HashMap<>();
    private final Map<Integer, Links> outputs = new HashMap<>();

    @Override
    public int node(String process) {
        Integer n = numbers.get(process);
        if (n == null) {
            n = names.size();
            names.add(process);
            numbers.put(process, n);
        }
        return n;
    }

    @Override
    public Links inputs(int node) {
        return inputs.computeIfAbsent(node, n -> Links.upstream(inputs(names.get(n)), f -> node(f.producer()), allocation(), year()));
    }

    @Override
    public Links outputs(int node) {
        return outputs.computeIfAbsent(node, n -> {
            List<Flow> flows = outputs(names.get(n));
            int[] consumer = new int[flows.size()];
            double[] share = new double[flows.size()];
            for (int e = 0; e < flows.size(); e++) {
                consumer[e] = node(flows.get(e).consumer());
                share[e] = flows.get(e).share(allocation());
            }
            return Links.downstream(consumer, share);
        });
    }

    @Override
    public Flow input(int node, int edge) {
        return inputs(names.get(node)).get(edge);
    }

    @Override
    public Flow output(int node, int edge) {
        return outputs(names.get(node)).get(edge);
    }

    @Override
    public double footprint(int node) {
        return footprint(names.get(node));
    }

    @Override
    public double local(int node) {
        return local(names.get(node));
    }
}
