package org.symbiosiskb.analytics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

import org.symbiosiskb.analytics.Solved.Links;

/**
 * The chains that explain a footprint (docs/spec/analytics.md §1). A chain is explored when it has at most
 * maxDepth flows and carries at least cutoff × total; only explored chains are extended; no flow
 * is used twice in one chain; the listed chains are the {@code first} explored ones of largest
 * contribution. A trace is truncated when some chain it did not explore would carry burden.
 *
 * <p>The footprints are already solved, so exploring is a search, best first: what a chain
 * can still bring (upstream: F(start) × Π c(f); downstream: F(root) × Π c(f)) never grows as it
 * is extended, so once the next candidate can bring less than the smallest chain already listed,
 * nothing unexplored can enter the list; the search goes on only while it has not yet seen whether
 * the trace is truncated. The chains listed, coverage and truncated are the same as those of
 * exploring every qualifying chain; the work is a few chains beyond the listed ones.
 *
 * <p>Chains share their tails (each step points to the rest of its chain), so extending one costs
 * one small object, not a list copy.
 */
final class Chains {

    /** A bound on explored chains, so that cutoff 0 on a dense loop cannot run away; reaching it marks the trace truncated. */
    static final int MAX_EXPLORED = 200_000;

    /** Flows in flow order, upstream first; {@code product} = Π c(f); {@code contribution} as docs/spec/analytics.md defines it per direction. */
    record Chain(List<Flow> flows, double product, double contribution) {
    }

    record Result(List<Chain> listed, boolean truncated, int explored) {
    }

    /**
     * One step of a chain: its flow, edge {@code edge} of node {@code node}'s links (upstream the node's inputs,
     * downstream its outputs), which leads to node {@code next}; and the chain it extends (null for a chain of one flow).
     * {@code reach} bounds what it and its extensions carry; {@code ends}: a published footprint ends the chain.
     */
    private record Step(int node, int edge, int next, Step rest, int length, double product, double reach, boolean ends) {

        /** Whether the chain uses the flow already: a flow is one edge of one node's links. */
        boolean uses(int node, int edge) {
            for (Step s = this; s != null; s = s.rest) {
                if (s.edge == edge && s.node == node) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Positive contributions, largest first; ties: shorter first, then by the flow ids in order. */
    private static final Comparator<Chain> ORDER = Comparator.comparingDouble(Chain::contribution).reversed()
            .thenComparingInt(c -> c.flows().size())
            .thenComparing(Chains::flowIds, Chains::compareIds);

    private Chains() {
    }

    /** The search state shared by both directions. */
    private static final class Search {
        final int maxDepth;
        final double threshold;
        final int first;
        final Solved solved;
        /** Upstream: a step's flow is one of its node's inputs, and the newest step is the first flow. */
        final boolean upstream;
        final Guard guard;
        final PriorityQueue<Step> queue = new PriorityQueue<>(Comparator.comparingDouble(Step::reach).reversed());
        /** The best {@code first} chains so far; its head is the worst of them. */
        final PriorityQueue<Chain> listed = new PriorityQueue<>(ORDER.reversed());
        boolean truncated;
        /** Whether the bound holds: every share on the way is at most 1 (downstream; upstream it always holds). */
        boolean bounded = true;
        int explored;

        Search(Solved solved, boolean upstream, int maxDepth, double threshold, int first, Guard guard) {
            this.solved = solved;
            this.upstream = upstream;
            this.maxDepth = maxDepth;
            this.threshold = threshold;
            this.first = first;
            this.guard = guard;
        }

        /**
         * The chain of edge {@code edge} of {@code node}'s links, then {@code rest}: one that would carry burden is explored
         * when it qualifies, else it makes the trace truncated; no flow twice in one chain. {@code unbounding}: its share
         * is over 1 (see {@link #bounded}). Most chains offered do not qualify, and once the trace is truncated such a
         * chain changes nothing: it is dropped before its flows are walked or a step is made for it.
         */
        void offer(int node, int edge, Links links, Step rest, double product, double reach, boolean unbounding) {
            int length = rest == null ? 1 : rest.length() + 1;
            boolean carries = !(reach <= 0); // else it carries nothing, and nothing it extends to does
            boolean qualifies = carries && !(length > maxDepth || reach < threshold);
            boolean changes = qualifies || (carries && !truncated) || (unbounding && bounded);
            if (!changes || (rest != null && rest.uses(node, edge))) {
                return;
            }
            if (unbounding) {
                bounded = false; // a chain could grow as it is extended: explore every qualifying chain
            }
            if (qualifies) {
                queue.add(new Step(node, edge, links.next()[edge], rest, length, product, reach, upstream && links.published()[edge] != 0));
            } else if (carries) {
                truncated = true;
            }
        }

        /** The next chain to explore, or null when nothing left could change the answer. */
        Step next() {
            while (!queue.isEmpty()) {
                guard.check();
                if (explored >= MAX_EXPLORED) {
                    truncated = true;
                    return null;
                }
                Step best = queue.peek();
                boolean settled = first == 0 || (listed.size() == first && best.reach() < listed.peek().contribution());
                if (settled && truncated && bounded) {
                    return null;
                }
                explored++;
                return queue.poll();
            }
            return null;
        }

        void list(Step step, double contribution) {
            if (contribution <= 0 || first == 0) {
                return;
            }
            if (listed.size() == first && contribution < listed.peek().contribution()) {
                return; // ranks after every listed chain (largest contribution first), so its flows need not be gathered
            }
            var chain = new Chain(flows(step), step.product(), contribution);
            if (listed.size() < first) {
                listed.add(chain);
            } else if (ORDER.compare(chain, listed.peek()) < 0) {
                listed.poll();
                listed.add(chain);
            }
        }

        Result result() {
            var chains = new ArrayList<>(listed);
            chains.sort(ORDER);
            return new Result(chains, truncated, explored);
        }

        /** The chain's flows in flow order, upstream first. */
        private List<Flow> flows(Step step) {
            var flows = new ArrayList<Flow>(step.length());
            for (Step s = step; s != null; s = s.rest()) {
                flows.add(upstream ? solved.input(s.node(), s.edge()) : solved.output(s.node(), s.edge()));
            }
            return upstream ? flows : flows.reversed();
        }
    }

    /** Where a process's footprint comes from: chains end at the root and are followed upstream. */
    static Result upstream(Solved s, String root, int maxDepth, double cutoff, int first, Guard guard) {
        int node = s.node(root);
        if (node < 0) {
            return new Result(List.of(), false, 0);
        }
        var search = new Search(s, true, maxDepth, cutoff * s.footprint(node), first, guard);
        offerUpstream(search, node, null);
        for (Step step = search.next(); step != null; step = search.next()) {
            // a flow with a published footprint ends its chain: the burden it brings is m × the footprint, not F(producer) × c(f)
            search.list(step, step.ends() ? step.reach() : s.local(step.next()) * step.product());
            if (!step.ends()) {
                offerUpstream(search, step.next(), step);   // upstream: the newest step's producer starts the chain
            }
        }
        return search.result();
    }

    /** Each flow into {@code node}, then {@code rest}: its reach is what its producer brings through the chain, F(producer) × Π c(f), or m × the published footprint. */
    private static void offerUpstream(Search search, int node, Step rest) {
        Links in = search.solved.inputs(node);
        double before = rest == null ? 1 : rest.product();
        for (int e = 0; e < in.size(); e++) {
            double burden = in.published()[e];
            int producer = in.next()[e];
            double product = burden != 0 ? before : before * in.share()[e];
            double reach = burden != 0 ? burden * product : product == 0 || producer < 0 ? 0 : search.solved.footprint(producer) * product;
            search.offer(node, e, in, rest, product, reach, false);
        }
    }

    /** Where p's footprint goes: chains start at p and follow flows out. */
    static Result downstream(Solved s, String root, double footprint, int maxDepth, double cutoff, int first, Guard guard) {
        int node = s.node(root);
        if (node < 0) {
            return new Result(List.of(), false, 0);
        }
        var search = new Search(s, false, maxDepth, cutoff * footprint, first, guard);
        offerDownstream(search, node, null, footprint);
        for (Step step = search.next(); step != null; step = search.next()) {
            search.list(step, step.reach());
            offerDownstream(search, step.next(), step, footprint);   // downstream: the newest step's consumer goes on
        }
        return search.result();
    }

    private static void offerDownstream(Search search, int node, Step rest, double footprint) {
        if (node < 0) {
            return;
        }
        Links out = search.solved.outputs(node);
        double before = rest == null ? 1 : rest.product();
        for (int e = 0; e < out.size(); e++) {
            double c = out.share()[e];
            double product = before * c;
            search.offer(node, e, out, rest, product, footprint * product, c > 1);
        }
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
