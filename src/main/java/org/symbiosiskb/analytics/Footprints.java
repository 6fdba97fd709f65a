package org.symbiosiskb.analytics;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * F(p) = local(p) + Σ c(f)·F(q) over the upstream closure of a process (docs/spec/analytics.md §1), solved
 * exactly: strongly connected components in dependency order; a component without a loop is one
 * substitution, a loop is a small dense solve (Gaussian elimination with partial pivoting), and a
 * large loop is solved by Gauss–Seidel to 1e-13 relative change.
 */
final class Footprints {

    private static final int DENSE_LIMIT = 400;

    /**
     * @param parts the same system solved with each of the {@link Parts} of each process's direct emissions as
     *              its local term (transport and published footprints are none of them): parts(p).reported() /
     *              footprint(p) is the trace's reportedShare, parts(p).primary() / footprint(p) a PACT footprint's
     *              primary data share, parts(p).biogenicCO2() the biogenic CO2 beside the footprint
     */
    record Solution(String root, int year, Allocation allocation, Map<String, List<Flow>> inputs,
                    Map<String, Double> direct, Map<String, Double> local, Map<String, Double> footprint,
                    Map<String, Parts> parts) {

        /** The REPORTED part of footprint(p). */
        double reported(String process) {
            return parts.get(process).reported();
        }

        double transportInto(String process) {
            return inputs.get(process).stream().mapToDouble(Flow::transport).sum();
        }

        double inheritedInto(String process) {
            return inputs.get(process).stream()
                    .mapToDouble(f -> f.shareIn(allocation, year) * footprint.get(f.producer()) + f.publishedBurden(allocation, year)).sum();
        }
    }

    private Footprints() {
    }

    static Solution solve(FlowGraph graph, String root, int year, Allocation allocation, Guard guard) {
        // the upstream closure, breadth first
        var inputs = new LinkedHashMap<String, List<Flow>>();
        var queue = new ArrayDeque<String>();
        queue.add(root);
        inputs.put(root, null);
        while (!queue.isEmpty()) {
            guard.check();
            String p = queue.poll();
            List<Flow> in = graph.flowsInto(p, year);
            inputs.put(p, in);
            for (Flow f : in) {
                if (!inputs.containsKey(f.producer())) {
                    inputs.put(f.producer(), null);
                    queue.add(f.producer());
                }
            }
        }
        var direct = new HashMap<String, Double>();
        var local = new HashMap<String, Double>();
        var localParts = new HashMap<String, Parts>();
        for (var e : inputs.entrySet()) {
            double d = graph.directEmissions(e.getKey(), year);
            direct.put(e.getKey(), d);
            local.put(e.getKey(), d + e.getValue().stream().mapToDouble(Flow::transport).sum());
            localParts.put(e.getKey(), graph.parts(e.getKey(), year));
        }
        var footprint = new HashMap<String, Double>();
        var parts = new HashMap<String, Parts>();
        for (List<String> component : components(inputs)) {
            guard.check();
            solveComponent(component, inputs, local, footprint, localParts, parts, allocation, year, guard);
        }
        return new Solution(root, year, allocation, inputs, direct, local, footprint, parts);
    }

    /**
     * Solves one component for the footprint (local emissions and published footprints) and, with the same
     * shares, for each of its {@link Parts} (their own local terms only).
     */
    private static void solveComponent(List<String> component, Map<String, List<Flow>> inputs, Map<String, Double> local,
                                       Map<String, Double> footprint, Map<String, Parts> localParts, Map<String, Parts> parts,
                                       Allocation allocation, int year, Guard guard) {
        var members = new HashMap<String, Integer>();
        for (int i = 0; i < component.size(); i++) {
            members.put(component.get(i), i);
        }
        int k = component.size();
        int m = Parts.NONE.toArray().length;
        double[] b = new double[k];
        double[][] bp = new double[m][k];
        // the loop's shares, sparse: for each member, (member it inherits from, share)
        var from = new int[k][];
        var share = new double[k][];
        boolean loop = false;
        for (int i = 0; i < k; i++) {
            String p = component.get(i);
            b[i] = local.get(p);
            double[] own = localParts.get(p).toArray();
            for (int r = 0; r < m; r++) {
                bp[r][i] = own[r];
            }
            var js = new java.util.ArrayList<Integer>();
            var cs = new java.util.ArrayList<Double>();
            for (Flow f : inputs.get(p)) {
                b[i] += f.publishedBurden(allocation, year); // a published footprint is a constant, not a dependency
                double c = f.shareIn(allocation, year);
                Integer j = members.get(f.producer());
                if (j == null) {
                    b[i] += c * footprint.get(f.producer()); // solved before: dependencies come first
                    double[] upstream = parts.get(f.producer()).toArray();
                    for (int r = 0; r < m; r++) {
                        bp[r][i] += c * upstream[r];
                    }
                } else {
                    js.add(j);
                    cs.add(c);
                    loop = true;
                }
            }
            from[i] = js.stream().mapToInt(Integer::intValue).toArray();
            share[i] = cs.stream().mapToDouble(Double::doubleValue).toArray();
        }
        if (!loop) {
            footprint.put(component.getFirst(), b[0]);
            parts.put(component.getFirst(), partsOf(bp, 0, b[0]));
            return;
        }
        double[][] rhs = new double[m + 1][];
        rhs[0] = b;
        System.arraycopy(bp, 0, rhs, 1, m);
        double[][] solved;
        if (k <= DENSE_LIMIT) {
            solved = dense(from, share, rhs, component, guard);
        } else {
            solved = new double[m + 1][];
            for (int r = 0; r <= m; r++) {
                solved[r] = iterate(from, share, rhs[r], component, guard);
            }
        }
        double[] x = solved[0];
        double scale = 0;
        for (double v : b) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int i = 0; i < k; i++) {
            if (!Double.isFinite(x[i]) || x[i] < -1e-9 * Math.max(1, scale)) {
                throw loopError(component, "passes on more than all of its burden");
            }
            footprint.put(component.get(i), Math.max(0, x[i]));
            double[][] values = new double[m][1];
            for (int r = 0; r < m; r++) {
                values[r][0] = solved[r + 1][i];
            }
            parts.put(component.get(i), partsOf(values, 0, Math.max(0, x[i])));
        }
    }

    /**
     * Member {@code i}'s parts out of the solved vectors: the reported and primary parts never exceed the
     * footprint, nor the primary biogenic CO2 the biogenic CO2 (rounding in a loop's solve).
     */
    private static Parts partsOf(double[][] solved, int i, double footprint) {
        double[] values = new double[solved.length];
        for (int r = 0; r < solved.length; r++) {
            values[r] = Math.max(0, solved[r][i]);
        }
        var parts = Parts.of(values);
        return new Parts(Math.min(parts.reported(), footprint), Math.min(parts.primary(), footprint), parts.biogenicCO2(),
                Math.min(parts.primaryBiogenicCO2(), parts.biogenicCO2()));
    }

    /**
     * (I − C)·x = b for each right-hand side b by Gaussian elimination with partial pivoting: exact for the
     * small loops of real parks; one elimination serves every right-hand side.
     */
    private static double[][] dense(int[][] from, double[][] share, double[][] rhs, List<String> component, Guard guard) {
        int k = rhs[0].length;
        int m = rhs.length;
        double[][] a = new double[k][k + m];
        for (int i = 0; i < k; i++) {
            a[i][i] = 1;
            for (int e = 0; e < from[i].length; e++) {
                a[i][from[i][e]] -= share[i][e];
            }
            for (int r = 0; r < m; r++) {
                a[i][k + r] = rhs[r][i];
            }
        }
        for (int col = 0; col < k; col++) {
            guard.check();
            int pivot = col;
            for (int r = col + 1; r < k; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
                    pivot = r;
                }
            }
            if (Math.abs(a[pivot][col]) < 1e-12) {
                throw loopError(component, "passes on all of its burden, so its footprint has no finite value");
            }
            double[] tmp = a[col];
            a[col] = a[pivot];
            a[pivot] = tmp;
            for (int r = 0; r < k; r++) {
                if (r != col && a[r][col] != 0) {
                    double factor = a[r][col] / a[col][col];
                    for (int j = col; j < k + m; j++) {
                        a[r][j] -= factor * a[col][j];
                    }
                }
            }
        }
        double[][] x = new double[m][k];
        for (int r = 0; r < m; r++) {
            for (int i = 0; i < k; i++) {
                x[r][i] = a[i][k + r] / a[i][i];
            }
        }
        return x;
    }

    /**
     * Gauss–Seidel over the sparse shares, for large loops: each sweep costs one pass over the
     * loop's flows. It converges when every loop passes on less than all of its burden.
     */
    private static double[] iterate(int[][] from, double[][] share, double[] b, List<String> component, Guard guard) {
        int k = b.length;
        double[] x = b.clone();
        for (int round = 0; round < 100_000; round++) {
            guard.check();
            double change = 0;
            double size = 0;
            for (int i = 0; i < k; i++) {
                double v = b[i];
                double self = 0;
                for (int e = 0; e < from[i].length; e++) {
                    if (from[i][e] == i) {
                        self += share[i][e];
                    } else {
                        v += share[i][e] * x[from[i][e]];
                    }
                }
                if (self >= 1) {
                    throw loopError(component, "passes on all of its burden, so its footprint has no finite value");
                }
                v /= 1 - self;
                change = Math.max(change, Math.abs(v - x[i]));
                size = Math.max(size, Math.abs(v));
                x[i] = v;
            }
            if (change <= 1e-14 * Math.max(1, size)) {
                return x;
            }
        }
        throw loopError(component, "passes on all of its burden, so its footprint has no finite value");
    }

    private static AnalyticsException loopError(List<String> component, String what) {
        var names = new TreeSet<>(component).stream().limit(12).toList();
        String through = String.join(", ", names) + (component.size() > names.size() ? " and " + (component.size() - names.size()) + " more" : "");
        return AnalyticsException.badRequest("the loop through " + through + " " + what
                + " (the shares c(f) around it multiply to 1 or more); check the flows' quantities and the processes' outputTonnes");
    }

    /** Tarjan's strongly connected components, iteratively; each component comes after those it depends on. */
    static List<List<String>> components(Map<String, List<Flow>> inputs) {
        var index = new HashMap<String, Integer>();
        var low = new HashMap<String, Integer>();
        var onStack = new LinkedHashSet<String>();
        var stack = new ArrayDeque<String>();
        var result = new ArrayList<List<String>>();
        int[] counter = {0};
        for (String start : inputs.keySet()) {
            if (index.containsKey(start)) {
                continue;
            }
            // explicit recursion stack: node and the position in its dependency list
            var work = new ArrayDeque<Object[]>();
            work.push(new Object[] {start, 0});
            index.put(start, counter[0]);
            low.put(start, counter[0]++);
            stack.push(start);
            onStack.add(start);
            while (!work.isEmpty()) {
                Object[] frame = work.peek();
                String v = (String) frame[0];
                List<Flow> deps = inputs.get(v);
                int i = (Integer) frame[1];
                if (i < deps.size()) {
                    frame[1] = i + 1;
                    String w = deps.get(i).producer();
                    if (!index.containsKey(w)) {
                        index.put(w, counter[0]);
                        low.put(w, counter[0]++);
                        stack.push(w);
                        onStack.add(w);
                        work.push(new Object[] {w, 0});
                    } else if (onStack.contains(w)) {
                        low.put(v, Math.min(low.get(v), index.get(w)));
                    }
                } else {
                    work.pop();
                    if (!work.isEmpty()) {
                        String parent = (String) work.peek()[0];
                        low.put(parent, Math.min(low.get(parent), low.get(v)));
                    }
                    if (low.get(v).equals(index.get(v))) {
                        var component = new ArrayList<String>();
                        String w;
                        do {
                            w = stack.pop();
                            onStack.remove(w);
                            component.add(w);
                        } while (!w.equals(v));
                        result.add(component);
                    }
                }
            }
        }
        return result;
    }
}
