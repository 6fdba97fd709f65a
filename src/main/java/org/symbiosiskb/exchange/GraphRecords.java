package org.symbiosiskb.exchange;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.neo4j.driver.Value;
import org.neo4j.driver.types.Point;
import org.symbiosiskb.graph.Cypher;
import org.symbiosiskb.graph.FlowById;
import org.springframework.stereotype.Component;

/**
 * Reads records back from the graph in the exchange document's canonical form, so that export,
 * the "unchanged" check of an import and the update mutations all compare like with like.
 */
@Component
class GraphRecords {

    private static final String NODE_RELS = """
            RETURN n AS node,
                   [(n)-[r]->(m) WHERE type(r) IN $outTypes | {type: replace(type(r), 'PROPOSED_', ''), id: m.id,
                                                              label: [l IN labels(m) WHERE l <> 'Record'][0]}] AS outs,
                   [(n)<-[r]-(m) WHERE type(r) IN $inTypes | {type: replace(type(r), 'PROPOSED_', ''), id: m.id,
                                                             label: [l IN labels(m) WHERE l <> 'Record'][0]}] AS ins
            """;
    static final String NODES_BY_ID = """
            UNWIND $ids AS id
            MATCH (n:Record {id: id}) WHERE $label IN labels(n) AND n.placeholder IS NULL
            """ + NODE_RELS;
    static final String NODES_OF_PARTNER = """
            MATCH (n:$($label)) WHERE n.id STARTS WITH $prefix AND n.placeholder IS NULL AND n.derived IS NULL
              AND ($since IS NULL OR n.updatedAt > $since)
            WITH n ORDER BY n.id
            """ + NODE_RELS;
    /**
     * A flow whether it counts (SUPPLIES) or waits for the other partner's consent (PROPOSED_SUPPLIES): the record is the
     * same ({@link FlowById}).
     */
    static final String FLOWS_BY_ID = "UNWIND $ids AS id\n" + FlowById.call("id", "id", "f") + """
            RETURN f AS flow, startNode(f).id AS sideStream, endNode(f).id AS consumer
            """;
    static final String FLOWS_OF_PARTNER = """
            MATCH (s:SideStream)-[f:SUPPLIES|PROPOSED_SUPPLIES]->(c:Process) WHERE f.source = $partner
              AND ($since IS NULL OR f.updatedAt > $since)
            RETURN f AS flow, s.id AS sideStream, c.id AS consumer ORDER BY f.id
            """;

    private final Cypher cypher;

    GraphRecords(Cypher cypher) {
        this.cypher = cypher.unguarded(); // the exchange pipeline sees the graph as it is; callers get only what GraphRecords filters
    }

    /** Existing records of one type by key; placeholders are not records yet. */
    Map<String, Map<String, Object>> byKeys(RecordType type, Collection<String> keys) {
        var result = new LinkedHashMap<String, Map<String, Object>>();
        if (keys.isEmpty()) {
            return result;
        }
        if (type.isFlow()) {
            cypher.list(FLOWS_BY_ID, Map.of("ids", List.copyOf(keys)), row -> flow(row))
                    .forEach(f -> result.put((String) f.get("id"), f));
        } else {
            var params = nodeParams(type);
            params.put("ids", List.copyOf(keys));
            cypher.list(NODES_BY_ID, params, row -> node(type, row))
                    .forEach(n -> result.put(keyOf(type, n), n));
        }
        return result;
    }

    static final String TOMBSTONES_OF_PARTNER = """
            MATCH (t:Tombstone) WHERE t.partner = $partner AND t.deletedAt > $since
            RETURN t.key AS key, t.array AS array, t.record AS record, t.visibility AS visibility, coalesce(t.parties, []) AS parties
            ORDER BY t.key
            """;

    /** A deletion (or a narrowing) a harvester has to learn of, with who could see the record. */
    record Tombstone(String key, String array, String record, String visibility, List<String> parties) {
    }

    /** A record as an export sends it, and the partners its links need (they may see it: security.Caller#access). */
    record Exported(Map<String, Object> record, List<String> parties) {
    }

    /** Every record of a partner of one type, in id order; with {@code since}, only those written after it. */
    List<Exported> ofPartner(RecordType type, String partner, java.time.ZonedDateTime since) {
        if (type.isFlow()) {
            var params = new java.util.HashMap<String, Object>();
            params.put("partner", partner);
            params.put("since", since);
            return cypher.list(FLOWS_OF_PARTNER, params, row -> new Exported(flow(row), parties(row.get("flow"))));
        }
        var params = nodeParams(type);
        params.put("prefix", partner + ":");
        params.put("since", since);
        return cypher.list(NODES_OF_PARTNER, params, row -> new Exported(node(type, row), parties(row.get("node"))));
    }

    private static List<String> parties(Value entity) {
        return entity.get("parties").isNull() ? List.of() : entity.get("parties").asList(Value::asString);
    }

    static final String FOOTPRINTS_OF_PARTNER = """
            MATCH (s:SideStream)-[:PUBLISHED]->(fp:Footprint)
            WHERE s.id STARTS WITH $prefix AND ($since IS NULL OR fp.updatedAt > $since)
            RETURN s.id AS sideStream, fp.year AS year, fp.tCO2ePerUnit AS tCO2ePerUnit ORDER BY fp.key
            """;

    /** The partner's published footprints, as the document's {@code footprints} array states them. */
    List<Map<String, Object>> footprints(String partner, java.time.ZonedDateTime since) {
        var params = new java.util.HashMap<String, Object>();
        params.put("prefix", partner + ":");
        params.put("since", since);
        return cypher.list(FOOTPRINTS_OF_PARTNER, params, row -> {
            var footprint = new LinkedHashMap<String, Object>();
            footprint.put("sideStream", row.get("sideStream").asString());
            footprint.put("year", row.get("year").asLong());
            footprint.put("tCO2ePerUnit", row.get("tCO2ePerUnit").asDouble());
            footprint.put("allocation", "MASS");
            return footprint;
        });
    }

    /** Deletion records (as JSON text) of a partner after {@code since}, with the array each belongs to. */
    List<Tombstone> tombstones(String partner, java.time.ZonedDateTime since) {
        return cypher.list(TOMBSTONES_OF_PARTNER, Map.of("partner", partner, "since", since),
                row -> new Tombstone(row.get("key").asString(), row.get("array").asString(), row.get("record").asString(),
                        row.get("visibility").asString(null), row.get("parties").asList(Value::asString)));
    }

    static String keyOf(RecordType type, Map<String, Object> fields) {
        return type.keyOf(fields);
    }

    private static Map<String, Object> nodeParams(RecordType type) {
        var params = new LinkedHashMap<String, Object>();
        params.put("label", type.label());
        params.put("outTypes", type.references().stream().filter(f -> f.ref().outgoing())
                .flatMap(f -> java.util.stream.Stream.of(f.ref().type(), f.ref().proposedType())).toList());
        params.put("inTypes", type.references().stream().filter(f -> !f.ref().outgoing())
                .flatMap(f -> java.util.stream.Stream.of(f.ref().type(), f.ref().proposedType())).toList());
        return params;
    }

    private Map<String, Object> node(RecordType type, org.neo4j.driver.Record row) {
        var node = row.get("node").asNode();
        var fields = new LinkedHashMap<String, Object>();
        for (FieldSpec spec : type.fields()) {
            if (spec.isReference()) {
                var ids = new TreeSet<String>();
                for (Value rel : row.get(spec.ref().outgoing() ? "outs" : "ins").values()) {
                    if (rel.get("type").asString().equals(spec.ref().type()) && rel.get("label").asString("").equals(spec.ref().label())) {
                        ids.add(rel.get("id").asString());
                    }
                }
                if (spec.kind() == FieldKind.REFS) {
                    if (!ids.isEmpty()) {
                        fields.put(spec.name(), List.copyOf(ids));
                    }
                } else if (!ids.isEmpty()) {
                    fields.put(spec.name(), ids.first());
                }
            } else if (spec.kind() == FieldKind.PROVENANCE) {
                if (node.containsKey(Provenance.KIND_PROPERTY)) {
                    var provenance = new LinkedHashMap<String, Object>();
                    provenance.put("kind", node.get(Provenance.KIND_PROPERTY).asString());
                    if (node.containsKey(Provenance.SOURCE_PROPERTY)) {
                        provenance.put("source", node.get(Provenance.SOURCE_PROPERTY).asString());
                    }
                    if (node.containsKey(Provenance.METHOD_PROPERTY)) {
                        provenance.put("method", node.get(Provenance.METHOD_PROPERTY).asString());
                    }
                    fields.put(spec.name(), provenance);
                }
            } else if (node.containsKey(spec.name())) {
                fields.put(spec.name(), canonical(spec, node.get(spec.name())));
            }
        }
        return fields;
    }

    private Map<String, Object> flow(org.neo4j.driver.Record row) {
        var rel = row.get("flow").asRelationship();
        var fields = new LinkedHashMap<String, Object>();
        for (FieldSpec spec : RecordTypes.FLOWS.fields()) {
            switch (spec.name()) {
                case "sideStream" -> fields.put("sideStream", row.get("sideStream").asString());
                case "consumer" -> fields.put("consumer", row.get("consumer").asString());
                default -> {
                    if (rel.containsKey(spec.name())) {
                        fields.put(spec.name(), canonical(spec, rel.get(spec.name())));
                    }
                }
            }
        }
        return fields;
    }

    private static Object canonical(FieldSpec spec, Value value) {
        return switch (spec.kind()) {
            case NUMBER -> value.asDouble();
            case INTEGER, YEAR -> value.asLong();
            case BOOLEAN -> value.asBoolean();
            case POINT -> {
                Point p = value.asPoint();
                yield new GeoPoint(p.y(), p.x());
            }
            case REFS -> new ArrayList<>(value.asList(Value::asString));
            default -> value.asString();
        };
    }
}
