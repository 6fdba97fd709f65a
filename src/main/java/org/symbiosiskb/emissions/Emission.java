package org.symbiosiskb.emissions;

import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.symbiosiskb.api.Values;

/** One yearly emission record of a process, by GHG Protocol scope (model.md). */
public record Emission(String processId, int year, int scope, double tCO2e, Integer category, String source,
                       String visibility, String notes, String updatedAt) {

    /** From a row with the node as {@code n} and its process's id as {@code process}. */
    public static Emission from(Record row) {
        Value n = row.get("n");
        return new Emission(row.get("process").asString(), n.get("year").asInt(), n.get("scope").asInt(),
                n.get("tCO2e").asDouble(), Values.integer(n, "category"), Values.str(n, "source"),
                n.get("visibility").asString("NETWORK"), Values.str(n, "notes"),
                n.get("updatedAt").isNull() ? null : n.get("updatedAt").asZonedDateTime().toInstant().toString());
    }
}
