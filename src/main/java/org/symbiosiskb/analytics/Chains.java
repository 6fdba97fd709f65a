package org.symbiosiskb.analytics;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * The chains that explain a footprint (docs/spec/analytics.md §1), explored breadth first: a chain is
 * explored when it has at most maxDepth flows and carries at least cutoff × total; only explored
 * chains are extended; no flow is used twice in one chain. Chains share their tails (each step
 * points to the rest of its chain), so extending one costs one small object, not a list copy.
 */
final class Chains {

    /** A bound on explored chains, so that cutoff 0 on a dense loop cannot run away; reaching it marks the trace truncated. */
    static final int MAX_EXPLORED = 200_000;

    /** Flows in flow order, upstream first; {@code product} = Π c(f); {@code contribution} as docs/spec/analytics.md defines it per direction. */
    record Chain(List<Flow> flows, double product, double contribution) {
    }

    record Result(List<Chain> listed, boolean truncated) {
    }

    /** One step of a chain: its flow and the chain it extends (null for a chain of one flow). */
    private record Step(Flow flow, Step rest, int length, double product) {

        boolean uses(Flow f) {
            for (Step s = this; s != null; s = s.rest) {
                if (s.flow.id().equals(f.id())) {
                    return true;
                }
            }
            return false;
        }
    }

    private record Explored(Step step, double contribution) {
    }

    private Chains() {
    }

    static Result upstream(Footprints.Solution s, int maxDepth, double cutoff, int first, Guard guard) {
        double total = s.footprint().get(s.root());
        var explored = new ArrayList<Explored>();
        var queue = new ArrayDeque<Step>();
        int year = s.year();
        for (Flow f : s.inputs().get(s.root())) {
            queue.add(new Step(f, null, 1, stepShare(f, s.allocation(), year)));
        }
        boolean truncated = false;
        while (!queue.isEmpty()) {
            guard.check();
            Step candidate = queue.poll();
            String start = candidate.flow().producer();   // upstream: the newest step is the first flow
            // a flow with a published footprint ends its chain: the burden it brings is m × the footprint, not F(producer) × c(f)
            boolean published = candidate.flow().published(s.allocation(), year) != null;
            double reach = published ? candidate.flow().publishedBurden(s.allocation(), year) * candidate.product()
                    : s.footprint().get(start) * candidate.product();
            boolean explore = candidate.length() <= maxDepth && reach >= cutoff * total;
            if (!explore || explored.size() >= MAX_EXPLORED) {
                truncated |= reach > 0;
                continue;
            }
            explored.add(new Explored(candidate, published ? reach : s.local().get(start) * candidate.product()));
            if (published) {
                continue;
            }
            for (Flow f : s.inputs().get(start)) {
                if (!candidate.uses(f)) {
                    queue.add(new Step(f, candidate, candidate.length() + 1, candidate.product() * stepShare(f, s.allocation(), year)));
                }
            }
        }
        return new Result(list(explored, first, true, guard), truncated);
    }

    /** The factor a step multiplies into the rest of its chain: c(f), or 1 for a published flow, whose own burden is m × footprint. */
    private static double stepShare(Flow f, Allocation allocation, int year) {
        return f.published(allocation, year) != null ? 1 : f.share(allocation);
    }

    /** Where p's footprint goes: chains start at p and follow flows out. */
    static Result downstream(String root, double footprint, Function<String, List<Flow>> flowsOut, Allocation allocation,
                             int maxDepth, double cutoff, int first, Guard guard) {
        var explored = new ArrayList<Explored>();
        var queue = new ArrayDeque<Step>();
        for (Flow f : flowsOut.apply(root)) {
            queue.add(new Step(f, null, 1, f.share(allocation)));
        }
        boolean truncated = false;
        while (!queue.isEmpty()) {
            guard.check();
            Step candidate = queue.poll();
            double contribution = footprint * candidate.product();
            boolean explore = candidate.length() <= maxDepth && contribution >= cutoff * footprint;
            if (!explore || explored.size() >= MAX_EXPLORED) {
                truncated |= contribution > 0;
                continue;
            }
            explored.add(new Explored(candidate, contribution));
            for (Flow f : flowsOut.apply(candidate.flow().consumer())) {   // downstream: the newest step is the last flow
                if (!candidate.uses(f)) {
                    queue.add(new Step(f, candidate, candidate.length() + 1, candidate.product() * f.share(allocation)));
                }
            }
        }
        return new Result(list(explored, first, false, guard), truncated);
    }

    /** Positive contributions, largest first; ties: shorter first, then by the flow ids in order. */
    private static List<Chain> list(List<Explored> explored, int first, boolean newestFirst, Guard guard) {
        Comparator<Chain> order = Comparator.comparingDouble(Chain::contribution).reversed()
                .thenComparingInt(c -> c.flows().size())
                .thenComparing(Chains::flowIds, Chains::compareIds);
        // sorting 200 000 tied chains takes seconds: it too stops when the transaction is terminated
        int[] compared = {0};
        Comparator<Chain> guarded = (a, b) -> {
            if ((++compared[0] & 0x3FF) == 0) {
                guard.check();
            }
            return order.compare(a, b);
        };
        return explored.stream()
                .filter(e -> e.contribution() > 0)
                .map(e -> new Chain(flows(e.step(), newestFirst), e.step().product(), e.contribution()))
                .sorted(guarded)
                .limit(first)
                .toList();
    }

    /** The chain's flows in flow order, upstream first. */
    private static List<Flow> flows(Step step, boolean newestFirst) {
        var flows = new ArrayList<Flow>(step.length());
        for (Step s = step; s != null; s = s.rest()) {
            flows.add(s.flow());
        }
        return newestFirst ? flows : flows.reversed();
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
