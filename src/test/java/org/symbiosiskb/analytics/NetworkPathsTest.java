package org.symbiosiskb.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The network path of compensationPartners: a search from both ends giving the path breadth-first search in id order gives. */
@Tag("fast")
class NetworkPathsTest {

    /**
     * Undirected links in memory; nodes outside {@code enterable} are ones paths avoid (an Emission, a WasteCode).
     * Neighbours come in reverse id order, as the store gives them in no particular order: the search must order
     * paths by id itself.
     */
    static final class TinyLinks implements NetworkPaths.Links<String> {
        final Map<String, Set<String>> adjacent = new HashMap<>();
        final Set<String> blocked = new HashSet<>();
        String start;

        TinyLinks link(String a, String b) {
            adjacent.computeIfAbsent(a, k -> new TreeSet<>()).add(b);
            adjacent.computeIfAbsent(b, k -> new TreeSet<>()).add(a);
            return this;
        }

        TinyLinks from(String start) {
            this.start = start;
            return this;
        }

        @Override
        public boolean enterable(String id) {
            return adjacent.containsKey(id) && !blocked.contains(id);
        }

        @Override
        public List<String> neighbours(String id) {
            return adjacent.getOrDefault(id, Set.of()).stream().filter(m -> m.equals(start) || enterable(m)).toList().reversed();
        }

        @Override
        public String id(String node) {
            return node;
        }
    }

    /** o1 is the organization asking; a…h, w6, x6 are records between it and the sink owners t1…t6. */
    private static TinyLinks hand() {
        var links = new TinyLinks()
                .link("o1", "a").link("a", "z").link("z", "q")           // a dead end, though "a" comes first
                .link("o1", "b").link("b", "c").link("c", "t1")           // t1 at 3 hops: o1 b c t1
                .link("o1", "f").link("f", "g").link("g", "t1")           // t1 also at 3 hops: o1 f g t1 (f after b)
                .link("o1", "e").link("e", "t1").link("e", "t5")          // e is an Emission: not through it
                .link("o1", "d").link("d", "t2").link("b", "t2")          // t2 at 2 hops: o1 b t2 and o1 d t2
                .link("g", "h").link("h", "t3")                           // t3 at 4 hops: o1 f g h t3
                .link("b", "x6").link("x6", "t6").link("b", "w6").link("w6", "t6") // t6: o1 b w6 t6 and o1 b x6 t6
                .link("t4", "t4-only");                                   // t4 unreachable
        links.blocked.add("e");
        return links.from("o1");
    }

    @Test
    void each_target_gets_the_shortest_path_first_in_id_order() {
        var paths = NetworkPaths.shortest(hand(), "o1", Set.of("t1", "t2", "t3", "t4", "t5", "t6"), 6);

        // t1: o1-e-t1 is 2 hops but e is not passable; of the 3-hop paths o1 b c t1 and o1 f g t1, b < f;
        //     o1 a … never reaches t1 (a < b, the greedy step must not take it)
        assertThat(paths.get("t1")).containsExactly("o1", "b", "c", "t1");
        // t2: o1 b t2 and o1 d t2, both 2 hops; b < d
        assertThat(paths.get("t2")).containsExactly("o1", "b", "t2");
        // t3: 4 hops, only through f g h
        assertThat(paths.get("t3")).containsExactly("o1", "f", "g", "h", "t3");
        // t6: o1 b w6 t6 and o1 b x6 t6 differ at the third id: w6 < x6
        assertThat(paths.get("t6")).containsExactly("o1", "b", "w6", "t6");
        // t4: not connected; t5: only through the Emission e
        assertThat(paths).doesNotContainKeys("t4", "t5");
    }

    @Test
    void targets_further_than_max_hops_have_no_path() {
        var paths = NetworkPaths.shortest(hand(), "o1", Set.of("t1", "t2", "t3"), 3);

        assertThat(paths).containsOnlyKeys("t1", "t2"); // t3 is 4 hops away
        assertThat(NetworkPaths.shortest(hand(), "o1", Set.of("t2", "o1"), 0)).containsOnly(Map.entry("o1", List.of("o1")));
    }

    /** The breadth-first search in id order that compensationPartners ran before (reference). */
    private static Map<String, List<String>> breadthFirst(NetworkPaths.Links<String> links, String from, Set<String> targets, int maxHops) {
        var found = new HashMap<String, List<String>>();
        var parent = new HashMap<String, String>();
        parent.put(from, null);
        var frontier = List.of(from);
        for (int depth = 0; depth <= maxHops && !frontier.isEmpty(); depth++) {
            for (String n : frontier) {
                if (targets.contains(n) && !found.containsKey(n)) {
                    var path = new ArrayList<String>();
                    for (String at = n; at != null; at = parent.get(at)) {
                        path.addFirst(at);
                    }
                    found.put(n, path);
                }
            }
            var next = new ArrayList<String>();
            for (String n : frontier) {
                for (String m : links.neighbours(n).stream().sorted().toList()) {
                    if (!parent.containsKey(m)) {
                        parent.put(m, n);
                        next.add(m);
                    }
                }
            }
            frontier = next;
        }
        return found;
    }

    @Test
    void random_graphs_give_the_paths_of_breadth_first_search_in_id_order() {
        var random = new SplittableRandom(15);
        for (int round = 0; round < 2000; round++) {
            var links = new TinyLinks();
            int n = 2 + random.nextInt(40);
            int edges = random.nextInt(3 * n);
            for (int e = 0; e < edges; e++) {
                links.link("n" + random.nextInt(n), "n" + random.nextInt(n));
            }
            for (int b = 0; b < n / 6; b++) {
                links.blocked.add("n" + random.nextInt(n));
            }
            String from = "n" + random.nextInt(n);
            links.from(from);
            var targets = new HashSet<String>();
            for (int t = 0; t < 1 + random.nextInt(6); t++) {
                targets.add("n" + random.nextInt(n));
            }
            int maxHops = random.nextInt(8);

            assertThat(NetworkPaths.shortest(links, from, targets, maxHops))
                    .as("round %d from %s to %s within %d", round, from, targets, maxHops)
                    .isEqualTo(breadthFirst(links, from, targets, maxHops));
        }
    }
}
