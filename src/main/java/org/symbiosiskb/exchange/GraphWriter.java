package org.symbiosiskb.exchange;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Values;
import org.symbiosiskb.graph.Cypher;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Step 4 of an import: writes a validated plan with a handful of UNWIND statements per record
 * type, in batches, inside the caller's transaction. Labels and relationship types are
 * parameters too ({@code $(..)}), never concatenated.
 */
@Component
class GraphWriter {

    static final String DELETE_NODES = """
            UNWIND $ids AS id
            MATCH (n:Record {id: id})
            CALL (n) { MATCH (n)-[:REPORTED]->(e:Emission) DETACH DELETE e }
            CALL (n) { MATCH (n)-[:RELEASED]->(r:Release) DETACH DELETE r }
            CALL (n) { MATCH (n)-[:HAS_TARGET]->(t:Target) DETACH DELETE t }
            DETACH DELETE n
            """;
    static final String DELETE_FLOWS = """
            UNWIND $ids AS id
            MATCH ()-[f:SUPPLIES {id: id}]->()
            DELETE f
            """;
    /** A deleted record that other partners still refer to: back to a placeholder, its own relationships gone. */
    static final String DEMOTE_NODES = """
            UNWIND $ids AS id
            MATCH (n:Record {id: id})
            CALL (n) { MATCH (n)-[:REPORTED]->(e:Emission) DETACH DELETE e }
            CALL (n) { MATCH (n)-[:RELEASED]->(r:Release) DETACH DELETE r }
            CALL (n) { MATCH (n)-[c:CLASSIFIED_AS]->() DELETE c }
            SET n = {id: n.id, source: n.source, placeholder: true}
            """;
    /**
     * What a harvester needs to learn of a deletion (federation-security.md): the deletion record as
     * the document states it, kept until the record is created again.
     */
    static final String TOMBSTONES = """
            UNWIND $rows AS row
            MERGE (t:Tombstone {key: row.key})
            SET t.partner = row.partner, t.array = row.array, t.record = row.record, t.deletedAt = $now
            """;
    static final String CLEAR_TOMBSTONES = """
            UNWIND $ids AS id
            MATCH (t:Tombstone {key: id})
            DELETE t
            """;
    /** Published footprints: written only when their figure changes, so that an unchanged one is not sent to harvesters again. */
    static final String FOOTPRINTS = """
            UNWIND $rows AS row
            MATCH (s:SideStream {id: row.sideStream})
            MERGE (s)-[:PUBLISHED]->(fp:Footprint {key: row.key})
            WITH fp, row WHERE fp.tCO2ePerUnit IS NULL OR fp.tCO2ePerUnit <> row.tCO2ePerUnit
            SET fp.year = row.year, fp.tCO2ePerUnit = row.tCO2ePerUnit, fp.allocation = 'MASS', fp.partner = $partner, fp.updatedAt = $now
            """;
    static final String DELETE_FOOTPRINTS = """
            UNWIND $ids AS key
            MATCH (fp:Footprint {key: key})
            DETACH DELETE fp
            """;
    /** A reference to another partner's record that is not here yet: a node carrying only its id. */
    static final String CREATE_PLACEHOLDERS = """
            UNWIND $ids AS id
            MERGE (n:Record {id: id})
            ON CREATE SET n.placeholder = true, n.source = split(id, ':')[0], n:$($label)
            """;
    /** Records new to the graph: CREATE, cheaper than MERGE; the uniqueness constraint still guards the id. */
    static final String CREATE_NODES = """
            UNWIND $rows AS row
            CREATE (n:Record:$($label))
            SET n = row.props
            """;
    static final String UPSERT_NODES = """
            UNWIND $rows AS row
            MERGE (n:Record {id: row.id})
            SET n = row.props
            SET n:$($label)
            """;
    static final String DELETE_OUTGOING = """
            UNWIND $ids AS id
            MATCH (n:Record {id: id})-[r:$($type)]->(m:$($label))
            DELETE r
            """;
    static final String DELETE_INCOMING = """
            UNWIND $ids AS id
            MATCH (n:Record {id: id})<-[r:$($type)]-(m:$($label))
            DELETE r
            """;
    static final String CREATE_RELATIONSHIPS = """
            UNWIND $pairs AS pair
            MATCH (a:Record {id: pair.from})
            MATCH (b:Record {id: pair.to})
            CREATE (a)-[:$($type)]->(b)
            """;
    static final String ENSURE_WASTE_CODES = """
            UNWIND $codes AS c
            MERGE (w:WasteCode {code: c.code})
            WITH w, c WHERE c.parent IS NOT NULL
            MERGE (p:WasteCode {code: c.parent})
            MERGE (w)-[:IN]->(p)
            """;
    static final String CLASSIFY = """
            UNWIND $rows AS row
            MATCH (n:Record {id: row.id})
            CALL (n) { MATCH (n)-[old:CLASSIFIED_AS]->() DELETE old }
            WITH n, row WHERE row.code IS NOT NULL
            MATCH (w:WasteCode {code: row.code})
            MERGE (n)-[:CLASSIFIED_AS]->(w)
            """;
    static final String CREATE_FLOWS = """
            UNWIND $rows AS row
            MATCH (s:Record {id: row.sideStream})
            MATCH (c:Record {id: row.consumer})
            CREATE (s)-[f:SUPPLIES]->(c)
            SET f = row.props
            """;
    static final String UPSERT_FLOWS = """
            UNWIND $rows AS row
            CALL (row) { MATCH ()-[old:SUPPLIES {id: row.id}]->() DELETE old }
            MATCH (s:Record {id: row.sideStream})
            MATCH (c:Record {id: row.consumer})
            CREATE (s)-[f:SUPPLIES]->(c)
            SET f = row.props
            """;

    /** The SRID of WGS-84 longitude/latitude points. */
    static final int WGS84 = 4326;

    private final Cypher cypher;
    private final int batchSize;

    private final JsonMapper json;

    GraphWriter(Cypher cypher, JsonMapper json, @Value("${kb.exchange.batch-size:5000}") int batchSize) {
        this.json = json;
        this.cypher = cypher.unguarded(); // the exchange pipeline sees the graph as it is; callers get only what GraphRecords filters
        this.batchSize = batchSize;
    }

    /** Writes the plan; must run inside a write transaction. Every record written gets the same updatedAt. */
    void write(ImportPlan plan) {
        write(plan, ImportProgress.NONE);
    }

    /** As {@link #write(ImportPlan)}, telling {@code progress} after each batch of records. */
    void write(ImportPlan plan, ImportProgress progress) {
        var written = new Written(progress, plan.created().size() + plan.updated().size());
        var now = ZonedDateTime.now(ZoneOffset.UTC);
        var deletedFlows = plan.deleted().stream().filter(r -> r.type().isFlow()).map(ExchangeRecord::key).toList();
        var deletedNodes = plan.deleted().stream().filter(r -> !r.type().isFlow()).map(ExchangeRecord::key).toList();
        batched(DELETE_FLOWS, deletedFlows, Map.of());
        batched(DELETE_NODES, deletedNodes.stream().filter(id -> !plan.demoted().contains(id)).toList(), Map.of());
        demote(plan);
        tombstones(plan, now);

        plan.placeholders().forEach((label, ids) -> batched(CREATE_PLACEHOLDERS, List.copyOf(ids), Map.of("label", label)));

        var fresh = plan.fresh();
        var existing = plan.existing();
        for (RecordType type : RecordTypes.ALL) {
            if (type.isFlow()) {
                continue;
            }
            var label = Map.<String, Object>of("label", type.label());
            batchedRows(CREATE_NODES, rows(fresh, type, plan.partner(), now), label, written);
            batchedRows(UPSERT_NODES, rows(existing, type, plan.partner(), now), label, written);
        }
        for (RecordType type : RecordTypes.ALL) {
            if (type.isFlow()) {
                continue;
            }
            var before = existing.stream().filter(r -> r.type() == type).map(ExchangeRecord::key).toList();
            var records = new ArrayList<>(fresh.stream().filter(r -> r.type() == type).toList());
            records.addAll(existing.stream().filter(r -> r.type() == type).toList());
            if (!records.isEmpty()) {
                writeReferences(type, before, records);
                if (type.field("ewc").isPresent()) {
                    classify(records);
                }
            }
        }
        batchedRows(CREATE_FLOWS, fresh.stream().filter(r -> r.type().isFlow()).map(r -> flowRow(r, plan.partner(), now)).toList(), Map.of(), written);
        batchedRows(UPSERT_FLOWS, existing.stream().filter(r -> r.type().isFlow()).map(r -> flowRow(r, plan.partner(), now)).toList(), Map.of(), written);
        footprints(plan, now);
    }

    private void footprints(ImportPlan plan, ZonedDateTime now) {
        var published = plan.footprints().stream().filter(f -> !f.deleted()).map(f -> Map.<String, Object>of("key", f.key(),
                "sideStream", f.sideStream(), "year", f.year(), "tCO2ePerUnit", f.tCO2ePerUnit())).toList();
        batchedRows(FOOTPRINTS, published, Map.of("partner", plan.partner(), "now", now));
        var withdrawn = plan.footprints().stream().filter(PublishedFootprint::deleted).toList();
        batched(DELETE_FOOTPRINTS, withdrawn.stream().map(PublishedFootprint::key).toList(), Map.of());
        batchedRows(TOMBSTONES, withdrawn.stream().map(f -> Map.<String, Object>of("key", "footprint:" + f.key(), "partner", plan.partner(),
                "array", "footprints", "record", json.writeValueAsString(Map.of("sideStream", f.sideStream(), "year", f.year(), "deleted", true))))
                .toList(), Map.of("now", now));
        batched(CLEAR_TOMBSTONES, published.stream().map(f -> "footprint:" + f.get("key")).toList(), Map.of());
    }

    private void demote(ImportPlan plan) {
        var demoted = plan.deleted().stream().filter(r -> plan.demoted().contains(r.key())).toList();
        for (RecordType type : RecordTypes.ALL) {
            var ids = demoted.stream().filter(r -> r.type() == type).map(ExchangeRecord::key).toList();
            if (ids.isEmpty()) {
                continue;
            }
            for (FieldSpec spec : type.references()) {
                var labelled = Map.<String, Object>of("type", spec.ref().type(), "label", spec.ref().label());
                batched(spec.ref().outgoing() ? DELETE_OUTGOING : DELETE_INCOMING, ids, labelled);
            }
            batched(DEMOTE_NODES, ids, Map.of());
        }
    }

    private void tombstones(ImportPlan plan, ZonedDateTime now) {
        var rows = plan.deleted().stream().map(r -> {
            var record = new LinkedHashMap<String, Object>(r.fields());
            record.put("deleted", true);
            return Map.<String, Object>of("key", r.key(), "partner", plan.partner(), "array", r.type().array(),
                    "record", json.writeValueAsString(record));
        }).toList();
        batchedRows(TOMBSTONES, rows, Map.of("now", now));
        batched(CLEAR_TOMBSTONES, plan.created().stream().map(ExchangeRecord::key).toList(), Map.of());
    }

    private static List<Map<String, Object>> rows(List<ExchangeRecord> records, RecordType type, String partner, ZonedDateTime now) {
        return records.stream().filter(r -> r.type() == type).map(r -> nodeRow(r, partner, now)).toList();
    }

    /** Replaces the relationships the records' reference fields own: detach those of existing nodes, then create all. */
    private void writeReferences(RecordType type, List<String> existingIds, List<ExchangeRecord> records) {
        for (FieldSpec spec : type.references()) {
            Ref ref = spec.ref();
            var labelled = Map.<String, Object>of("type", ref.type(), "label", ref.label());
            batched(ref.outgoing() ? DELETE_OUTGOING : DELETE_INCOMING, existingIds, labelled);
            var pairs = new ArrayList<Map<String, Object>>();
            for (ExchangeRecord r : records) {
                var targets = spec.kind() == FieldKind.REFS ? r.ids(spec.name())
                        : r.string(spec.name()) == null ? List.<String>of() : List.of(r.string(spec.name()));
                for (String target : targets) {
                    pairs.add(ref.outgoing() ? Map.of("from", r.key(), "to", target) : Map.of("from", target, "to", r.key()));
                }
            }
            for (int i = 0; i < pairs.size(); i += batchSize) {
                cypher.run(CREATE_RELATIONSHIPS, Map.of("pairs", pairs.subList(i, Math.min(pairs.size(), i + batchSize)), "type", ref.type()));
            }
        }
    }

    private void classify(List<ExchangeRecord> records) {
        var codes = new LinkedHashMap<String, Map<String, Object>>();
        for (ExchangeRecord r : records) {
            for (String code = r.string("ewc"); code != null; code = WasteCodes.parent(code)) {
                var entry = new HashMap<String, Object>();
                entry.put("code", code);
                entry.put("parent", WasteCodes.parent(code));
                codes.putIfAbsent(code, entry);
            }
        }
        batchedRows(ENSURE_WASTE_CODES, List.copyOf(codes.values()), Map.of(), "codes");
        var rows = records.stream().map(r -> {
            var row = new HashMap<String, Object>();
            row.put("id", r.key());
            row.put("code", r.string("ewc"));
            return (Map<String, Object>) row;
        }).toList();
        batchedRows(CLASSIFY, rows, Map.of());
    }

    /** Properties as the node gets them; locations as driver points, so Cypher need not build them row by row. */
    private static Map<String, Object> nodeRow(ExchangeRecord r, String partner, ZonedDateTime now) {
        var props = new LinkedHashMap<String, Object>();
        props.put("id", r.key());
        // Every node carries its owner in `source`, except emissions: model.md gives Emission a
        // `source` of its own (ENERGY, PROCESS, ...); an emission's owner is its process's.
        if (r.type() != RecordTypes.EMISSIONS) {
            props.put("source", partner);
        }
        for (var e : r.fields().entrySet()) {
            var spec = r.type().field(e.getKey()).orElseThrow();
            if (spec.isReference()) {
                continue;
            }
            if (spec.kind() == FieldKind.PROVENANCE) {
                flattenProvenance((Map<?, ?>) e.getValue(), props);
                continue;
            }
            props.put(e.getKey(), e.getValue() instanceof GeoPoint p ? Values.point(WGS84, p.lon(), p.lat()) : e.getValue());
        }
        props.put("updatedAt", now);
        return Map.of("id", r.key(), "props", props);
    }

    /** Neo4j properties cannot hold maps: provenance, provenanceSource, provenanceMethod (GraphRecords reads them back). */
    private static void flattenProvenance(Map<?, ?> provenance, Map<String, Object> props) {
        props.put(Provenance.KIND_PROPERTY, provenance.get("kind"));
        if (provenance.get("source") != null) {
            props.put(Provenance.SOURCE_PROPERTY, provenance.get("source"));
        }
        if (provenance.get("method") != null) {
            props.put(Provenance.METHOD_PROPERTY, provenance.get("method"));
        }
    }

    private static Map<String, Object> flowRow(ExchangeRecord r, String partner, ZonedDateTime now) {
        var props = new LinkedHashMap<String, Object>(r.fields());
        props.remove("sideStream");
        props.remove("consumer");
        props.put("source", partner);
        props.put("updatedAt", now);
        return Map.of("id", r.key(), "sideStream", r.string("sideStream"), "consumer", r.string("consumer"), "props", props);
    }

    private void batched(String statement, List<String> ids, Map<String, Object> extra) {
        for (int i = 0; i < ids.size(); i += batchSize) {
            var params = new HashMap<String, Object>(extra);
            params.put("ids", ids.subList(i, Math.min(ids.size(), i + batchSize)));
            cypher.run(statement, params);
        }
    }

    private void batchedRows(String statement, List<Map<String, Object>> rows, Map<String, Object> extra) {
        batchedRows(statement, rows, extra, "rows");
    }

    /** Counts the records written and tells the progress after each batch. */
    private record Written(ImportProgress progress, int total, int[] done) {

        Written(ImportProgress progress, int total) {
            this(progress, total, new int[1]);
        }

        void add(int records) {
            done[0] += records;
            progress.written(done[0], total);
        }
    }

    private void batchedRows(String statement, List<Map<String, Object>> rows, Map<String, Object> extra, Written written) {
        for (int i = 0; i < rows.size(); i += batchSize) {
            var batch = rows.subList(i, Math.min(rows.size(), i + batchSize));
            batchedRows(statement, batch, extra);
            written.add(batch.size());
        }
    }

    private void batchedRows(String statement, List<Map<String, Object>> rows, Map<String, Object> extra, String name) {
        for (int i = 0; i < rows.size(); i += batchSize) {
            var params = new HashMap<String, Object>(extra);
            params.put(name, rows.subList(i, Math.min(rows.size(), i + batchSize)));
            cypher.run(statement, params);
        }
    }
}
