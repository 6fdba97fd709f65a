package org.symbiosiskb.api.translation;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.neo4j.driver.Value;
import org.neo4j.driver.Values;
import org.neo4j.driver.internal.InternalRecord;
import org.neo4j.driver.types.Point;
import org.symbiosiskb.api.Cursors;
import org.symbiosiskb.api.Location;
import org.symbiosiskb.api.PageInfo;

/**
 * How the {@code value} of a translated statement becomes GraphQL values: the same tree as the selection that
 * made the statement, so each record of the answer is read once, by the positions the statement gave its fields.
 */
final class Shape {

    private Shape() {
    }

    /** A slot reads one value of a row as {@link org.symbiosiskb.graph.Cypher#listPlain} gives it: Java maps, lists, numbers, strings, the driver's points. */
    sealed interface Slot {
        Object convert(Object value);
    }

    /** A scalar, a list of scalars or a small value object (a location, a provenance), with an optional last step in Java. */
    record Scalar(Function<Object, Object> java) implements Slot {
        @Override
        public Object convert(Object value) {
            Object plain = plain(value);
            return java == null ? plain : java.apply(plain);
        }
    }

    /**
     * One field: put under {@code field} (for one alias of several: under {@code alias}). A page reads it from its map
     * under {@code cypherKey}; a level reads its entries by position (their {@code cypherKey} is null).
     */
    record Entry(String cypherKey, String field, String alias, Slot slot) {
    }

    /**
     * The fields of one record, read from a list: the i-th entry from the i-th item.
     *
     * @param record the feature's record is made too (its columns a map, the item after the entries)
     */
    record Level(NodeType type, List<Entry> entries, boolean record) implements Slot {
        @Override
        public Object convert(Object value) {
            if (!(value instanceof List<?> row)) {
                return null;
            }
            var out = new Translated(entries.size());
            for (int i = 0; i < entries.size(); i++) {
                Entry e = entries.get(i);
                put(out, e, e.slot().convert(row.get(i)));
            }
            if (record) {
                var keys = new ArrayList<String>();
                var values = new ArrayList<Value>();
                ((Map<?, ?>) row.get(entries.size())).forEach((k, v) -> {
                    keys.add((String) k);
                    values.add(Values.value(v));
                });
                out.record = type.recordMapper.apply(new InternalRecord(keys, values));
            }
            return out;
        }
    }

    /** A list of records. */
    record Many(Level level) implements Slot {
        @Override
        public Object convert(Object value) {
            if (!(value instanceof List<?> items)) {
                return List.of();
            }
            var out = new ArrayList<Object>(items.size());
            for (Object item : items) {
                out.add(level.convert(item));
            }
            return out;
        }
    }

    /** The first record of a list, or null. */
    record One(Level level) implements Slot {
        @Override
        public Object convert(Object value) {
            return value instanceof List<?> items && !items.isEmpty() ? level.convert(items.getFirst()) : null;
        }
    }

    /**
     * A connection: rows read one more than asked (so {@code hasNextPage} needs no count), each list of
     * nodes asked (under {@code nodes} or as {@code edges { node }}) read as its own list, and
     * {@code totalCount} counted in the same statement when asked.
     *
     * @param lists  the node lists, each under its Cypher key, with the field (nodes or edges) and alias it answers
     * @param fields the connection's other fields asked: pageInfo and totalCount, by alias
     */
    record Page(int first, String after, List<Entry> lists, List<Entry> fields) implements Slot {
        @Override
        public Object convert(Object value) {
            var map = (Map<?, ?>) value;
            var out = new Translated.PageConnection(lists.size() + fields.size());
            List<?> ids = null;
            boolean hasNext = false;
            for (Entry e : lists) {
                var rows = (List<?>) e.slot().convert(map.get(e.cypherKey()));
                hasNext = rows.size() > first;
                var page = rows.size() > first ? rows.subList(0, first) : rows;
                ids = page.stream().map(r -> ((Translated) r).get("id")).toList();
                Object v = e.field().equals("edges") ? page.stream().map(r -> {
                    var edge = new Translated(2);
                    edge.put("cursor", Cursors.encode((String) ((Translated) r).get("id")));
                    edge.put("node", r);
                    return (Object) edge;
                }).toList() : page;
                put(out, e, v);
            }
            for (Entry e : fields) {
                if (e.field().equals("totalCount")) {
                    put(out, e, ((Number) map.get(e.cypherKey())).longValue());
                } else {
                    List<?> page = ids == null ? List.of() : ids;
                    put(out, e, new PageInfo(hasNext, after != null, page.isEmpty() ? null : Cursors.encode((String) page.getFirst()),
                            page.isEmpty() ? null : Cursors.encode((String) page.getLast())));
                }
            }
            return out;
        }

    }

    /** The value of one entry under its field, or, for one alias of several, under that alias. */
    private static void put(Translated out, Entry e, Object v) {
        if (e.alias() == null) {
            out.put(e.field(), v);
        } else {
            ((Translated.Aliased) out.computeIfAbsent(e.field(), k -> new Translated.Aliased(new HashMap<>()))).values().put(e.alias(), v);
        }
    }

    /**
     * A value as GraphQL takes it: numbers, strings, booleans, lists and maps as they are (maps copied, each value in
     * turn); points as locations; instants as ISO-8601 text; other values as the driver gives them.
     */
    static Object plain(Object v) {
        return switch (v) {
            case null -> null;
            case String text -> text;
            case Point point -> new Location(point.y(), point.x());
            case ZonedDateTime instant -> instant.toInstant().toString();
            case List<?> list -> {
                var copy = new ArrayList<Object>(list.size());
                list.forEach(item -> copy.add(plain(item)));
                yield copy;
            }
            case Map<?, ?> map -> {
                var copy = new HashMap<String, Object>();
                map.forEach((k, item) -> copy.put((String) k, plain(item)));
                yield copy;
            }
            default -> v;
        };
    }
}
