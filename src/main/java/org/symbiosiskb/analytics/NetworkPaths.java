package org.symbiosiskb.analytics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The network path of compensationPartners (docs/spec/analytics.md §3): for each target, the shortest path from
 * {@code from} whose ids, read from {@code from} on, come first in id order among all shortest paths. That is the path
 * a breadth-first search finds when it visits each node's neighbours in id order (each node's parent is the first
 * node of the layer before that reaches it, and the layers stay in the order of those paths), but found without
 * visiting every node within the target's distance: a search from each end, one layer at a time, always the side
 * with the smaller layer, until the two meet. A breadth-first search from an organization of a dense park reaches
 * the whole network within four hops (park, network, every park, every organization); from both ends, two layers
 * each suffice.
 *
 * <p>Once the distance d is known, the nodes of the forward layers that lie on a shortest path are marked back from
 * where the searches met, and the path is chosen greedily from {@code from}: at each step the neighbour with the
 * smallest id that is still on a shortest path to the target. Greedy is exact for "first in id order" because all
 * candidate paths have the same length and a path is compared by its first differing id.
 */
final class NetworkPaths {

    /**
     * The links a network path may take (relationships in either direction, between nodes it may pass through), over
     * node handles {@code N}: the store's nodes, so that a search reads a node's id only where the path's choice or
     * its answer needs it (a search from a dense park reaches thousands of nodes, and reading each one's id took a
     * third of compensationPartners at benchmark size L).
     */
    interface Links<N> {

        /** Whether a path may end at (or pass through) this node: it exists and is not a node paths avoid. */
        boolean enterable(N node);

        /** The nodes a path may step to from this one, in any order; the start of the search counts as enterable. */
        List<N> neighbours(N node);

        /** The node's id, which orders the paths of equal length. */
        String id(N node);
    }

    private NetworkPaths() {
    }

    /** For each target within maxHops of {@code from}, the nodes along the path, {@code from} first. */
    static <N> Map<N, List<N>> shortest(Links<N> links, N from, Set<N> targets, int maxHops) {
        var found = new HashMap<N, List<N>>();
        var forward = new Layers<>(links, from); // shared by the targets: the start's side is the same for each
        for (N target : targets) {
            if (target.equals(from)) {
                found.put(target, List.of(from));
            } else if (links.enterable(target)) {
                List<N> path = path(links, forward, target, maxHops);
                if (path != null) {
                    found.put(target, path);
                }
            }
        }
        return found;
    }

    /** Exact breadth-first layers from one node, grown one at a time on demand. */
    private static final class Layers<N> {
        final Links<N> links;
        final Map<N, Integer> depth = new HashMap<>();
        final List<List<N>> layers = new ArrayList<>();

        Layers(Links<N> links, N start) {
            this.links = links;
            depth.put(start, 0);
            layers.add(List.of(start));
        }

        int reached() {
            return layers.size() - 1;
        }

        List<N> last() {
            return layers.getLast();
        }

        /** The next layer; empty when nothing more is reachable. */
        List<N> grow() {
            var next = new ArrayList<N>();
            int d = layers.size();
            for (N n : last()) {
                for (N m : links.neighbours(n)) {
                    if (depth.putIfAbsent(m, d) == null) {
                        next.add(m);
                    }
                }
            }
            layers.add(next);
            return next;
        }
    }

    private static <N> List<N> path(Links<N> links, Layers<N> forward, N target, int maxHops) {
        var backward = new Layers<>(links, target);
        int d = meeting(backward, forward, backward.last());
        while (d < 0) {
            if (forward.reached() + backward.reached() >= maxHops) {
                return null; // the searches have not met: the target is further than maxHops
            }
            boolean ahead = forward.last().size() <= backward.last().size();
            Layers<N> grown = ahead ? forward : backward;
            var layer = grown.grow();
            if (layer.isEmpty()) {
                return null; // one end's component is exhausted without meeting the other
            }
            d = ahead ? meeting(forward, backward, layer) : meeting(backward, forward, layer);
        }
        return d > maxHops ? null : choose(links, forward, backward, d);
    }

    /**
     * The shortest distance through the nodes of {@code layer} (new in {@code side}) that the other side has reached,
     * or -1. The first time the two sides share a node, its smallest sum of depths is the distance: a node shared
     * with a smaller sum would have been shared before.
     */
    private static <N> int meeting(Layers<N> side, Layers<N> other, List<N> layer) {
        int best = -1;
        for (N n : layer) {
            Integer there = other.depth.get(n);
            if (there != null) {
                int sum = side.depth.get(n) + there;
                best = best < 0 ? sum : Math.min(best, sum);
            }
        }
        return best;
    }

    private static <N> List<N> choose(Links<N> links, Layers<N> forward, Layers<N> backward, int d) {
        int k = Math.min(forward.reached(), d); // forward layers up to k, backward layers beyond it (d - k <= backward.reached())
        // on[i]: the nodes of forward layer i on a shortest path to the target, marked back from where the searches met
        var on = new ArrayList<Set<N>>();
        for (int i = 0; i <= k; i++) {
            on.add(new HashSet<>());
        }
        for (N x : forward.layers.get(k)) {
            Integer there = backward.depth.get(x);
            if (there != null && there == d - k) {
                on.get(k).add(x);
            }
        }
        for (int i = k - 1; i >= 0; i--) {
            for (N u : forward.layers.get(i)) {
                for (N v : links.neighbours(u)) {
                    if (on.get(i + 1).contains(v)) {
                        on.get(i).add(u);
                        break;
                    }
                }
            }
        }
        var path = new ArrayList<N>(d + 1);
        N at = forward.layers.getFirst().getFirst();
        path.add(at);
        for (int i = 1; i <= d; i++) {
            N next = null;
            String nextId = null;
            for (N v : links.neighbours(at)) { // of those on a shortest path, the one first in id order (ids read only for them)
                Integer there = backward.depth.get(v);
                if (i <= k ? on.get(i).contains(v) : there != null && there == d - i) {
                    String id = links.id(v);
                    if (next == null || id.compareTo(nextId) < 0) {
                        next = v;
                        nextId = id;
                    }
                }
            }
            at = next;
            path.add(at);
        }
        return path;
    }
}
