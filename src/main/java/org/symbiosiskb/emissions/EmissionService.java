package org.symbiosiskb.emissions;

import java.util.Map;

import org.springframework.stereotype.Service;
import org.symbiosiskb.exchange.RecordService;
import org.symbiosiskb.graph.Cypher;

/** Emission records: reads by process, writes through the exchange rules. */
@Service
public class EmissionService {

    /**
     * An emission is shown with the stricter of its own and its process's visibility (security.CypherVisibility).
     * (Emission nodes are not reduced by the row guard: their {@code source} is the emission source, not
     * the owner, so the rule is in the query.)
     */
    private static final String SHOWN = org.symbiosiskb.security.CypherVisibility.OWNED_SHOWN;
    /**
     * {@code kinds}: the provenance of every record of the same process, year and scope, whether the
     * caller sees it or not, so that {@code counted} says what the analytics count (kinds only, no figures).
     */
    private static final String KINDS = "[(p)-[:REPORTED]->(m:Emission) WHERE m.year = n.year AND m.scope = n.scope | m.provenance] AS kinds";
    static final String EMISSION_BY_KEY = """
            MATCH (p:Process)-[:REPORTED]->(n:Emission {id: $key})""" + SHOWN + " RETURN n, p.id AS process, " + KINDS;

    private final Cypher cypher;
    private final RecordService records;

    EmissionService(Cypher cypher, RecordService records) {
        this.cypher = cypher;
        this.records = records;
    }

    Emission set(Map<String, Object> input) {
        String key = records.put("emissions", input);
        return cypher.one(EMISSION_BY_KEY, Map.of("key", key), Emission::from).orElseThrow();
    }

    /** The GraphQL key names the provenance by its kind; the exchange record states it as {@code {"kind": ..}}. */
    boolean delete(Map<String, Object> key) {
        var record = new java.util.LinkedHashMap<String, Object>(key);
        if (record.get("provenance") instanceof String kind) {
            record.put("provenance", Map.of("kind", kind));
        }
        return records.delete("emissions", record);
    }
}
