package org.symbiosiskb.analytics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

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

    /** One step of a chain: its flow and the chain it extends (null for a chain of one flow); {@code reach} bounds what it and its extensions carry. */
    private record Step(Flow flow, Step rest, int length, double product, double reach) {

        boolean uses(Flow f) {
            for (Step s = this; s != null; s = s.rest) {
                if (s.flow.id().equals(f.id())) {
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
        final boolean newestFirst;
        final Guard guard;
        final PriorityQueue<Step> queue = new PriorityQueue<>(Comparator.comparingDouble(Step::reach).reversed());
        /** The best {@code first} chains so far; its head is the worst of them. */
        final PriorityQueue<Chain> listed = new PriorityQueue<>(ORDER.reversed());
        boolean truncated;
        /** Whether the bound holds: every share on the way is at most 1 (downstream; upstream it always holds). */
        boolean bounded = true;
        int explored;

        Search(int maxDepth, double threshold, int first, boolean newestFirst, Guard guard) {
            this.maxDepth = maxDepth;
            this.threshold = threshold;
            this.first = first;
            this.newestFirst = newestFirst;
            this.guard = guard;
        }

        /**
         * The chain {@code f} then {@code rest}: one that would carry burden is explored when it qualifies, else it makes
         * the trace truncated; no flow twice in one chain. {@code unbounding}: its share is over 1 (see {@link #bounded}).
         * Most chains offered do not qualify, and once the trace is truncated such a chain changes nothing: it is
         * dropped before its flows are walked or a step is made for it.
         */
        void offer(Flow f, Step rest, double product, double reach, boolean unbounding) {
            int length = rest == null ? 1 : rest.length() + 1;
            boolean carries = !(reach <= 0); // else it carries nothing, and nothing it extends to does
            boolean qualifies = carries && !(length > maxDepth || reach < threshold);
            boolean changes = qualifies || (carries && !truncated) || (unbounding && bounded);
            if (!changes || (rest != null && rest.uses(f))) {
                return;
            }
            if (unbounding) {
                bounded = false; // a chain could grow as it is extended: explore every qualifying chain
            }
            if (qualifies) {
                queue.add(new Step(f, rest, length, product, reach));
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
            var chain = new Chain(flows(step, newestFirst), step.product(), contribution);
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
    }

    /** Where a process's footprint comes from: chains end at the root and are followed upstream. */
    static Result upstream(Solved s, String root, int maxDepth, double cutoff, int first, Guard guard) {
        double total = s.footprint(root);
        var search = new Search(maxDepth, cutoff * total, first, true, guard);
        Allocation allocation = s.allocation();
        int year = s.year();
        for (Flow f : s.inputs(root)) {
            offerUpstream(search, s, f, null, allocation, year);
        }
        for (Step step = search.next(); step != null; step = search.next()) {
            String start = step.flow().producer();   // upstream: the newest step is the first flow
            // a flow with a published footprint ends its chain: the burden it brings is m × the footprint, not F(producer) × c(f)
            boolean published = step.flow().published(allocation, year) != null;
            search.list(step, published ? step.reach() : s.local(start) * step.product());
            if (published) {
                continue;
            }
            for (Flow f : s.inputs(start)) {
                offerUpstream(search, s, f, step, allocation, year);
            }
        }
        return search.result();
    }

    /** The chain's reach is what its producer brings through it: F(producer) × Π c(f), or m × the published footprint. */
    private static void offerUpstream(Search search, Solved s, Flow f, Step rest, Allocation allocation, int year) {
        double before = rest == null ? 1 : rest.product();
        boolean published = f.published(allocation, year) != null;
        double product = before * (published ? 1 : f.share(allocation));
        double reach = published ? f.publishedBurden(allocation, year) * product : product == 0 ? 0 : s.footprint(f.producer()) * product;
        search.offer(f, rest, product, reach, false);
    }

    /** Where p's footprint goes: chains start at p and follow flows out. */
    static Result downstream(Solved s, String root, double footprint, int maxDepth, double cutoff, int first, Guard guard) {
        var search = new Search(maxDepth, cutoff * footprint, first, false, guard);
        Allocation allocation = s.allocation();
        for (Flow f : s.outputs(root)) {
            offerDownstream(search, f, null, footprint, allocation);
        }
        for (Step step = search.next(); step != null; step = search.next()) {
            search.list(step, step.reach());
            for (Flow f : s.outputs(step.flow().consumer())) {   // downstream: the newest step is the last flow
                offerDownstream(search, f, step, footprint, allocation);
            }
        }
        return search.result();
    }

    private static void offerDownstream(Search search, Flow f, Step rest, double footprint, Allocation allocation) {
        double c = f.share(allocation);
        double product = (rest == null ? 1 : rest.product()) * c;
        search.offer(f, rest, product, footprint * product, c > 1);
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
