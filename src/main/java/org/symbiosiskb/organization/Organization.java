package org.symbiosiskb.organization;

import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.symbiosiskb.api.RecordMeta;
import org.symbiosiskb.api.Values;

/** A company, municipality, university, association or development company (docs/spec/model.md). */
public record Organization(String id, String name, String kind, String role, String businessId, String nace,
                           String city, String country, Integer climatePartnerSince, RecordMeta meta) implements RecordMeta.Carrier {

    /** From a row with the node as {@code n}; the effective location is a field of its own (OrganizationController). */
    public static Organization from(Record row) {
        Value n = row.get("n");
        return new Organization(n.get("id").asString(), Values.name(n), Values.str(n, "kind"), Values.str(n, "role"),
                Values.str(n, "businessId"), Values.str(n, "nace"), Values.str(n, "city"), Values.str(n, "country"),
                Values.integer(n, "climatePartnerSince"), RecordMeta.of(n));
    }
}
