package org.symbiosiskb.exchange;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Values;
import org.symbiosiskb.api.Ids;
import org.symbiosiskb.graph.Cypher;
import org.symbiosiskb.graph.FlowById;
import org.symbiosiskb.graph.GraphChanged;
import org.springframework.context.ApplicationEventPublisher;
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
    static final String DELETE_FLOWS = "UNWIND $ids AS id\n" + FlowById.call("id", "id", "f") + "DELETE f\n";
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
     * What a harvester needs to learn of a deletion (docs/spec/federation-security.md): the deletion record as
     * the document states it, kept until the record is created again.
     */
    /**
     * A tombstone keeps who could see the record (its visibility, for an emission, a release or an activity line the
     * stricter of its own and its process's, and its parties): an export sends it only to a caller that could have harvested the record itself.
     * A record whose visibility narrowed gets one too, with its visibility before ({@code row.visibility}), so that
     * those who may no longer see it drop their copy. Written before the record is deleted.
     */
    static final String TOMBSTONES = """
            UNWIND $rows AS row
            OPTIONAL MATCH (n:Record {id: row.key})
            OPTIONAL MATCH (n)<-[:REPORTED|RELEASED|HAS_ACTIVITY]-(p:Process)
            """ + FlowById.optionalCall("row", "row.key", "f") + """
            WITH row, coalesce(row.visibility, n.visibility, f.visibility, 'NETWORK') AS own,
                 p.visibility AS processVisibility, coalesce(n.parties, f.parties, []) AS parties
            MERGE (t:Tombstone {key: row.key})
            SET t.partner = row.partner, t.array = row.array, t.record = row.record, t.deletedAt = $now, t.parties = parties,
                t.visibility = CASE WHEN own = 'PRIVATE' OR processVisibility = 'PRIVATE' THEN 'PRIVATE'
                                    WHEN own = 'PUBLIC' AND coalesce(processVisibility, 'PUBLIC') = 'PUBLIC' THEN 'PUBLIC'
                                    ELSE 'NETWORK' END
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
    /** A reference's relationships of both kinds: counting ({@code $type}) and not counting ({@code PROPOSED_$type}). */
    static final String DELETE_OUTGOING = """
            UNWIND $ids AS id
            MATCH (n:Record {id: id})-[r:$($type)|$($proposed)]->(m:$($label))
            DELETE r
            """;
    static final String DELETE_INCOMING = """
            UNWIND $ids AS id
            MATCH (n:Record {id: id})<-[r:$($type)|$($proposed)]-(m:$($label))
            DELETE r
            """;
    /** {@code pair.type} is the reference's type, or PROPOSED_ + it while the other partner's consent is missing (Consents). */
    static final String CREATE_RELATIONSHIPS = """
            UNWIND $pairs AS pair
            MATCH (a:Record {id: pair.from})
            MATCH (b:Record {id: pair.to})
            CREATE (a)-[r:$(pair.type)]->(b)
            SET r.consent = pair.consent, r.party = pair.party
            """;
    /**
     * A consent changed: the links of a record to the consenting partner's records get the type that says
     * whether they count (the other links of the record stay as they are).
     */
    static final String RETYPE_LINKS = """
            UNWIND $rows AS row
            MATCH (n:Record {id: row.id})-[r]->(m:Record)
            WHERE replace(type(r), 'PROPOSED_', '') IN $types AND m.source = row.partner
            WITH n, r, m, row, CASE row.state WHEN 'AGREED' THEN replace(type(r), 'PROPOSED_', '')
                                              ELSE 'PROPOSED_' + replace(type(r), 'PROPOSED_', '') END AS wanted
            DELETE r
            CREATE (n)-[s:$(wanted)]->(m)
            SET s.consent = row.consent, s.party = row.party
            """;
    static final String RETYPE_FLOWS = "UNWIND $rows AS row\n" + FlowById.call("row", "row.id", "f") + """
            WITH startNode(f) AS a, f, endNode(f) AS b, row, properties(f) AS props
            DELETE f
            CREATE (a)-[g:$(row.type)]->(b)
            SET g = props, g.consent = row.consent, g.party = row.party
            """;
    /** What an offset agreement counts as once its parties have spoken (Consents.effectiveStatus). */
    static final String AGREEMENT_STATUS = """
            UNWIND $rows AS row
            MATCH (a:OffsetAgreement {id: row.id})
            SET a.effectiveStatus = row.effectiveStatus, a.awaiting = row.awaiting
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
    /** A new node's classification: nothing to replace, so CREATE, cheaper than MERGE. */
    static final String CLASSIFY_NEW = """
            UNWIND $rows AS row
            MATCH (n:Record {id: row.id})
            MATCH (w:WasteCode {code: row.code})
            CREATE (n)-[:CLASSIFIED_AS]->(w)
            """;
    static final String CREATE_FLOWS = """
            UNWIND $rows AS row
            MATCH (s:Record {id: row.sideStream})
            MATCH (c:Record {id: row.consumer})
            CREATE (s)-[f:$(row.type)]->(c)
            SET f = row.props
            """;
    static final String UPSERT_FLOWS = "UNWIND $rows AS row\n" + FlowById.optionalCall("row", "row.id", "old") + """
            DELETE old
            WITH row
            MATCH (s:Record {id: row.sideStream})
            MATCH (c:Record {id: row.consumer})
            CREATE (s)-[f:$(row.type)]->(c)
            SET f = row.props
            """;

    /** The SRID of WGS-84 longitude/latitude points. */
    static final int WGS84 = 4326;

    private final Cypher cypher;
    private final int batchSize;

    private final JsonMapper json;
    private final org.springframework.beans.factory.ObjectProvider<Derivation> derivations;

    private final ApplicationEventPublisher events;

    GraphWriter(Cypher cypher, JsonMapper json, @Value("${kb.exchange.batch-size:10000}") int batchSize,
                org.springframework.beans.factory.ObjectProvider<Derivation> derivations, ApplicationEventPublisher events) {
        this.json = json;
        this.derivations = derivations;
        this.events = events;
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
        events.publishEvent(new GraphChanged(plan.partner())); // heard after the commit, if it commits
        var now = ZonedDateTime.now(ZoneOffset.UTC);
        var changed = new ArrayList<>(plan.written());
        changed.addAll(plan.deleted());
        var items = ImportPlanner.items(changed);
        // what derived data the records touch as the graph is before the write (an activity moved to another year)
        var touched = new java.util.HashMap<Derivation, java.util.Set<String>>();
        derivations.orderedStream().forEach(d -> touched.put(d, new java.util.HashSet<>(d.touched(items))));
        var deletedFlows = plan.deleted().stream().filter(r -> r.type().isFlow()).map(ExchangeRecord::key).toList();
        var deletedNodes = plan.deleted().stream().filter(r -> !r.type().isFlow()).map(ExchangeRecord::key).toList();
        tombstones(plan, now);
        batched(DELETE_FLOWS, deletedFlows, Map.of());
        batched(DELETE_NODES, deletedNodes.stream().filter(id -> !plan.demoted().contains(id)).toList(), Map.of());
        demote(plan);

        plan.placeholders().forEach((label, ids) -> batched(CREATE_PLACEHOLDERS, List.copyOf(ids), Map.of("label", label)));

        var fresh = plan.fresh();
        var existing = plan.existing();
        for (RecordType type : RecordTypes.ALL) {
            if (type.isFlow()) {
                continue;
            }
            var label = Map.<String, Object>of("label", type.label());
            batchedRows(CREATE_NODES, rows(fresh, type, plan, now), label, written);
            batchedRows(UPSERT_NODES, rows(existing, type, plan, now), label, written);
        }
        for (RecordType type : RecordTypes.ALL) {
            if (type.isFlow()) {
                continue;
            }
            var created = fresh.stream().filter(r -> r.type() == type).toList();
            var before = existing.stream().filter(r -> r.type() == type).toList();
            var records = new ArrayList<>(created);
            records.addAll(before);
            if (!records.isEmpty()) {
                writeReferences(type, before.stream().map(ExchangeRecord::key).toList(), records, plan.consents());
                if (type.field("ewc").isPresent()) {
                    classify(created, before);
                }
            }
        }
        batchedRows(CREATE_FLOWS, fresh.stream().filter(r -> r.type().isFlow()).map(r -> flowRow(r, plan, now)).toList(), Map.of(), written);
        batchedRows(UPSERT_FLOWS, existing.stream().filter(r -> r.type().isFlow()).map(r -> flowRow(r, plan, now)).toList(), Map.of(), written);
        footprints(plan, now);
        consented(plan.consents());
        // and after it: derived in the same transaction, so no reader sees the records without what derives from them
        touched.forEach((derivation, before) -> {
            before.addAll(derivation.touched(items));
            derivation.derive(before);
        });
    }

    /** The records the document's consents are about: their links to the consenting partner, and an agreement's status. */
    private void consented(ConsentPlanner.Plan consents) {
        var links = new ArrayList<Map<String, Object>>();
        var flows = new ArrayList<Map<String, Object>>();
        var agreements = new ArrayList<Map<String, Object>>();
        consents.targets().forEach((key, record) -> {
            consents.of(key).forEach((partner, state) -> {
                var row = new HashMap<String, Object>(linkMarkers(state, partner));
                row.put("id", key);
                if (record.type().isFlow()) {
                    row.put("type", state == Consents.State.AGREED ? "SUPPLIES" : Consents.PROPOSED + "SUPPLIES");
                    flows.add(row);
                } else {
                    row.put("partner", partner);
                    row.put("state", state.name());
                    links.add(row);
                }
            });
            if (record.type() == RecordTypes.OFFSET_AGREEMENTS) {
                agreements.add(Map.of("id", key, "effectiveStatus", consents.effectiveStatus(record), "awaiting", consents.awaiting(key)));
            }
        });
        var gated = RecordTypes.ALL.stream().flatMap(t -> t.references().stream()).filter(FieldSpec::gated)
                .map(f -> f.ref().type()).filter(t -> !t.equals("SUPPLIES")).distinct().toList();
        batchedRows(RETYPE_LINKS, links, Map.of("types", gated));
        batchedRows(RETYPE_FLOWS, flows, Map.of());
        batchedRows(AGREEMENT_STATUS, agreements, Map.of());
    }

    /** A link that does not count says why (consent AWAITING or ENDED) and whose word it waits for; a counting link says nothing. */
    private static Map<String, Object> linkMarkers(Consents.State state, String partner) {
        var markers = new HashMap<String, Object>();
        markers.put("consent", state == Consents.State.AGREED ? null : state.name());
        markers.put("party", state == Consents.State.AGREED ? null : partner);
        return markers;
    }

    private void footprints(ImportPlan plan, ZonedDateTime now) {
        var published = plan.footprints().stream().filter(f -> !f.deleted()).map(f -> Map.<String, Object>of("key", f.key(),
                "sideStream", f.sideStream(), "year", f.year(), "tCO2ePerUnit", f.tCO2ePerUnit())).toList();
        batchedRows(FOOTPRINTS, published, Map.of("partner", plan.partner(), "now", now));
        var withdrawn = plan.footprints().stream().filter(PublishedFootprint::deleted).toList();
        batched(DELETE_FOOTPRINTS, withdrawn.stream().map(PublishedFootprint::key).toList(), Map.of());
        // footprints are published to any partner's key (ExchangeService.export), as NETWORK records
        batchedRows(TOMBSTONES, withdrawn.stream().map(f -> Map.<String, Object>of("key", "footprint:" + f.key(), "partner", plan.partner(),
                "array", "footprints", "visibility", "NETWORK",
                "record", json.writeValueAsString(Map.of("sideStream", f.sideStream(), "year", f.year(), "deleted", true))))
                .toList(), Map.of("now", now));
        clearTombstones(plan, published.stream().map(f -> "footprint:" + f.get("key")).toList());
    }

    private void demote(ImportPlan plan) {
        var demoted = plan.deleted().stream().filter(r -> plan.demoted().contains(r.key())).toList();
        for (RecordType type : RecordTypes.ALL) {
            var ids = demoted.stream().filter(r -> r.type() == type).map(ExchangeRecord::key).toList();
            if (ids.isEmpty()) {
                continue;
            }
            for (FieldSpec spec : type.references()) {
                batched(spec.ref().outgoing() ? DELETE_OUTGOING : DELETE_INCOMING, ids, labelled(spec.ref()));
            }
            batched(DEMOTE_NODES, ids, Map.of());
        }
    }

    private void tombstones(ImportPlan plan, ZonedDateTime now) {
        var rows = new ArrayList<Map<String, Object>>();
        plan.deleted().forEach(r -> rows.add(tombstone(r, plan.partner(), null)));
        plan.narrowed().forEach((key, before) -> plan.updated().stream().filter(r -> r.key().equals(key)).findFirst()
                .ifPresent(r -> rows.add(tombstone(r, plan.partner(), before))));
        batchedRows(TOMBSTONES, rows, Map.of("now", now));
        clearTombstones(plan, plan.created().stream().map(ExchangeRecord::key).toList());
    }

    /**
     * Records written again are no longer deleted: their tombstones go, if the partner had any before this document
     * (its lookup asked, ImportPlanner.IMPORT_LOOKUP); the tombstones this document writes are of records it
     * deletes, not of those it writes.
     */
    private void clearTombstones(ImportPlan plan, List<String> keys) {
        if (!keys.isEmpty() && plan.tombstones()) {
            batched(CLEAR_TOMBSTONES, keys, Map.of());
        }
    }

    /** The deletion record a harvester applies: the record's key fields and {@code "deleted": true}. */
    private Map<String, Object> tombstone(ExchangeRecord r, String partner, String visibilityBefore) {
        var record = new LinkedHashMap<String, Object>();
        r.type().keyFields().forEach(field -> {
            if (r.fields().get(field) != null) {
                record.put(field, r.fields().get(field));
            }
        });
        record.put("deleted", true);
        var row = new HashMap<String, Object>();
        row.put("key", r.key());
        row.put("partner", partner);
        row.put("array", r.type().array());
        row.put("record", json.writeValueAsString(record));
        row.put("visibility", visibilityBefore);
        return row;
    }

    private static List<Map<String, Object>> rows(List<ExchangeRecord> records, RecordType type, ImportPlan plan, ZonedDateTime now) {
        return records.stream().filter(r -> r.type() == type).map(r -> nodeRow(r, plan, now)).toList();
    }

    private static Map<String, Object> labelled(Ref ref) {
        return Map.of("type", ref.type(), "proposed", ref.proposedType(), "label", ref.label());
    }

    /**
     * Replaces the relationships the records' reference fields own: detach those of existing nodes, then create
     * all, each consent-gated link to another partner's record with the type its consent state gives it.
     */
    private void writeReferences(RecordType type, List<String> existingIds, List<ExchangeRecord> records, ConsentPlanner.Plan consents) {
        for (FieldSpec spec : type.references()) {
            Ref ref = spec.ref();
            batched(ref.outgoing() ? DELETE_OUTGOING : DELETE_INCOMING, existingIds, labelled(ref));
            var pairs = new ArrayList<Map<String, Object>>();
            for (ExchangeRecord r : records) {
                var targets = spec.kind() == FieldKind.REFS ? r.ids(spec.name())
                        : r.string(spec.name()) == null ? List.<String>of() : List.of(r.string(spec.name()));
                for (String target : targets) {
                    var state = spec.gated() && !Ids.partnerOf(target).equals(r.owner())
                            ? consents.state(r.key(), Ids.partnerOf(target)) : Consents.State.AGREED;
                    var pair = new HashMap<String, Object>(linkMarkers(state, Ids.partnerOf(target)));
                    pair.put("from", ref.outgoing() ? r.key() : target);
                    pair.put("to", ref.outgoing() ? target : r.key());
                    pair.put("type", state == Consents.State.AGREED ? ref.type() : ref.proposedType());
                    pairs.add(pair);
                }
            }
            for (int i = 0; i < pairs.size(); i += batchSize) {
                cypher.run(CREATE_RELATIONSHIPS, Map.of("pairs", pairs.subList(i, Math.min(pairs.size(), i + batchSize))));
            }
        }
    }

    /** Classifies by waste code: new nodes have no classification to replace, existing ones have theirs replaced. */
    private void classify(List<ExchangeRecord> fresh, List<ExchangeRecord> existing) {
        var codes = new LinkedHashMap<String, Map<String, Object>>();
        var records = new ArrayList<>(fresh);
        records.addAll(existing);
        for (ExchangeRecord r : records) {
            for (String code = r.string("ewc"); code != null; code = WasteCodes.parent(code)) {
                var entry = new HashMap<String, Object>();
                entry.put("code", code);
                entry.put("parent", WasteCodes.parent(code));
                codes.putIfAbsent(code, entry);
            }
        }
        batchedRows(ENSURE_WASTE_CODES, List.copyOf(codes.values()), Map.of(), "codes");
        batchedRows(CLASSIFY_NEW, classifications(fresh.stream().filter(r -> r.string("ewc") != null).toList()), Map.of());
        batchedRows(CLASSIFY, classifications(existing), Map.of());
    }

    private static List<Map<String, Object>> classifications(List<ExchangeRecord> records) {
        return records.stream().map(r -> {
            var row = new HashMap<String, Object>();
            row.put("id", r.key());
            row.put("code", r.string("ewc"));
            return (Map<String, Object>) row;
        }).toList();
    }

    /** Properties as the node gets them; locations as driver points, so Cypher need not build them row by row. */
    private static Map<String, Object> nodeRow(ExchangeRecord r, ImportPlan plan, ZonedDateTime now) {
        String partner = plan.partner();
        var props = new LinkedHashMap<String, Object>();
        props.put("id", r.key());
        // Every node carries its owner in `source`, except records with a `source` of their own: docs/spec/model.md gives
        // Emission one (ENERGY, PROCESS, ...), a factor set names its publisher there; the id says the owner.
        if (r.type().field("source").isEmpty()) {
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
        putParties(r, props);
        if (r.type() == RecordTypes.OFFSET_AGREEMENTS) {
            props.put("effectiveStatus", plan.consents().effectiveStatus(r));
            props.put("awaiting", plan.consents().awaiting(r.key()));
        }
        return Map.of("id", r.key(), "props", props);
    }

    /** The partners whose consent the record's links need: they see it in full (security.Caller#access). */
    private static void putParties(ExchangeRecord r, Map<String, Object> props) {
        var parties = Consents.parties(r.type(), r.key(), r.fields());
        if (!parties.isEmpty()) {
            props.put("parties", parties);
        }
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

    private static Map<String, Object> flowRow(ExchangeRecord r, ImportPlan plan, ZonedDateTime now) {
        var props = new LinkedHashMap<String, Object>(r.fields());
        props.remove("sideStream");
        props.remove("consumer");
        props.put("source", plan.partner());
        props.put("updatedAt", now);
        putParties(r, props);
        var state = plan.consents().of(r.key()).values().stream().findFirst().orElse(Consents.State.AGREED); // at most one other end
        String other = plan.consents().of(r.key()).keySet().stream().findFirst().orElse(null);
        props.putAll(linkMarkers(state, other));
        props.values().removeIf(java.util.Objects::isNull);
        return Map.of("id", r.key(), "sideStream", r.string("sideStream"), "consumer", r.string("consumer"), "props", props,
                "type", state == Consents.State.AGREED ? "SUPPLIES" : Consents.PROPOSED + "SUPPLIES");
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
