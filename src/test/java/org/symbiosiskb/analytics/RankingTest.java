package org.symbiosiskb.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** sideStreamMatches ranks thousands of precedents and keeps the first few: the same few a whole stable sort keeps. */
@Tag("fast")
class RankingTest {

    record Item(String name, int rank) {
    }

    @Test
    void the_first_n_in_order_and_ties_in_the_order_given() {
        var items = List.of(new Item("a", 3), new Item("b", 1), new Item("c", 2), new Item("d", 1), new Item("e", 0));
        Comparator<Item> byRank = Comparator.comparingInt(Item::rank);

        // ranks 0, 1, 1, 2, 3: e first; b and d tie at 1 and keep their order (b before d); c, then a
        assertThat(Ranking.first(items, 3, byRank)).extracting(Item::name).containsExactly("e", "b", "d");
        assertThat(Ranking.first(items, 2, byRank)).extracting(Item::name).containsExactly("e", "b");
        assertThat(Ranking.first(items, 10, byRank)).extracting(Item::name).containsExactly("e", "b", "d", "c", "a");
        assertThat(Ranking.first(items, 0, byRank)).isEmpty();
    }

    @Test
    void random_lists_give_what_a_stable_sort_gives() {
        var random = new SplittableRandom(20);
        for (int round = 0; round < 3000; round++) {
            var items = new ArrayList<Item>();
            for (int i = random.nextInt(60); i > 0; i--) {
                items.add(new Item("i" + items.size(), random.nextInt(8))); // many ties
            }
            long n = random.nextInt(70);
            Comparator<Item> order = Comparator.comparingInt(Item::rank);
            var sorted = new ArrayList<>(items);
            sorted.sort(order);

            assertThat(Ranking.first(items, n, order)).as("round %d, first %d of %s", round, n, items)
                    .isEqualTo(sorted.subList(0, (int) Math.min(n, items.size())));
        }
    }
}
