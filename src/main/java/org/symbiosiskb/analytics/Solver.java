package org.symbiosiskb.analytics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.ToIntFunction;

/**
 * F(p) = local(p) + Σ c(f)·F(q) (analytics.md §1), solved exactly: strongly connected components of
 * the flows that carry burden (c(f) ≠ 0) in dependency order; a component without a loop is one
 * substitution, a loop is a dense solve (Gaussian elimination with partial pivoting) up to
 * {@link #DENSE_LIMIT} members, and a larger loop is solved by Gauss–Seidel to 1e-14 relative change.
 * The same system is solved, with the same shares, for each of the {@link Parts} of each process's direct
 * emissions as its local term (reportedShare, a PACT footprint's primary data share and biogenic CO2).
 *
 * <p>A {@link System} keeps, for one year and allocation, every node's equation, who depends on whom,
 * the component partition and the solution, so that after a change only the nodes downstream of it are
 * solved again: their equations are rebuilt only where the change was, the partition is kept when
 * the change leaves it valid, and a large loop keeps its flows in flat tables (reading again only the rows of
 * members that changed) and starts from its previous solution.
 *
 * <p>One solver serves both callers, so that their numbers agree: a trace inside a transaction with its
 * own writes solves the root's upstream closure read from the store ({@link Footprints}); the projection
 * solves the whole network ({@link FlowProjection}). Within a component of up to DENSE_LIMIT members the
 * members are taken in id order and every sum runs in flow-id order, so both give the same figures to the
 * last bit; a larger loop agrees to its 1e-14 tolerance.
 */
final class Solver {

    static final int DENSE_LIMIT = 400;

    /** How many {@link Parts} each node carries beside its footprint. */
    static final int PARTS = Parts.NONE.toArray().length;

    /** How many values a node's solution holds: F and its parts. */
    private static final int SOLVED = 1 + PARTS;

    private Solver() {
    }

    /** direct + the transport of the flows in, the same sum wherever a local term is needed. */
    static double local(double direct, List<? extends Input> inputs) {
        return direct + inputs.stream().mapToDouble(Input::transport).sum();
    }

    /**
     * What an equation reads of one flow in: a {@link Flow}, or the projection's copy of one, which works these out
     * once when it reads the flow (with Flow's own rules), so that solving the whole network does not visit every
     * flow's fields again.
     */
    interface Input {

        /** c(f), 0 where a published footprint stands in for the producer */
        double shareIn(Allocation allocation, int year);

        /** the burden a published footprint brings in place of the producer's */
        double publishedBurden(Allocation allocation, int year);

        /** T(f), the flow's transport emissions */
        double transport();
    }

    /**
     * One node's equation: F = local + Σ over its flows in id order of (published burden + c · F(producer)).
     * {@code producer[e]} is −1 where the flow's producer is not a node (a stream without a producer carries nothing).
     */
    record Equation(double local, double[] partsLocal, int[] producer, double[] share, double[] published) {

        static final Equation EMPTY = new Equation(0, new double[PARTS], new int[0], new double[0], new double[0]);

        /** @param producerOf the node of the flow's producer, −1 where it is none */
        static <I extends Input> Equation of(double direct, Parts parts, List<I> inputs, ToIntFunction<? super I> producerOf,
                                             Allocation allocation, int year) {
            int n = inputs.size();
            int[] producer = new int[n];
            double[] share = new double[n];
            double[] published = new double[n];
            for (int e = 0; e < n; e++) {
                I f = inputs.get(e);
                published[e] = f.publishedBurden(allocation, year); // a published footprint is a constant, not a dependency
                share[e] = f.shareIn(allocation, year);
                producer[e] = share[e] == 0 ? -1 : producerOf.applyAsInt(f);
            }
            return new Equation(Solver.local(direct, inputs), parts.toArray(), producer, share, published);
        }

        /** Whether the node depends on {@code node} (a flow from it carries burden). */
        boolean dependsOn(int node) {
            for (int p : producer) {
                if (p == node) {
                    return true;
                }
            }
            return false;
        }

        long bytes() {
            return 64 + 16 + 8L * PARTS + 20L * producer.length;
        }
    }

    /** What a system reads about its nodes: their equations (built when a node is changed) and ids (messages, order). */
    interface Nodes {

        /** Indices run from 0 to capacity − 1. */
        int capacity();

        Equation equation(int node);

        String id(int node);
    }

    private static final int[] NO_NODES = new int[0];
    private static final double[] NO_SHARES = new double[0];

    /** What {@code solveMembers} works in for a component of one node. */
    private static final class OneNode {
        final double[] b = new double[1];
        final double[][] bp = new double[PARTS][1];
        final int[][] from = new int[1][];
        final double[][] share = new double[1][];
    }

    /** A growable list of ints: who depends on a node, once per flow. */
    private static final class Ints {
        int[] values = new int[2];
        int size;

        void add(int v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        void removeOne(int v) {
            for (int i = 0; i < size; i++) {
                if (values[i] == v) {
                    values[i] = values[--size];
                    return;
                }
            }
        }
    }

    /**
     * A large loop's flows in flat tables, kept from one solve to the next while the partition stands: a write in
     * the dense benchmark network changes one equation of a loop of 97,000 processes, and reading every member's
     * equation again (five objects each, scattered over the heap) took twice as long as the sweeps that solve it.
     * Only the rows of members whose equations changed ({@link #stale}) are read again; the others are copied.
     */
    private static final class Loop {
        /** Member i's flows from within the loop: producers' positions {@code inner[innerStart[i] .. innerStart[i + 1])}. */
        final int[] innerStart;
        final int[] inner;
        final double[] innerShare;
        /** Its flows from outside the loop, by node: solved before the loop, so they are constants of each solve. */
        final int[] outerStart;
        final int[] outer;
        final double[] outerShare;
        /** local + the published burden, and each part's local term ({@code parts[r][i]}). */
        final double[] constant;
        final double[][] parts;
        /** Members (by node) whose equations changed since the tables were made. */
        final BitSet stale = new BitSet();
        /**
         * The nodes outside the loop that depend on a member, or null until asked for: what lies downstream of the loop
         * is found from them, without visiting every member's dependents. Kept when the tables are made again; dropped
         * when a node outside the loop gains or loses a flow from a member.
         */
        int[] exits;

        /** Tables for k members with room for so many flows from within the loop and from outside it. */
        private Loop(int k, int innerRoom, int outerRoom) {
            this(new int[k + 1], new int[innerRoom], new double[innerRoom], new int[k + 1], new int[outerRoom], new double[outerRoom],
                    new double[k], new double[PARTS][k]);
        }

        private Loop(int[] innerStart, int[] inner, double[] innerShare, int[] outerStart, int[] outer, double[] outerShare,
                     double[] constant, double[][] parts) {
            this.innerStart = innerStart;
            this.inner = inner;
            this.innerShare = innerShare;
            this.outerStart = outerStart;
            this.outer = outer;
            this.outerShare = outerShare;
            this.constant = constant;
            this.parts = parts;
        }

        /**
         * The same tables, those of flows from outside cut to what they hold: when every row is read anew, each has room
         * for all its flows on both sides, and few come from outside. The inner ones keep their room, which is about
         * that few (copying them would cost as much as making them).
         */
        Loop trimmed() {
            int out = outerStart[constant.length];
            return new Loop(innerStart, inner, innerShare, outerStart, Arrays.copyOf(outer, out), Arrays.copyOf(outerShare, out), constant,
                    parts);
        }

        long bytes() {
            return 4L * (innerStart.length + inner.length + outerStart.length + outer.length + (exits == null ? 0 : exits.length))
                    + 8L * (innerShare.length + outerShare.length + (1 + PARTS) * constant.length);
        }
    }

    /**
     * The system of one year and allocation, kept between solves: equations, dependents, the component
     * partition (each component's members in the order it is solved; a component's id is its place in
     * dependency order, as components found later depend on none found before them), and the solution (F, its parts, local, and the loop error of nodes whose footprint has no
     * finite value: their own loop's, or one upstream of them).
     */
    static final class System {
        private final Nodes nodes;
        private Equation[] equations = new Equation[0];
        private Ints[] dependents = new Ints[0];
        private int[] component = new int[0];
        private final List<int[]> members = new ArrayList<>();
        /** The tables of large loops, by their members array (a new partition makes new arrays, and the old tables go). */
        private final Map<int[], Loop> loops = new IdentityHashMap<>();
        /**
         * The solution, node by node: F at {@code node * SOLVED}, then part r of {@link Parts} at {@code node * SOLVED + 1 + r};
         * side by side because a node's equation reads all of them for each producer, at scattered places.
         */
        private double[] solution = new double[0];
        double[] local = new double[0];
        final Map<Integer, AnalyticsException> errors = new HashMap<>();
        /** Nodes whose equations must be read again before the next solve. */
        private final BitSet changed = new BitSet();
        /** Nodes to solve again (changed ones and, at solve time, everything downstream). */
        private final BitSet seeds = new BitSet();
        /** A change the partition may not survive: the next solve finds the components of its region anew. */
        private boolean repartition = true;
        private boolean solved;

        /** The work arrays of a one-node component, reused from one to the next (solves run one at a time). */
        private final OneNode one = new OneNode();

        System(Nodes nodes) {
            this.nodes = nodes;
        }

        /** The node's equation (or existence) changed: it and what lies downstream are solved again next time. */
        void changed(int node) {
            changed.set(node);
            seeds.set(node);
        }

        boolean current() {
            return solved && seeds.isEmpty();
        }

        int pending() {
            return seeds.cardinality();
        }

        private void ensure(int capacity) {
            if (capacity > equations.length) {
                int size = Math.max(capacity, equations.length + equations.length / 2);
                int old = equations.length;
                equations = Arrays.copyOf(equations, size);
                dependents = Arrays.copyOf(dependents, size);
                component = Arrays.copyOf(component, size);
                solution = Arrays.copyOf(solution, size * SOLVED);
                local = Arrays.copyOf(local, size);
                for (int i = old; i < size; i++) {
                    equations[i] = Equation.EMPTY;
                    dependents[i] = new Ints();
                    component[i] = -1;
                }
            }
        }

        /**
         * Solves what is needed: everything the first time, else the seeds and everything downstream of them.
         *
         * @return the number of nodes solved
         */
        int solve(int year, Allocation allocation, Guard guard) {
            int n = nodes.capacity();
            ensure(n);
            if (!solved) {
                seeds.set(0, n);
                changed.set(0, n);
            }
            refresh(guard);
            int[] region = downstream();
            if (repartition) {
                partition(region, guard);
                repartition = false;
            }
            // the region's components in dependency order (a region downstream of a change holds whole components)
            var components = new BitSet();
            for (int node : region) {
                components.set(component[node]);
            }
            int[] position = new int[n];
            Arrays.fill(position, -1);
            for (int c = components.nextSetBit(0); c >= 0; c = components.nextSetBit(c + 1)) {
                guard.check();
                solveComponent(members.get(c), position, solved, guard);
            }
            seeds.clear();
            solved = true;
            return region.length;
        }

        /** Equations read again where nodes changed; dependents follow; a change the partition cannot keep asks for a new one. */
        private void refresh(Guard guard) {
            int count = 0;
            for (int node = changed.nextSetBit(0); node >= 0; node = changed.nextSetBit(node + 1)) {
                if ((++count & 0xFFF) == 0) {
                    guard.check();
                }
                Equation before = equations[node];
                Equation after = nodes.equation(node);
                for (int p : before.producer()) {
                    if (p >= 0) {
                        dependents[p].removeOne(node);
                    }
                }
                forgetExits(node, before);
                forgetExits(node, after);
                for (int p : after.producer()) {
                    if (p >= 0) {
                        dependents[p].add(node);
                        // a new dependency against the components' order could close a loop
                        if (!before.dependsOn(p) && (component[p] < 0 || component[node] < 0 || component[p] > component[node])) {
                            repartition = true;
                        }
                    }
                }
                // a dependency gone from a small loop may split it (a large loop is solved as it was, iteratively)
                if (!repartition && component[node] >= 0 && members.get(component[node]).length <= DENSE_LIMIT) {
                    for (int p : before.producer()) {
                        if (p >= 0 && component[p] == component[node] && !after.dependsOn(p)) {
                            repartition = true;
                            break;
                        }
                    }
                }
                if (component[node] < 0) {
                    repartition = true;
                } else {
                    Loop loop = loops.get(members.get(component[node]));
                    if (loop != null) {
                        loop.stale.set(node);
                    }
                }
                equations[node] = after;
            }
            changed.clear();
        }

        /** A flow of {@code node} from a member of a large loop it is not in: that loop's exits are no longer known. */
        private void forgetExits(int node, Equation equation) {
            if (loops.isEmpty()) {
                return;
            }
            for (int p : equation.producer()) {
                if (p >= 0 && component[p] >= 0 && component[p] != component[node]) {
                    Loop loop = loops.get(members.get(component[p]));
                    if (loop != null) {
                        loop.exits = null;
                    }
                }
            }
        }

        /**
         * The seeds and every node that depends on them, directly or not. A large loop with tables is taken whole, its
         * members at once and what lies beyond it from its exits: a write in the dense L network reaches a loop of
         * 97,000 processes, whose dependents, one list per member, took 7–10 ms to visit.
         */
        private int[] downstream() {
            var region = (BitSet) seeds.clone();
            int[] queue = new int[Math.max(16, region.cardinality())];
            int head = 0;
            int tail = 0;
            for (int s = seeds.nextSetBit(0); s >= 0; s = seeds.nextSetBit(s + 1)) {
                queue = push(queue, tail++, s);
            }
            var taken = Collections.newSetFromMap(new IdentityHashMap<Loop, Boolean>());
            while (head < tail) {
                int node = queue[head++];
                Loop loop = component[node] < 0 || loops.isEmpty() ? null : loops.get(members.get(component[node]));
                if (loop != null) {
                    if (taken.add(loop)) {
                        for (int member : members.get(component[node])) {
                            region.set(member);
                        }
                        for (int d : exits(loop, members.get(component[node]))) {
                            if (!region.get(d)) {
                                region.set(d);
                                queue = push(queue, tail++, d);
                            }
                        }
                    }
                    continue;
                }
                Ints next = dependents[node];
                for (int k = 0; k < next.size; k++) {
                    int d = next.values[k];
                    if (!region.get(d)) {
                        region.set(d);
                        queue = push(queue, tail++, d);
                    }
                }
            }
            return region.stream().toArray();
        }

        /** The loop's exits, found from its members' dependents when not known. */
        private int[] exits(Loop loop, int[] memberNodes) {
            if (loop.exits == null) {
                int c = component[memberNodes[0]];
                var exits = new BitSet();
                for (int member : memberNodes) {
                    Ints next = dependents[member];
                    for (int k = 0; k < next.size; k++) {
                        if (component[next.values[k]] != c) {
                            exits.set(next.values[k]);
                        }
                    }
                }
                loop.exits = exits.stream().toArray();
            }
            return loop.exits;
        }

        private static int[] push(int[] queue, int at, int value) {
            int[] q = at == queue.length ? Arrays.copyOf(queue, queue.length * 2) : queue;
            q[at] = value;
            return q;
        }

        /** Tarjan's strongly connected components of the region, ranked after every component outside it. */
        private void partition(int[] region, Guard guard) {
            int m = region.length;
            int[] localOf = new int[equations.length];
            Arrays.fill(localOf, -1);
            for (int r = 0; r < m; r++) {
                localOf[region[r]] = r;
            }
            int[] depStart = new int[m + 1];
            int count = 0;
            for (int r = 0; r < m; r++) {
                for (int p : equations[region[r]].producer()) {
                    if (p >= 0 && localOf[p] >= 0) {
                        count++;
                    }
                }
                depStart[r + 1] = count;
            }
            int[] deps = new int[count];
            count = 0;
            for (int r = 0; r < m; r++) {
                for (int p : equations[region[r]].producer()) {
                    if (p >= 0 && localOf[p] >= 0) {
                        deps[count++] = localOf[p];
                    }
                }
            }
            guard.check();
            for (int[] local : components(m, depStart, deps)) {
                int[] memberNodes = new int[local.length];
                for (int i = 0; i < local.length; i++) {
                    memberNodes[i] = region[local[i]];
                }
                if (memberNodes.length > 1 && memberNodes.length <= DENSE_LIMIT) {
                    // the order a small loop is eliminated in decides its last bits: the same order wherever it is solved
                    Integer[] byId = Arrays.stream(memberNodes).boxed().toArray(Integer[]::new);
                    Arrays.sort(byId, Comparator.comparing(nodes::id));
                    for (int i = 0; i < byId.length; i++) {
                        memberNodes[i] = byId[i];
                    }
                }
                int id = members.size();
                members.add(memberNodes);
                for (int node : memberNodes) {
                    component[node] = id;
                }
            }
            compact();
            loops.keySet().removeIf(kept -> members.get(component[kept[0]]) != kept); // components found anew
        }

        /** Components no node belongs to any more (a region found anew) are dropped, the others renumbered in order. */
        private void compact() {
            int live = 0;
            for (int c = 0; c < members.size(); c++) {
                int[] m = members.get(c);
                live += m.length > 0 && component[m[0]] == c ? 1 : 0;
            }
            if (members.size() < 2 * live + 1024) {
                return;
            }
            var kept = new ArrayList<int[]>(live);
            for (int c = 0; c < members.size(); c++) {
                int[] m = members.get(c);
                if (m.length > 0 && component[m[0]] == c) {
                    for (int node : m) {
                        component[node] = kept.size();
                    }
                    kept.add(m);
                }
            }
            members.clear();
            members.addAll(kept);
        }

        /** Solves one component for the footprint and, with the same shares, for each of its parts. */
        private void solveComponent(int[] memberNodes, int[] position, boolean warm, Guard guard) {
            int k = memberNodes.length;
            for (int i = 0; i < k; i++) {
                position[memberNodes[i]] = i;
            }
            try {
                solveMembers(memberNodes, position, warm, guard);
            } finally {
                for (int node : memberNodes) {
                    position[node] = -1;
                }
            }
        }

        private void solveMembers(int[] memberNodes, int[] position, boolean warm, Guard guard) {
            int k = memberNodes.length;
            if (k > DENSE_LIMIT) {
                solveLoop(memberNodes, position, warm, guard);
                return;
            }
            // most components are one node: their work arrays are this system's own, not a new set per node
            double[] b = k == 1 ? one.b : new double[k];
            double[][] bp = k == 1 ? one.bp : new double[PARTS][k];
            int[][] from = k == 1 ? one.from : new int[k][];
            double[][] share = k == 1 ? one.share : new double[k][];
            boolean loop = false;
            AnalyticsException upstream = null;
            for (int i = 0; i < k; i++) {
                int node = memberNodes[i];
                if (!errors.isEmpty()) {
                    errors.remove(node);
                }
                Equation eq = equations[node];
                local[node] = eq.local();
                b[i] = eq.local();
                for (int r = 0; r < PARTS; r++) {
                    bp[r][i] = eq.partsLocal()[r];
                }
                int n = eq.producer().length;
                int[] js = null; // made when a flow from within the component is found
                double[] cs = null;
                int edges = 0;
                for (int e = 0; e < n; e++) {
                    b[i] += eq.published()[e];
                    double c = eq.share()[e];
                    if (c == 0) {
                        continue;
                    }
                    int p = eq.producer()[e];
                    int inComponent = p < 0 ? -1 : position[p];
                    if (inComponent < 0) {
                        // solved before (dependencies come first); a stream without a producer carries nothing
                        b[i] += c * (p < 0 ? 0.0 : solution[p * SOLVED]);
                        for (int r = 0; r < PARTS && p >= 0; r++) {
                            bp[r][i] += c * solution[p * SOLVED + 1 + r];
                        }
                        if (p >= 0 && upstream == null && !errors.isEmpty()) {
                            upstream = errors.get(p);
                        }
                    } else {
                        if (js == null) {
                            js = new int[n];
                            cs = new double[n];
                        }
                        js[edges] = inComponent;
                        cs[edges++] = c;
                        loop = true;
                    }
                }
                from[i] = edges == 0 ? NO_NODES : edges == n ? js : Arrays.copyOf(js, edges);
                share[i] = edges == 0 ? NO_SHARES : edges == n ? cs : Arrays.copyOf(cs, edges);
            }
            if (upstream != null) {
                // a loop upstream has no finite footprint, so neither has anything it feeds
                for (int node : memberNodes) {
                    errors.put(node, upstream);
                }
                return;
            }
            if (!loop) {
                solution[memberNodes[0] * SOLVED] = b[0];
                setParts(memberNodes[0], bp, 0, b[0]);
                return;
            }
            double[][] rhs = new double[SOLVED][];
            rhs[0] = b;
            java.lang.System.arraycopy(bp, 0, rhs, 1, PARTS);
            try {
                store(memberNodes, dense(from, share, rhs, memberNodes, guard), b);
            } catch (AnalyticsException e) {
                for (int node : memberNodes) {
                    errors.put(node, e);
                }
            }
        }

        /**
         * A loop of more than DENSE_LIMIT members, by Gauss–Seidel over its kept tables ({@link Loop}); from the
         * previous solution when there is one, which after a small change needs few sweeps.
         */
        private void solveLoop(int[] memberNodes, int[] position, boolean warm, Guard guard) {
            int k = memberNodes.length;
            Loop loop = loop(memberNodes, position);
            double[][] rhs = new double[SOLVED][];
            rhs[0] = loop.constant.clone();
            for (int r = 0; r < PARTS; r++) {
                rhs[1 + r] = loop.parts[r].clone();
            }
            AnalyticsException upstream = null;
            for (int i = 0; i < k; i++) {
                if (!errors.isEmpty()) {
                    errors.remove(memberNodes[i]);
                }
                for (int e = loop.outerStart[i]; e < loop.outerStart[i + 1]; e++) {
                    int at = loop.outer[e] * SOLVED;
                    double c = loop.outerShare[e];
                    for (int r = 0; r < SOLVED; r++) {
                        rhs[r][i] += c * solution[at + r];
                    }
                    if (upstream == null && !errors.isEmpty()) {
                        upstream = errors.get(loop.outer[e]);
                    }
                }
            }
            if (upstream != null) {
                // a loop upstream has no finite footprint, so neither has anything it feeds
                for (int node : memberNodes) {
                    errors.put(node, upstream);
                }
                return;
            }
            // the sweeps' own vectors, from the solution before when there is one, else from the right-hand sides
            double[][] start = new double[SOLVED][];
            for (int r = 0; r < SOLVED; r++) {
                start[r] = warm ? new double[k] : rhs[r].clone();
            }
            if (warm) {
                for (int i = 0; i < k; i++) {
                    for (int r = 0; r < SOLVED; r++) {
                        start[r][i] = solution[memberNodes[i] * SOLVED + r]; // F for r = 0, else part r - 1
                    }
                }
            }
            try {
                double[][] solved = new double[SOLVED][];
                for (int r = 0; r < SOLVED; r++) {
                    // a part no member has, nor receives from outside, is 0 throughout: F's solve found the loop solvable
                    solved[r] = r > 0 && zero(rhs[r]) ? new double[k] : iterate(loop, rhs[r], start[r], memberNodes, guard);
                }
                store(memberNodes, solved, rhs[0]);
            } catch (AnalyticsException e) {
                for (int node : memberNodes) {
                    errors.put(node, e);
                }
            }
        }

        /**
         * The loop's tables, made or brought up to date: a stale member's row is read from its equation, every other
         * row copied from the tables of the previous solve (the partition stood, so positions are the same).
         */
        private Loop loop(int[] memberNodes, int[] position) {
            int k = memberNodes.length;
            Loop old = loops.get(memberNodes);
            if (old != null && old.stale.isEmpty()) {
                return old;
            }
            // room for every row: a kept row as it was, a row read again as long as its equation on either side
            int innerRoom = 0;
            int outerRoom = 0;
            for (int i = 0; i < k; i++) {
                if (kept(old, memberNodes[i])) {
                    innerRoom += old.innerStart[i + 1] - old.innerStart[i];
                    outerRoom += old.outerStart[i + 1] - old.outerStart[i];
                } else {
                    innerRoom += equations[memberNodes[i]].producer().length;
                    outerRoom += equations[memberNodes[i]].producer().length;
                }
            }
            var loop = new Loop(k, innerRoom, outerRoom);
            int in = 0;
            int out = 0;
            for (int i = 0; i < k; i++) {
                int node = memberNodes[i];
                if (kept(old, node)) {
                    int from = old.innerStart[i];
                    int n = old.innerStart[i + 1] - from;
                    java.lang.System.arraycopy(old.inner, from, loop.inner, in, n);
                    java.lang.System.arraycopy(old.innerShare, from, loop.innerShare, in, n);
                    in += n;
                    from = old.outerStart[i];
                    n = old.outerStart[i + 1] - from;
                    java.lang.System.arraycopy(old.outer, from, loop.outer, out, n);
                    java.lang.System.arraycopy(old.outerShare, from, loop.outerShare, out, n);
                    out += n;
                    loop.constant[i] = old.constant[i];
                    for (int r = 0; r < PARTS; r++) {
                        loop.parts[r][i] = old.parts[r][i];
                    }
                } else {
                    Equation eq = equations[node];
                    local[node] = eq.local();
                    double constant = eq.local();
                    for (int e = 0; e < eq.producer().length; e++) {
                        constant += eq.published()[e];
                        double c = eq.share()[e];
                        int p = eq.producer()[e];
                        if (c == 0 || p < 0) {
                            continue; // a stream without a producer carries nothing
                        }
                        if (position[p] >= 0) {
                            loop.inner[in] = position[p];
                            loop.innerShare[in++] = c;
                        } else {
                            loop.outer[out] = p;
                            loop.outerShare[out++] = c;
                        }
                    }
                    loop.constant[i] = constant;
                    for (int r = 0; r < PARTS; r++) {
                        loop.parts[r][i] = eq.partsLocal()[r];
                    }
                }
                loop.innerStart[i + 1] = in;
                loop.outerStart[i + 1] = out;
            }
            Loop made = loop.trimmed();
            made.exits = old == null ? null : old.exits; // who depends on the members is refresh's business, not the tables'
            loops.put(memberNodes, made);
            return made;
        }

        /** Whether the member's row of the previous tables still holds. */
        private static boolean kept(Loop old, int node) {
            return old != null && !old.stale.get(node);
        }

        private static boolean zero(double[] values) {
            for (double v : values) {
                if (v != 0) {
                    return false;
                }
            }
            return true;
        }

        /** A loop's solution, once every member's footprint is finite and none below zero beyond rounding. */
        private void store(int[] memberNodes, double[][] solved, double[] b) {
            double[] x = solved[0];
            int k = memberNodes.length;
            double scale = 0;
            for (double v : b) {
                scale = Math.max(scale, Math.abs(v));
            }
            for (int i = 0; i < k; i++) {
                if (!Double.isFinite(x[i]) || x[i] < -1e-9 * Math.max(1, scale)) {
                    throw loopError(memberNodes, "passes on more than all of its burden");
                }
            }
            double[][] values = new double[PARTS][];
            java.lang.System.arraycopy(solved, 1, values, 0, PARTS);
            for (int i = 0; i < k; i++) {
                solution[memberNodes[i] * SOLVED] = Math.max(0, x[i]);
                setParts(memberNodes[i], values, i, Math.max(0, x[i]));
            }
        }

        /**
         * (I − C)·x = b for each right-hand side b by Gaussian elimination with partial pivoting: exact for the
         * small loops of real parks; one elimination serves every right-hand side.
         */
        private double[][] dense(int[][] from, double[][] share, double[][] rhs, int[] memberNodes, Guard guard) {
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
                    throw loopError(memberNodes, "passes on all of its burden, so its footprint has no finite value");
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
         * Gauss–Seidel over the sparse shares, for large loops: each sweep costs one pass over the loop's
         * flows. It converges when every loop passes on less than all of its burden; a start near the
         * answer (the footprints before a small change) needs few sweeps. {@code x} holds the start and is swept in place.
         */
        private double[] iterate(Loop loop, double[] b, double[] x, int[] memberNodes, Guard guard) {
            int k = b.length;
            int[] from = loop.inner;
            double[] share = loop.innerShare;
            int[] rows = loop.innerStart;
            for (int round = 0; round < 100_000; round++) {
                guard.check();
                double change = 0;
                double size = 0;
                for (int i = 0; i < k; i++) {
                    double v = b[i];
                    double self = 0;
                    for (int e = rows[i]; e < rows[i + 1]; e++) {
                        if (from[e] == i) {
                            self += share[e];
                        } else {
                            v += share[e] * x[from[e]];
                        }
                    }
                    if (self >= 1) {
                        throw loopError(memberNodes, "passes on all of its burden, so its footprint has no finite value");
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
            throw loopError(memberNodes, "passes on all of its burden, so its footprint has no finite value");
        }

        private AnalyticsException loopError(int[] memberNodes, String what) {
            var names = new TreeSet<String>();
            for (int node : memberNodes) {
                names.add(nodes.id(node));
            }
            var shown = names.stream().limit(12).toList();
            String through = String.join(", ", shown) + (memberNodes.length > shown.size() ? " and " + (memberNodes.length - shown.size()) + " more" : "");
            return AnalyticsException.badRequest("the loop through " + through + " " + what
                    + " (the shares c(f) around it multiply to 1 or more); check the flows' quantities and the processes' outputTonnes");
        }

        /** Bytes held: the vectors, the equations, the partition, the large loops' tables (what kb.projection reports). */
        long bytes() {
            long bytes = vectorBytes() + 4L * component.length;
            for (Equation e : equations) {
                bytes += e == null || e == Equation.EMPTY ? 8 : e.bytes();
            }
            for (Ints d : dependents) {
                bytes += d == null ? 8 : 32 + 4L * d.values.length;
            }
            for (int[] m : members) {
                bytes += 16 + 4L * m.length;
            }
            for (Loop loop : loops.values()) {
                bytes += loop.bytes();
            }
            return bytes;
        }

        /**
         * The node's parts from solved values (column i): the reported and primary parts never exceed the
         * footprint, nor the primary biogenic CO2 the biogenic CO2 (rounding in a loop's solve).
         */
        private void setParts(int node, double[][] values, int i, double footprint) {
            double biogenic = Math.max(0, values[Parts.BIOGENIC_CO2][i]);
            int at = node * SOLVED + 1;
            solution[at + Parts.REPORTED] = Math.min(Math.max(0, values[Parts.REPORTED][i]), footprint);
            solution[at + Parts.PRIMARY] = Math.min(Math.max(0, values[Parts.PRIMARY][i]), footprint);
            solution[at + Parts.BIOGENIC_CO2] = biogenic;
            solution[at + Parts.PRIMARY_BIOGENIC_CO2] = Math.min(Math.max(0, values[Parts.PRIMARY_BIOGENIC_CO2][i]), biogenic);
        }

        /** The node's equation as last read (current once the system is). */
        Equation equation(int node) {
            return equations[node];
        }

        /** The node's solved footprint F. */
        double footprint(int node) {
            return solution[node * SOLVED];
        }

        /** The node's solved parts. */
        Parts parts(int node) {
            return Parts.of(Arrays.copyOfRange(solution, node * SOLVED + 1, (node + 1) * SOLVED));
        }

        /** Bytes of the solution vectors alone (F, its parts, local). */
        long vectorBytes() {
            return 8L * (solution.length + local.length);
        }
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
