package org.symbiosiskb.api;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

import org.neo4j.driver.Record;
import org.symbiosiskb.graph.Cypher;

/**
 * A page of a filtered list. The page query receives {@code $after} (an id or null) and
 * {@code $limit}, orders by id and returns the node as {@code n}; the count query takes the same
 * filter parameters and returns {@code count}. Both are made here from the list's filter, so every list
 * pages and counts alike.
 */
public final class Lists {

    private Lists() {
    }

    /**
     * The page query of a list whose filter matches its node as {@code n}: what the caller may see (filtered in the
     * database, before the LIMIT, so an anonymous page is full), after {@code $after}, by id, {@code $limit} of them.
     */
    public static String pageQuery(String filter) {
        return filter + Cypher.SEEN_BY_CALLER + " AND ($after IS NULL OR n.id > $after) RETURN n ORDER BY n.id LIMIT $limit";
    }

    /** The count query of a list whose filter matches its node as {@code n}: what the caller may see, as {@code count}. */
    public static String countQuery(String filter) {
        return filter + Cypher.SEEN_BY_CALLER + " RETURN count(n) AS count";
    }

    public static <T> Connection<T> page(Cypher cypher, String pageQuery, String countQuery, Map<String, Object> filter,
                                         PageRequest page, Function<Record, T> mapper, Function<T, String> idOf) {
        var params = new HashMap<>(filter);
        params.put("after", page.after());
        params.put("limit", page.limit());
        var rows = cypher.list(pageQuery, params, mapper);
        return Connection.of(rows, page, idOf,
                () -> cypher.one(countQuery, filter, r -> r.get("count").asLong()).orElse(0L));
    }

    /** Filter arguments as query parameters: every key present, absent ones as null. */
    public static Map<String, Object> filter(Map<String, Object> given, String... keys) {
        var params = new HashMap<String, Object>();
        for (String key : keys) {
            params.put(key, given == null ? null : given.get(key));
        }
        return params;
    }
}
