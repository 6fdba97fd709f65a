package org.symbiosiskb.analytics;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * The chains that explain a footprint (analytics.md §1), explored breadth first: a chain is
 * explored when it has at most maxDepth flows and carries at least cutoff × total; only explored
 * chains are extended; no flow is used twice in one chain.
 */
final class Chains {

    /** A bound on explored chains, so that cutoff 0 on a dense loop cannot run away; reaching it marks the trace truncated. */
    static final int MAX_EXPLORED = 200_000;

    /** Flows in flow order, upstream first; {@code product} = Π c(f); {@code contribution} as analytics.md defines it per direction. */
    record Chain(List<Flow> flows, double product, double contribution) {
    }

    record Result(List<Chain> listed, boolean truncated) {
    }

    private Chains() {
    }

    static Result upstream(Footprints.Solution s, int maxDepth, double cutoff, int first) {
        double total = s.footprint().get(s.root());
        var explored = new ArrayList<Chain>();
        var queue = new ArrayDeque<Chain>();
        for (Flow f : s.inputs().get(s.root())) {
            queue.add(new Chain(List.of(f), f.share(s.allocation()), 0));
        }
        boolean truncated = false;
        while (!queue.isEmpty()) {
            Chain candidate = queue.poll();
            String start = candidate.flows().getFirst().producer();
            double reach = s.footprint().get(start) * candidate.product();
            boolean explore = candidate.flows().size() <= maxDepth && reach >= cutoff * total;
            if (!explore || explored.size() >= MAX_EXPLORED) {
                truncated |= reach > 0;
                continue;
            }
            explored.add(new Chain(candidate.flows(), candidate.product(), s.local().get(start) * candidate.product()));
            for (Flow f : s.inputs().get(start)) {
                if (!uses(candidate, f)) {
                    var flows = new ArrayList<Flow>(candidate.flows().size() + 1);
                    flows.add(f);
                    flows.addAll(candidate.flows());
                    queue.add(new Chain(flows, candidate.product() * f.share(s.allocation()), 0));
                }
            }
        }
        return new Result(list(explored, first), truncated);
    }

    /** Where p's footprint goes: chains start at p and follow flows out. */
    static Result downstream(String root, double footprint, Function<String, List<Flow>> flowsOut, Allocation allocation,
                             int maxDepth, double cutoff, int first) {
        var explored = new ArrayList<Chain>();
        var queue = new ArrayDeque<Chain>();
        for (Flow f : flowsOut.apply(root)) {
            queue.add(new Chain(List.of(f), f.share(allocation), 0));
        }
        boolean truncated = false;
        while (!queue.isEmpty()) {
            Chain candidate = queue.poll();
            double contribution = footprint * candidate.product();
            boolean explore = candidate.flows().size() <= maxDepth && contribution >= cutoff * footprint;
            if (!explore || explored.size() >= MAX_EXPLORED) {
                truncated |= contribution > 0;
                continue;
            }
            explored.add(new Chain(candidate.flows(), candidate.product(), contribution));
            String end = candidate.flows().getLast().consumer();
            for (Flow f : flowsOut.apply(end)) {
                if (!uses(candidate, f)) {
                    var flows = new ArrayList<>(candidate.flows());
                    flows.add(f);
                    queue.add(new Chain(flows, candidate.product() * f.share(allocation), 0));
                }
            }
        }
        return new Result(list(explored, first), truncated);
    }

    private static boolean uses(Chain chain, Flow f) {
        for (Flow g : chain.flows()) {
            if (g.id().equals(f.id())) {
                return true;
            }
        }
        return false;
    }

    /** Positive contributions, largest first; ties: shorter first, then by the flow ids in order. */
    private static List<Chain> list(List<Chain> explored, int first) {
        return explored.stream()
                .filter(c -> c.contribution() > 0)
                .sorted(Comparator.comparingDouble(Chain::contribution).reversed()
                        .thenComparingInt(c -> c.flows().size())
                        .thenComparing(Chains::flowIds, Chains::compareIds))
                .limit(first)
                .toList();
    }

    private static List<String> flowIds(Chain c) {
        return c.flows().stream().map(Flow::id).toList();
    }

    private static int compareIds(List<String> a, List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int cmp = a.get(i).compareTo(b.get(i));
            if (cmp != 0) {
                return cmp;
            }
        }
        return Integer.compare(a.size(), b.size());
    }
}
