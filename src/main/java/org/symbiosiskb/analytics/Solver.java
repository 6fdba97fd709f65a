package org.symbiosiskb.analytics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * F(p) = local(p) + Σ c(f)·F(q) (analytics.md §1), solved exactly over a set of nodes given by int
 * index: strongly connected components of the flows that carry burden (c(f) ≠ 0) in dependency
 * order; a component without a loop is one substitution, a loop is a dense solve (Gaussian
 * elimination with partial pivoting) up to {@link #DENSE_LIMIT} members, and a larger loop is
 * solved by Gauss–Seidel to 1e-14 relative change. The same system is solved a second time with
 * only the REPORTED part of each process's direct emissions as its local term (reportedShare).
 *
 * <p>One solver serves both callers, so that their numbers agree to the last bit: a trace inside a
 * transaction with its own writes solves the root's upstream closure read from the store
 * ({@link Footprints}); the projection solves the whole network, and after a change only the
 * region downstream of it ({@link FlowProjection}). Within a component the members are taken in id
 * order and every sum runs in flow-id order, so both give the same figures.
 */
final class Solver {

    static final int DENSE_LIMIT = 400;

    /** What the solver reads about its nodes. */
    interface Nodes {

        /** Indices run from 0 to capacity − 1. */
        int capacity();

        /** Active flows into the node in the year, in flow-id order. */
        List<Flow> inputs(int node);

        /** The index of a producer, or −1 when it is not a node here (a stream without a producer: F = 0). */
        int index(String process);

        double direct(int node);

        double reportedDirect(int node);

        String id(int node);
    }

    /**
     * The solution, owned by the caller and updated in place for the nodes solved: F, its reported
     * part, local(p) = direct + transport in, and the loop error of nodes whose footprint has no
     * finite value (their own loop's, or one upstream of them).
     */
    static final class Vectors {
        double[] footprint;
        double[] reported;
        double[] local;
        final Map<Integer, AnalyticsException> errors = new HashMap<>();

        Vectors(int capacity) {
            footprint = new double[capacity];
            reported = new double[capacity];
            local = new double[capacity];
        }

        void ensure(int capacity) {
            if (capacity > footprint.length) {
                int size = Math.max(capacity, footprint.length + footprint.length / 2);
                footprint = Arrays.copyOf(footprint, size);
                reported = Arrays.copyOf(reported, size);
                local = Arrays.copyOf(local, size);
            }
        }

        long bytes() {
            return 3L * 8 * footprint.length;
        }
    }

    private Solver() {
    }

    /** direct + the transport of the flows in, the same sum wherever a local term is needed. */
    static double local(double direct, List<Flow> inputs) {
        return direct + inputs.stream().mapToDouble(Flow::transport).sum();
    }

    /**
     * Solves the nodes of {@code region} (indices; every node downstream of a changed one must be in
     * it). Producers outside the region are read from {@code out} as they stand.
     *
     * @param warm start the iteration of large loops from the footprints in {@code out} (they changed little)
     */
    static void solve(Nodes nodes, int[] region, int year, Allocation allocation, Vectors out, boolean warm, Guard guard) {
        out.ensure(nodes.capacity());
        int m = region.length;
        int[] localOf = new int[nodes.capacity()];
        Arrays.fill(localOf, -1);
        for (int r = 0; r < m; r++) {
            localOf[region[r]] = r;
        }
        // inputs once per node; the dependencies within the region as compact arrays for Tarjan
        @SuppressWarnings("unchecked")
        List<Flow>[] inputs = new List[m];
        int[] depStart = new int[m + 1];
        int[] deps = new int[16];
        int count = 0;
        for (int r = 0; r < m; r++) {
            if ((r & 0xFFF) == 0) {
                guard.check();
            }
            int node = region[r];
            inputs[r] = nodes.inputs(node);
            out.errors.remove(node);
            for (Flow f : inputs[r]) {
                if (f.shareIn(allocation, year) != 0) {
                    int j = nodes.index(f.producer());
                    if (j >= 0 && localOf[j] >= 0) {
                        if (count == deps.length) {
                            deps = Arrays.copyOf(deps, count * 2);
                        }
                        deps[count++] = localOf[j];
                    }
                }
            }
            depStart[r + 1] = count;
        }
        int[] position = new int[nodes.capacity()]; // a node's position in the component being solved, else −1
        Arrays.fill(position, -1);
        for (int[] component : components(m, depStart, deps)) {
            guard.check();
            solveComponent(nodes, region, localOf, position, inputs, component, year, allocation, out, warm, guard);
        }
    }

    /**
     * Solves one component twice over, with the same shares: for the footprint (local emissions and
     * published footprints) and for its reported part. {@code component} holds positions in the region.
     */
    private static void solveComponent(Nodes nodes, int[] region, int[] localOf, int[] position, List<Flow>[] inputs, int[] component,
                                       int year, Allocation allocation, Vectors out, boolean warm, Guard guard) {
        int k = component.length;
        int[] members = new int[k];   // node indices, in the order the component is solved
        if (k > 1 && k <= DENSE_LIMIT) {
            Integer[] byId = new Integer[k];
            for (int i = 0; i < k; i++) {
                byId[i] = region[component[i]];
            }
            Arrays.sort(byId, Comparator.comparing(nodes::id));
            for (int i = 0; i < k; i++) {
                members[i] = byId[i];
            }
        } else {
            for (int i = 0; i < k; i++) {
                members[i] = region[component[i]];
            }
        }
        for (int i = 0; i < k; i++) {
            position[members[i]] = i;
        }
        try {
            solveMembers(nodes, localOf, position, inputs, members, year, allocation, out, warm, guard);
        } finally {
            for (int node : members) {
                position[node] = -1;
            }
        }
    }

    private static void solveMembers(Nodes nodes, int[] localOf, int[] position, List<Flow>[] inputs, int[] members, int year,
                                     Allocation allocation, Vectors out, boolean warm, Guard guard) {
        int k = members.length;
        double[] b = new double[k];
        double[] br = new double[k];
        int[][] from = new int[k][];
        double[][] share = new double[k][];
        boolean loop = false;
        AnalyticsException upstream = null;
        for (int i = 0; i < k; i++) {
            int node = members[i];
            List<Flow> in = inputs[localOf[node]];
            double local = local(nodes.direct(node), in);
            out.local[node] = local;
            b[i] = local;
            br[i] = nodes.reportedDirect(node);
            int[] js = new int[in.size()];
            double[] cs = new double[in.size()];
            int edges = 0;
            for (Flow f : in) {
                b[i] += f.publishedBurden(allocation, year); // a published footprint is a constant, not a dependency
                double c = f.shareIn(allocation, year);
                if (c == 0) {
                    continue;
                }
                int j = nodes.index(f.producer());
                int inComponent = j < 0 ? -1 : position[j];
                if (inComponent < 0) {
                    // solved before (dependencies come first) or outside the region; a stream without a producer carries nothing
                    b[i] += c * (j < 0 ? 0.0 : out.footprint[j]);
                    br[i] += c * (j < 0 ? 0.0 : out.reported[j]);
                    if (j >= 0 && upstream == null) {
                        upstream = out.errors.get(j);
                    }
                } else {
                    js[edges] = inComponent;
                    cs[edges++] = c;
                    loop = true;
                }
            }
            from[i] = Arrays.copyOf(js, edges);
            share[i] = Arrays.copyOf(cs, edges);
        }
        if (upstream != null) {
            // a loop upstream has no finite footprint, so neither has anything it feeds
            for (int node : members) {
                out.errors.put(node, upstream);
            }
            return;
        }
        if (!loop) {
            out.footprint[members[0]] = b[0];
            out.reported[members[0]] = br[0];
            return;
        }
        try {
            double[][] solved;
            if (k <= DENSE_LIMIT) {
                solved = dense(from, share, new double[][] {b, br}, nodes, members, guard);
            } else {
                double[] x0 = warm ? new double[k] : b;
                double[] xr0 = warm ? new double[k] : br;
                if (warm) {
                    for (int i = 0; i < k; i++) {
                        x0[i] = out.footprint[members[i]];
                        xr0[i] = out.reported[members[i]];
                    }
                }
                solved = new double[][] {iterate(from, share, b, x0, nodes, members, guard),
                        iterate(from, share, br, xr0, nodes, members, guard)};
            }
            double[] x = solved[0];
            double scale = 0;
            for (double v : b) {
                scale = Math.max(scale, Math.abs(v));
            }
            for (int i = 0; i < k; i++) {
                if (!Double.isFinite(x[i]) || x[i] < -1e-9 * Math.max(1, scale)) {
                    throw loopError(nodes, members, "passes on more than all of its burden");
                }
            }
            for (int i = 0; i < k; i++) {
                out.footprint[members[i]] = Math.max(0, x[i]);
                out.reported[members[i]] = Math.min(Math.max(0, solved[1][i]), Math.max(0, x[i]));
            }
        } catch (AnalyticsException e) {
            for (int node : members) {
                out.errors.put(node, e);
            }
        }
    }

    /**
     * (I − C)·x = b for each right-hand side b by Gaussian elimination with partial pivoting: exact for the
     * small loops of real parks; one elimination serves every right-hand side.
     */
    private static double[][] dense(int[][] from, double[][] share, double[][] rhs, Nodes nodes, int[] members, Guard guard) {
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
                throw loopError(nodes, members, "passes on all of its burden, so its footprint has no finite value");
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
     * loop's flows. It converges when every loop passes on less than all of its burden; a start
     * near the answer (the footprints before a small change) needs few sweeps.
     */
    private static double[] iterate(int[][] from, double[][] share, double[] b, double[] start, Nodes nodes, int[] members, Guard guard) {
        int k = b.length;
        double[] x = start.clone();
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
                    throw loopError(nodes, members, "passes on all of its burden, so its footprint has no finite value");
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
        throw loopError(nodes, members, "passes on all of its burden, so its footprint has no finite value");
    }

    private static AnalyticsException loopError(Nodes nodes, int[] members, String what) {
        var names = new TreeSet<String>();
        for (int node : members) {
            names.add(nodes.id(node));
        }
        var shown = names.stream().limit(12).toList();
        String through = String.join(", ", shown) + (members.length > shown.size() ? " and " + (members.length - shown.size()) + " more" : "");
        return AnalyticsException.badRequest("the loop through " + through + " " + what
                + " (the shares c(f) around it multiply to 1 or more); check the flows' quantities and the processes' outputTonnes");
    }

    /**
     * Tarjan's strongly connected components over positions 0..m−1, iteratively; the dependencies of
     * position r are {@code deps[depStart[r] .. depStart[r + 1])}. Each component comes after those it
     * depends on; the search starts from position 0.
     */
    static List<int[]> components(int m, int[] depStart, int[] deps) {
        int[] index = new int[m];
        int[] low = new int[m];
        Arrays.fill(index, -1);
        boolean[] onStack = new boolean[m];
        int[] stack = new int[m];
        int top = 0;
        int[] callNode = new int[m];
        int[] callEdge = new int[m];
        int counter = 0;
        var result = new ArrayList<int[]>();
        for (int start = 0; start < m; start++) {
            if (index[start] >= 0) {
                continue;
            }
            int depth = 0;
            callNode[0] = start;
            callEdge[0] = depStart[start];
            index[start] = low[start] = counter++;
            stack[top++] = start;
            onStack[start] = true;
            while (depth >= 0) {
                int v = callNode[depth];
                if (callEdge[depth] < depStart[v + 1]) {
                    int w = deps[callEdge[depth]++];
                    if (index[w] < 0) {
                        index[w] = low[w] = counter++;
                        stack[top++] = w;
                        onStack[w] = true;
                        depth++;
                        callNode[depth] = w;
                        callEdge[depth] = depStart[w];
                    } else if (onStack[w]) {
                        low[v] = Math.min(low[v], index[w]);
                    }
                } else {
                    depth--;
                    if (depth >= 0) {
                        int parent = callNode[depth];
                        low[parent] = Math.min(low[parent], low[v]);
                    }
                    if (low[v] == index[v]) {
                        int size = 0;
                        for (int i = top - 1; ; i--) {
                            size++;
                            if (stack[i] == v) {
                                break;
                            }
                        }
                        int[] component = new int[size];
                        for (int i = 0; i < size; i++) {
                            int w = stack[--top];
                            onStack[w] = false;
                            component[i] = w;
                        }
                        result.add(component);
                    }
                }
            }
        }
        return result;
    }
}
