package org.symbiosiskb.api.translation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.function.Function;

import org.neo4j.driver.Value;
import org.neo4j.driver.internal.InternalRecord;
import org.neo4j.driver.types.TypeSystem;
import org.symbiosiskb.api.Cursors;
import org.symbiosiskb.api.Location;
import org.symbiosiskb.api.PageInfo;

/**
 * How the {@code value} of a translated statement becomes GraphQL values: the same tree as the selection that
 * made the statement, so each map of the answer is read once, by the keys the statement gave it.
 */
final class Shape {

    private static final TypeSystem TYPES = TypeSystem.getDefault();

    private Shape() {
    }

    sealed interface Slot {
        Object convert(Value value);
    }

    /** A scalar, a list of scalars or a small value object (a location, a provenance), with an optional last step in Java. */
    record Scalar(Function<Object, Object> java) implements Slot {
        @Override
        public Object convert(Value value) {
            Object plain = plain(value);
            return java == null ? plain : java.apply(plain);
        }
    }

    /** One field of a level: read from {@code cypherKey}, put under {@code field} (for one alias of several: under {@code alias}). */
    record Entry(String cypherKey, String field, String alias, Slot slot) {
    }

    /**
     * The fields of one record.
     *
     * @param record the feature's record is made too (columns under {@code __record})
     */
    record Level(NodeType type, List<Entry> entries, boolean record) implements Slot {
        @Override
        public Object convert(Value value) {
            if (value.isNull()) {
                return null;
            }
            var out = new Translated(entries.size());
            for (Entry e : entries) {
                put(out, e, e.slot().convert(value.get(e.cypherKey())));
            }
            if (record) {
                Value columns = value.get("__record");
                var keys = new ArrayList<String>();
                columns.keys().forEach(keys::add);
                out.record = type.recordMapper.apply(new InternalRecord(keys, columnValues(columns)));
            }
            return out;
        }

        private static List<Value> columnValues(Value columns) {
            var values = new ArrayList<Value>();
            for (String k : columns.keys()) {
                values.add(columns.get(k));
            }
            return values;
        }
    }

    /** A list of records. */
    record Many(Level level) implements Slot {
        @Override
        public Object convert(Value value) {
            if (value.isNull()) {
                return List.of();
            }
            var out = new ArrayList<Object>(value.size());
            for (Value item : value.values()) {
                out.add(level.convert(item));
            }
            return out;
        }
    }

    /** The first record of a list, or null. */
    record One(Level level) implements Slot {
        @Override
        public Object convert(Value value) {
            return value.isNull() || value.size() == 0 ? null : level.convert(value.get(0));
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
        public Object convert(Value value) {
            var out = new Translated.PageConnection(lists.size() + fields.size());
            List<?> ids = null;
            boolean hasNext = false;
            for (Entry e : lists) {
                var rows = (List<?>) e.slot().convert(value.get(e.cypherKey()));
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
                    put(out, e, value.get(e.cypherKey()).asLong());
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

    /** A value as Java: numbers, strings, booleans, lists and maps as they are; points as locations; instants as ISO-8601 text. */
    static Object plain(Value v) {
        if (v.isNull()) {
            return null;
        }
        if (v.hasType(TYPES.STRING())) {
            return v.asString();
        }
        if (v.hasType(TYPES.INTEGER())) {
            return v.asLong();
        }
        if (v.hasType(TYPES.FLOAT())) {
            return v.asDouble();
        }
        if (v.hasType(TYPES.BOOLEAN())) {
            return v.asBoolean();
        }
        if (v.hasType(TYPES.POINT())) {
            var point = v.asPoint();
            return new Location(point.y(), point.x());
        }
        if (v.hasType(TYPES.DATE_TIME())) {
            return v.asZonedDateTime().toInstant().toString();
        }
        if (v.hasType(TYPES.LIST())) {
            var list = new ArrayList<Object>(v.size());
            v.values().forEach(item -> list.add(plain(item)));
            return list;
        }
        if (v.hasType(TYPES.MAP())) {
            var map = new HashMap<String, Object>();
            v.keys().forEach(k -> map.put(k, plain(v.get(k))));
            return map;
        }
        return v.asObject();
    }
}
