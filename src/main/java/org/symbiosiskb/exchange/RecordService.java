package org.symbiosiskb.exchange;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.symbiosiskb.api.BadRequestException;
import org.symbiosiskb.api.Ids;
import org.symbiosiskb.api.InvalidDocumentException;
import org.symbiosiskb.api.NotFoundException;
import org.symbiosiskb.security.Writes;
import org.symbiosiskb.graph.RequestDeadline;

/**
 * Single-record writes for the GraphQL mutations. Each is a one-record exchange document run
 * through the same parser, planner and writer as a bulk import, so the rules cannot differ.
 */
@Service
public class RecordService {

    private final DocumentParser parser = new DocumentParser();
    private final ImportPlanner planner;
    private final GraphWriter writer;
    private final GraphRecords graphRecords;
    private final PlatformTransactionManager transactions;

    private final Writes writes;
    private final org.symbiosiskb.graph.Cypher cypher;

    RecordService(ImportPlanner planner, GraphWriter writer, GraphRecords graphRecords,
                  PlatformTransactionManager transactionManager, Writes writes, org.symbiosiskb.graph.Cypher cypher) {
        this.writes = writes;
        this.cypher = cypher.unguarded();
        this.planner = planner;
        this.writer = writer;
        this.graphRecords = graphRecords;
        this.transactions = transactionManager; // each write runs within the request's time limit (RequestDeadline.within)
    }

    /** Creates a record; refuses an id that exists. Returns the record's key. */
    public String create(String array, Map<String, Object> input) {
        RecordType type = type(array);
        return write(type, input, existing -> {
            if (existing != null) {
                throw new BadRequestException("input.id: " + keyOf(type, input) + " already exists; use update" + type.label() + " to change it");
            }
            return input;
        });
    }

    /**
     * Changes the given fields of an existing record: omitted fields keep their value, a field
     * given as null is removed. The merged record is validated as a whole.
     */
    public String update(String array, Map<String, Object> input) {
        RecordType type = type(array);
        return write(type, input, existing -> {
            if (existing == null) {
                throw new NotFoundException("input.id: no " + type.label() + " " + keyOf(type, input) + "; use create" + type.label());
            }
            var merged = new LinkedHashMap<String, Object>(existing);
            input.forEach((k, v) -> {
                if (v == null) {
                    merged.remove(k);
                } else {
                    merged.put(k, v);
                }
            });
            return merged;
        });
    }

    /** Creates the record or replaces it whole (emissions, whose key is their identity). */
    public String put(String array, Map<String, Object> input) {
        return write(type(array), input, existing -> input);
    }

    /** @return false when there was nothing to delete */
    public boolean delete(String array, Map<String, Object> key) {
        RecordType type = type(array);
        var record = new LinkedHashMap<String, Object>(key);
        record.put("deleted", true);
        var parsed = parse(type, record);
        return Boolean.TRUE.equals(RequestDeadline.within(transactions, status -> {
            ImportPlan plan = planner.plan(parsed);
            writer.write(plan);
            return !plan.deleted().isEmpty();
        }));
    }

    static final String ASSUME_AGREED_LINKS = """
            MATCH (n:Record {id: $id})-[r]->(m) WHERE type(r) STARTS WITH 'PROPOSED_'
            WITH n, r, m, substring(type(r), 9) AS counting
            DELETE r
            CREATE (n)-[:$(counting)]->(m)
            WITH DISTINCT n WHERE n:OffsetAgreement
            SET n.effectiveStatus = CASE n.status WHEN 'ENDED' THEN 'ENDED' ELSE 'ACTIVE' END, n.awaiting = []""";
    static final String ASSUME_AGREED_FLOW = """
            MATCH (s)-[f:PROPOSED_SUPPLIES {id: $id}]->(c)
            WITH s, f, c, properties(f) AS props
            DELETE f
            CREATE (s)-[g:SUPPLIES]->(c)
            SET g = props, g.consent = null, g.party = null, g.kbUsePublished = CASE WHEN $published THEN true END""";

    /**
     * For a scenario only (docs/spec/analytics.md §7: a transaction that is always rolled back): the record's links to other
     * partners count as if those partners had agreed, so that "what if we took their slag" can be asked. A flow
     * may be told to carry its stream's published footprint instead of its producer's own figures.
     */
    public void assumeAgreedInScenario(String array, String key, boolean usePublishedFootprint) {
        if (!org.springframework.transaction.support.TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("assumed consents are for scenarios, inside their rolled-back transaction");
        }
        if (type(array).isFlow()) {
            cypher.run(ASSUME_AGREED_FLOW, Map.of("id", key, "published", usePublishedFootprint));
        } else {
            cypher.run(ASSUME_AGREED_LINKS, Map.of("id", key));
        }
    }

    private interface Merge {
        Map<String, Object> apply(Map<String, Object> existing);
    }

    private String write(RecordType type, Map<String, Object> input, Merge merge) {
        return RequestDeadline.within(transactions, status -> {
            var existing = graphRecords.byKeys(type, List.of(keyOf(type, input))).get(keyOf(type, input));
            var parsed = parse(type, exchangeForm(merge.apply(existing == null ? null : exchangeForm(existing))));
            ImportPlan plan = planner.plan(parsed);
            writer.write(plan);
            return parsed.records().getFirst().key();
        });
    }

    private DocumentParser.Parsed parse(RecordType type, Map<String, Object> record) {
        String owner = Ids.partnerOf(String.valueOf(record.getOrDefault(type.ownerField(), "")));
        if (Ids.isValidPartner(owner)) {
            writes.requirePartner(owner);
        }
        var document = new LinkedHashMap<String, Object>();
        document.put("format", RecordTypes.FORMAT);
        document.put("partner", owner);
        document.put(type.array(), List.of(record));
        var parsed = parser.parse(document);
        if (!parsed.problems().isEmpty()) {
            throw new InvalidDocumentException(parsed.problems());
        }
        return parsed;
    }

    /** Canonical values (GeoPoint) back to plain JSON-like values, so they parse again. */
    private static Map<String, Object> exchangeForm(Map<String, Object> record) {
        if (record == null) {
            return null;
        }
        var plain = new LinkedHashMap<String, Object>();
        record.forEach((k, v) -> plain.put(k, v instanceof GeoPoint p ? Map.of("lat", p.lat(), "lon", p.lon()) : v));
        return plain;
    }

    private static String keyOf(RecordType type, Map<String, Object> input) {
        if (type.keyedById()) {
            return String.valueOf(input.get("id"));
        }
        var key = new LinkedHashMap<String, Object>();
        input.forEach((k, v) -> key.put(k, v instanceof Integer i ? Long.valueOf(i) : v));
        return type.keyOf(key);
    }

    private static RecordType type(String array) {
        return RecordTypes.byArray(array).orElseThrow(() -> new IllegalArgumentException("no record type " + array));
    }
}
