package org.symbiosiskb.organization;

import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.symbiosiskb.api.RecordMeta;
import org.symbiosiskb.api.Values;

/** A plant, line or unit process operated by an organization (model.md). */
public record Process(String id, String name, Double outputTonnes, String mainProduct,
                      RecordMeta meta) implements RecordMeta.Carrier {

    /** From a row with the node as {@code n}; the effective location is a field of its own (OrganizationController). */
    public static Process from(Record row) {
        Value n = row.get("n");
        return new Process(n.get("id").asString(), Values.name(n), Values.number(n, "outputTonnes"),
                Values.str(n, "mainProduct"), RecordMeta.of(n));
    }
}
