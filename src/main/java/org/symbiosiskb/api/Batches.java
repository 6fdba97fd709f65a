package org.symbiosiskb.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Turns rows grouped by parent id into what a {@code @BatchMapping} method returns. */
public final class Batches {

    private Batches() {
    }

    public static <P, C> Map<P, List<C>> many(List<P> parents, Function<P, String> idOf, Map<String, List<C>> byId) {
        var result = new LinkedHashMap<P, List<C>>();
        parents.forEach(p -> result.put(p, byId.getOrDefault(idOf.apply(p), List.of())));
        return result;
    }

    /** To-one fields: parents without a row are left out, which GraphQL shows as null. */
    public static <P, C> Map<P, C> one(List<P> parents, Function<P, String> idOf, Map<String, List<C>> byId) {
        var result = new LinkedHashMap<P, C>();
        parents.forEach(p -> {
            var children = byId.get(idOf.apply(p));
            if (children != null && !children.isEmpty() && children.getFirst() != null) {
                result.put(p, children.getFirst());
            }
        });
        return result;
    }

    public static <P> List<String> ids(List<P> parents, Function<P, String> idOf) {
        return parents.stream().map(idOf).filter(java.util.Objects::nonNull).distinct().toList();
    }
}
