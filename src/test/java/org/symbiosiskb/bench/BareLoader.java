package org.symbiosiskb.bench;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Values;

/**
 * The import's baseline (issue 15, item 5): the same records written with nothing but
 * {@code UNWIND … CREATE} statements, one transaction per document, into a store with the
 * service's constraints and indexes: the nodes with the properties the import gives them (id,
 * owner, fields, provenance flattened, locations as points, updatedAt), the relationships of their
 * references, the waste-code classification, the flows with their properties. No validation, no
 * change detection, no consent: Neo4j's own write speed for this graph.
 */
final class BareLoader {

    static final int BATCH = 10_000;

    /** A record type as the import writes it: the node label and, per reference field, the relationship and its direction. */
    private record Type(String array, String label, List<Ref> refs) {
    }

    /** {@code outgoing}: from the record to the one it names. */
    private record Ref(String field, String type, boolean outgoing, boolean many) {
    }

    private static final List<Type> TYPES = List.of(
            new Type("networks", "Network", List.of()),
            new Type("parks", "Park", List.of(new Ref("networks", "MEMBER_OF", true, true))),
            new Type("organizations", "Organization", List.of(new Ref("park", "LOCATED_IN", true, false))),
            new Type("processes", "Process", List.of(new Ref("operator", "OPERATES", false, false))),
            new Type("emissions", "Emission", List.of(new Ref("process", "REPORTED", false, false))),
            new Type("sideStreams", "SideStream", List.of(new Ref("producer", "PRODUCES", false, false))),
            new Type("carbonSinks", "CarbonSink", List.of(new Ref("owner", "OWNS", false, false), new Ref("park", "IN_PARK", true, false))),
            new Type("offsetAgreements", "OffsetAgreement", List.of(new Ref("buyer", "BUYER", true, false), new Ref("sink", "FROM_SINK", true, false))));

    static final String CREATE_NODES = "UNWIND $rows AS row CREATE (n:Record:$($label)) SET n = row";
    static final String CREATE_RELATIONSHIPS = """
            UNWIND $pairs AS pair
            MATCH (a:Record {id: pair.from}) MATCH (b:Record {id: pair.to})
            CREATE (a)-[:$($type)]->(b)""";
    static final String WASTE_CODES = """
            UNWIND $codes AS c
            MERGE (w:WasteCode {code: c.code})
            WITH w, c WHERE c.parent IS NOT NULL
            MERGE (p:WasteCode {code: c.parent})
            MERGE (w)-[:IN]->(p)""";
    static final String CLASSIFY = """
            UNWIND $rows AS row
            MATCH (n:Record {id: row.id}) MATCH (w:WasteCode {code: row.code})
            CREATE (n)-[:CLASSIFIED_AS]->(w)""";
    static final String CREATE_FLOWS = """
            UNWIND $rows AS row
            MATCH (s:Record {id: row.sideStream}) MATCH (c:Record {id: row.consumer})
            CREATE (s)-[f:SUPPLIES]->(c) SET f = row.props""";

    private final Driver driver;

    BareLoader(Driver driver) {
        this.driver = driver;
    }

    /** Writes one document in one transaction; returns the records written. */
    @SuppressWarnings("unchecked")
    long load(Map<String, Object> document) {
        String partner = (String) document.get("partner");
        var now = ZonedDateTime.now(ZoneOffset.UTC);
        long[] records = {0};
        try (var session = driver.session()) {
            session.executeWriteWithoutResult(tx -> {
                for (Type type : TYPES) {
                    var list = (List<Map<String, Object>>) document.getOrDefault(type.array(), List.of());
                    if (list.isEmpty()) {
                        continue;
                    }
                    var rows = new ArrayList<Map<String, Object>>(list.size());
                    var pairs = new HashMap<String, List<Map<String, Object>>>();
                    var classified = new ArrayList<Map<String, Object>>();
                    for (var r : list) {
                        var props = properties(type, r, partner, now);
                        rows.add(props);
                        String id = (String) props.get("id");
                        for (Ref ref : type.refs()) {
                            Object value = r.get(ref.field());
                            for (Object target : value instanceof List<?> many ? many : value == null ? List.of() : List.of(value)) {
                                pairs.computeIfAbsent(ref.type(), k -> new ArrayList<>()).add(ref.outgoing()
                                        ? Map.of("from", id, "to", target) : Map.of("from", target, "to", id));
                            }
                        }
                        if (r.get("ewc") != null) {
                            classified.add(Map.of("id", id, "code", r.get("ewc")));
                        }
                    }
                    for (int i = 0; i < rows.size(); i += BATCH) {
                        tx.run(CREATE_NODES, Map.of("label", type.label(), "rows", rows.subList(i, Math.min(rows.size(), i + BATCH))));
                    }
                    pairs.forEach((relType, all) -> {
                        for (int i = 0; i < all.size(); i += BATCH) {
                            tx.run(CREATE_RELATIONSHIPS, Map.of("type", relType, "pairs", all.subList(i, Math.min(all.size(), i + BATCH))));
                        }
                    });
                    if (!classified.isEmpty()) {
                        var codes = new LinkedHashMap<String, Map<String, Object>>();
                        classified.forEach(c -> wasteCodes((String) c.get("code"), codes));
                        tx.run(WASTE_CODES, Map.of("codes", List.copyOf(codes.values())));
                        for (int i = 0; i < classified.size(); i += BATCH) {
                            tx.run(CLASSIFY, Map.of("rows", classified.subList(i, Math.min(classified.size(), i + BATCH))));
                        }
                    }
                    records[0] += rows.size();
                }
                var flows = (List<Map<String, Object>>) document.getOrDefault("flows", List.of());
                var rows = new ArrayList<Map<String, Object>>(flows.size());
                for (var f : flows) {
                    var props = new LinkedHashMap<String, Object>(f);
                    props.remove("sideStream");
                    props.remove("consumer");
                    props.put("source", partner);
                    props.put("updatedAt", now);
                    rows.add(Map.of("sideStream", f.get("sideStream"), "consumer", f.get("consumer"), "props", props));
                }
                for (int i = 0; i < rows.size(); i += BATCH) {
                    tx.run(CREATE_FLOWS, Map.of("rows", rows.subList(i, Math.min(rows.size(), i + BATCH))));
                }
                records[0] += rows.size();
            });
        }
        return records[0];
    }

    /** The node's properties as the import stores them. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> properties(Type type, Map<String, Object> record, String partner, ZonedDateTime now) {
        var props = new LinkedHashMap<String, Object>();
        boolean emission = type.label().equals("Emission");
        if (emission) {
            var provenance = (Map<String, Object>) record.get("provenance");
            String kind = provenance == null ? null : (String) provenance.get("kind");
            props.put("id", record.get("process") + "@" + record.get("year") + "/" + record.get("scope") + "/"
                    + (record.get("category") == null ? "-" : record.get("category")) + "/"
                    + (record.get("source") == null ? "-" : record.get("source"))
                    + ("REPORTED".equals(kind) || "CALCULATED".equals(kind) ? "/" + kind : ""));
        } else {
            props.put("id", record.get("id"));
            props.put("source", partner);
        }
        record.forEach((field, value) -> {
            if (type.refs().stream().anyMatch(r -> r.field().equals(field)) || field.equals("id")) {
                return;
            }
            if (field.equals("provenance")) {
                var provenance = (Map<String, Object>) value;
                props.put("provenance", provenance.get("kind"));
                if (provenance.get("source") != null) {
                    props.put("provenanceSource", provenance.get("source"));
                }
                if (provenance.get("method") != null) {
                    props.put("provenanceMethod", provenance.get("method"));
                }
            } else if (value instanceof Map<?, ?> point && point.containsKey("lat")) {
                props.put(field, Values.point(4326, ((Number) point.get("lon")).doubleValue(), ((Number) point.get("lat")).doubleValue()));
            } else {
                props.put(field, value);
            }
        });
        props.put("updatedAt", now);
        if (type.label().equals("OffsetAgreement")) {
            props.put("effectiveStatus", record.get("status"));
            props.put("awaiting", List.of());
        }
        return props;
    }

    /** The code and its chapter and sub-chapter, as the import classifies (exchange.WasteCodes): "10 01 01" in "10 01" in "10". */
    private static void wasteCodes(String code, Map<String, Map<String, Object>> codes) {
        for (String c = code; c != null; ) {
            String parent = c.length() > 2 ? c.substring(0, c.lastIndexOf(' ')) : null;
            var entry = new HashMap<String, Object>();
            entry.put("code", c);
            entry.put("parent", parent);
            codes.putIfAbsent(c, entry);
            c = parent;
        }
    }
}
