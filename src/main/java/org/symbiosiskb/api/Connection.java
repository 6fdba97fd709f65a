package org.symbiosiskb.api;

import java.util.List;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * One page of a list, Relay style. {@code totalCount} runs its count query only when a client
 * asks for it.
 */
public record Connection<T>(List<Edge<T>> edges, PageInfo pageInfo, LongSupplier counter) {

    public record Edge<T>(String cursor, T node) {
    }

    public List<T> nodes() {
        return edges.stream().map(Edge::node).toList();
    }

    public long totalCount() {
        return counter.getAsLong();
    }

    /**
     * @param rows  up to {@code page.first() + 1} rows in id order; one more than asked means there is a next page
     * @param idOf  the id the cursor encodes
     */
    public static <T> Connection<T> of(List<T> rows, PageRequest page, Function<T, String> idOf, LongSupplier counter) {
        boolean hasNext = rows.size() > page.first();
        var edges = rows.stream().limit(page.first()).map(r -> new Edge<>(Cursors.encode(idOf.apply(r)), r)).toList();
        var info = new PageInfo(hasNext, page.after() != null,
                edges.isEmpty() ? null : edges.getFirst().cursor(), edges.isEmpty() ? null : edges.getLast().cursor());
        return new Connection<>(edges, info, counter);
    }
}
