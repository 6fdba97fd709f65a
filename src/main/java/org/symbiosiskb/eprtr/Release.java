package org.symbiosiskb.eprtr;

import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.symbiosiskb.api.Values;

/** One pollutant a process released to air, water or land in a year, as a register reports it (kg). */
public record Release(String id, String processId, int year, String pollutant, String pollutantName, String medium, Double kg,
                      Double accidentalKg, String method, String visibility, String notes, String updatedAt) {

    /** From a row with the node as {@code n} and its process's id as {@code process}. */
    static Release from(Record row) {
        Value n = row.get("n");
        return new Release(n.get("id").asString(null), row.get("process").asString(), n.get("year").asInt(), n.get("pollutant").asString(),
                Values.str(n, "pollutantName"), n.get("medium").asString(), Values.number(n, "kg"), Values.number(n, "accidentalKg"),
                Values.str(n, "method"), n.get("visibility").asString("NETWORK"), Values.str(n, "notes"),
                n.get("updatedAt").isNull() ? null : n.get("updatedAt").asZonedDateTime().toInstant().toString());
    }
}
