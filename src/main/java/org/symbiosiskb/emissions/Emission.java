package org.symbiosiskb.emissions;

import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.symbiosiskb.analytics.Counting;
import org.symbiosiskb.api.Values;

/**
 * One yearly emission record of a process, by GHG Protocol scope (docs/spec/model.md), with where its figure
 * comes from and whether it counts (analytics.Counting: the best provenance of its process, year and
 * scope counts, the others are shown beside).
 *
 * @param id its key in the store (process, year, scope, category, source and provenance kind: docs/spec/model.md)
 */
public record Emission(String id, String processId, int year, int scope, double tCO2e, Integer category, String source,
                       Provenance provenance, Double biogenicCO2, boolean counted,
                       String visibility, String notes, String updatedAt) {

    /** GraphQL {@code Provenance}: kind ILLUSTRATIVE when the record says nothing. */
    public record Provenance(String kind, String source, String method) {
    }

    /**
     * From a row with the node as {@code n}, its process's id as {@code process} and the stored
     * provenance kinds of the process's records of the same year and scope as {@code kinds}.
     */
    public static Emission from(Record row) {
        Value n = row.get("n");
        String kind = Counting.kind(Values.str(n, "provenance"));
        return new Emission(n.get("id").asString(null), row.get("process").asString(), n.get("year").asInt(), n.get("scope").asInt(),
                n.get("tCO2e").asDouble(), Values.integer(n, "category"), Values.str(n, "source"),
                new Provenance(kind, Values.str(n, "provenanceSource"), Values.str(n, "provenanceMethod")),
                Values.number(n, "biogenicCO2"),
                Counting.counts(kind, row.get("kinds").asList(v -> v.isNull() ? null : v.asString())),
                n.get("visibility").asString("NETWORK"), Values.str(n, "notes"),
                n.get("updatedAt").isNull() ? null : n.get("updatedAt").asZonedDateTime().toInstant().toString());
    }
}
