package org.symbiosiskb.graph;

import java.lang.reflect.Array;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAmount;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.neo4j.driver.Values;
import org.neo4j.driver.internal.InternalNode;
import org.neo4j.driver.internal.InternalPath;
import org.neo4j.driver.internal.InternalRecord;
import org.neo4j.driver.internal.InternalRelationship;
import org.neo4j.driver.internal.util.QueryKeys;
import org.neo4j.graphdb.Entity;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Path;
import org.neo4j.graphdb.Relationship;
import org.neo4j.graphdb.Result;
import org.neo4j.graphdb.spatial.Point;

/**
 * Rows of an in-process statement as the driver's records, so that every mapper, the {@link RowGuard} and the
 * translated reads take them exactly as they take rows that came over Bolt: the same value types, nodes and
 * relationships with their element ids. (A map's keys come in the embedded API's order, which may differ from
 * Bolt's; a Cypher map has no order, and the service reads maps by key.)
 */
final class InProcessRows {

    private InProcessRows() {
    }

    /** Whether the embedded API takes these parameters as they are (else the statement goes over Bolt, whose client converts them). */
    static boolean takes(Map<String, Object> parameters) {
        for (Object v : parameters.values()) {
            if (!plain(v)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The parameters as the embedded API takes them: as they are when {@link #takes} them, else with the driver's values
     * (a location's point) turned into the embedded API's. A write transaction runs in-process whatever its parameters.
     */
    static Map<String, Object> parameters(Map<String, Object> parameters) {
        if (takes(parameters)) {
            return parameters;
        }
        var converted = new LinkedHashMap<String, Object>(Math.max(4, parameters.size() * 2));
        parameters.forEach((k, v) -> converted.put(k, embedded(v)));
        return converted;
    }

    private static Object embedded(Object v) {
        if (v instanceof Value value) {
            return embedded(value.asObject());
        }
        if (v instanceof org.neo4j.driver.types.Point p) {
            var crs = org.neo4j.values.storable.CoordinateReferenceSystem.get(p.srid());
            return Double.isNaN(p.z()) ? org.neo4j.values.storable.Values.pointValue(crs, p.x(), p.y())
                    : org.neo4j.values.storable.Values.pointValue(crs, p.x(), p.y(), p.z());
        }
        if (v instanceof Map<?, ?> map) {
            var converted = new LinkedHashMap<Object, Object>(Math.max(4, map.size() * 2));
            map.forEach((k, item) -> converted.put(k, embedded(item)));
            return converted;
        }
        if (v instanceof Collection<?> items) {
            var converted = new ArrayList<Object>(items.size());
            items.forEach(item -> converted.add(embedded(item)));
            return converted;
        }
        return v;
    }

    private static boolean plain(Object v) {
        if (v == null || v instanceof String || v instanceof Long || v instanceof Integer || v instanceof Double
                || v instanceof Boolean || v instanceof ZonedDateTime || v instanceof LocalDate || v instanceof LocalDateTime
                || v instanceof LocalTime || v instanceof OffsetTime) {
            return true;
        }
        if (v instanceof Collection<?> items) {
            for (Object item : items) {
                if (!plain(item)) {
                    return false;
                }
            }
            return true;
        }
        if (v instanceof Map<?, ?> map) {
            for (var e : map.entrySet()) {
                if (!(e.getKey() instanceof String) || !plain(e.getValue())) {
                    return false;
                }
            }
            return true;
        }
        return v instanceof String[] || v instanceof long[] || v instanceof double[] || v instanceof boolean[];
    }

    /** Every row of the result, read inside its transaction (nodes and relationships are read while it is open). */
    static List<Record> read(Result result) {
        var keys = new QueryKeys(result.columns());
        int width = keys.keys().size();
        var rows = new ArrayList<Record>();
        while (result.hasNext()) {
            Map<String, Object> row = result.next();
            var values = new ArrayList<Value>(width);
            for (String key : keys.keys()) {
                values.add(value(row.get(key)));
            }
            rows.add(new InternalRecord(keys, values));
        }
        return rows;
    }

    /**
     * Every row of the result as Java values the way the driver's {@code Record.asMap()} gives them, without copying
     * what is that already: the embedded API's maps, lists, strings and numbers as they are; nodes, relationships,
     * paths, points, arrays and durations as the driver's. For large answers (the GraphQL translation's):
     * copying every map and number into driver values took a twentieth of the 100-park page.
     */
    static List<Map<String, Object>> readPlain(Result result) {
        var rows = new ArrayList<Map<String, Object>>();
        while (result.hasNext()) {
            Map<String, Object> row = result.next();
            @SuppressWarnings("unchecked") // asDriverObject keeps a map's keys; the embedded API's rows have String keys
            Map<String, Object> plain = (Map<String, Object>) asDriverObject(row);
            rows.add(plain);
        }
        return rows;
    }

    /** A value as {@link Value#asObject()} of {@link #value} gives it; the same object when it already is. */
    static Object asDriverObject(Object v) {
        if (v == null || v instanceof String || v instanceof Long || v instanceof Double || v instanceof Boolean
                || v instanceof ZonedDateTime || v instanceof LocalDate || v instanceof LocalDateTime || v instanceof LocalTime
                || v instanceof OffsetTime) {
            return v;
        }
        if (v instanceof Map<?, ?> map) {
            LinkedHashMap<Object, Object> copy = null; // made at the first entry that changes
            for (var e : map.entrySet()) {
                Object item = asDriverObject(e.getValue());
                if (copy == null && item != e.getValue()) {
                    copy = new LinkedHashMap<>(Math.max(4, map.size() * 2));
                    for (var before : map.entrySet()) {
                        if (before.getKey().equals(e.getKey())) {
                            break;
                        }
                        copy.put(before.getKey(), before.getValue());
                    }
                }
                if (copy != null) {
                    copy.put(e.getKey(), item);
                }
            }
            return copy == null ? map : copy;
        }
        if (v instanceof List<?> list) {
            ArrayList<Object> copy = null;
            int i = 0;
            for (Object item : list) {
                Object p = asDriverObject(item);
                if (copy == null && p != item) {
                    copy = new ArrayList<>(list.subList(0, i));
                }
                if (copy != null) {
                    copy.add(p);
                }
                i++;
            }
            return copy == null ? list : copy;
        }
        return value(v).asObject(); // nodes, relationships, paths, points, arrays, durations, other numbers: the driver's
    }

    /** A record of rows read by {@link #readPlain} (or the driver's {@code asMap()}), for the {@link RowGuard}. */
    static Record record(Map<String, Object> row) {
        var keys = new ArrayList<String>(row.size());
        var values = new ArrayList<Value>(row.size());
        row.forEach((k, v) -> {
            keys.add(k);
            values.add(Values.value(v));
        });
        return new InternalRecord(keys, values);
    }

    static Value value(Object v) {
        if (v == null) {
            return Values.NULL;
        }
        if (v instanceof String || v instanceof Long || v instanceof Double || v instanceof Boolean) {
            return Values.value(v);
        }
        if (v instanceof Map<?, ?> map) {
            var entries = new LinkedHashMap<String, Value>(Math.max(4, map.size() * 2));
            map.forEach((k, item) -> entries.put((String) k, value(item)));
            return Values.value(entries);
        }
        if (v instanceof List<?> list) {
            var items = new Value[list.size()];
            int i = 0;
            for (Object item : list) {
                items[i++] = value(item);
            }
            return Values.value(items);
        }
        if (v instanceof Node node) {
            return node(node).asValue();
        }
        if (v instanceof Relationship r) {
            return relationship(r).asValue();
        }
        if (v instanceof Path path) {
            var entities = new ArrayList<org.neo4j.driver.types.Entity>();
            for (Entity e : path) {
                entities.add(e instanceof Node n ? node(n) : relationship((Relationship) e));
            }
            return new InternalPath(entities).asValue();
        }
        if (v instanceof Point point) {
            var c = point.getCoordinate().getCoordinate();
            int srid = point.getCRS().getCode();
            return c.length == 2 ? Values.point(srid, c[0], c[1]) : Values.point(srid, c[0], c[1], c[2]);
        }
        if (v instanceof byte[] bytes) {
            return Values.value(bytes);
        }
        if (v.getClass().isArray()) {
            var items = new Value[Array.getLength(v)];
            for (int i = 0; i < items.length; i++) {
                items[i] = value(Array.get(v, i));
            }
            return Values.value(items);
        }
        if (v instanceof TemporalAmount d && !(v instanceof java.time.Period) && !(v instanceof java.time.Duration)) {
            return Values.isoDuration(d.get(ChronoUnit.MONTHS), d.get(ChronoUnit.DAYS), d.get(ChronoUnit.SECONDS),
                    (int) d.get(ChronoUnit.NANOS));
        }
        return Values.value(v); // other numbers, characters and java.time values convert as the driver converts them
    }

    // the numeric ids are deprecated on both sides; Bolt still sends them, so a record read in-process carries them too
    @SuppressWarnings("removal")
    private static InternalNode node(Node node) {
        return new InternalNode(node.getId(), node.getElementId(), labels(node), properties(node));
    }

    @SuppressWarnings("removal")
    private static InternalRelationship relationship(Relationship r) {
        return new InternalRelationship(r.getId(), r.getElementId(), r.getStartNodeId(), r.getStartNode().getElementId(),
                r.getEndNodeId(), r.getEndNode().getElementId(), r.getType().name(), properties(r));
    }

    private static List<String> labels(Node node) {
        var labels = new ArrayList<String>();
        for (Label label : node.getLabels()) {
            labels.add(label.name());
        }
        return labels;
    }

    private static Map<String, Value> properties(Entity entity) {
        var properties = new LinkedHashMap<String, Value>();
        entity.getAllProperties().forEach((k, item) -> properties.put(k, value(item)));
        return properties;
    }
}
