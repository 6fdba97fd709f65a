package org.symbiosiskb.analytics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The first n of a list in the order a stable sort gives (ties keep the list's order), without sorting the rest:
 * sideStreamMatches keeps 20 of the thousands of processes that took a waste code before.
 */
final class Ranking {

    private Ranking() {
    }

    static <T> List<T> first(List<T> items, long n, Comparator<? super T> order) {
        int k = (int) Math.max(0, Math.min(n, items.size()));
        // by the order, then by position: what a stable sort does with ties
        Comparator<Integer> byOrder = (a, b) -> {
            int c = order.compare(items.get(a), items.get(b));
            return c != 0 ? c : Integer.compare(a, b);
        };
        var kept = new PriorityQueue<Integer>(k + 1, byOrder.reversed()); // the last of those kept on top
        for (int i = 0; i < items.size() && k > 0; i++) {
            kept.add(i);
            if (kept.size() > k) {
                kept.poll();
            }
        }
        var positions = new ArrayList<>(kept);
        positions.sort(byOrder);
        var result = new ArrayList<T>(positions.size());
        positions.forEach(i -> result.add(items.get(i)));
        return result;
    }
}
