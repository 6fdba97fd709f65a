package org.symbiosiskb.organization;

import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.symbiosiskb.api.RecordMeta;
import org.symbiosiskb.api.Values;

/** A plant, line or unit process operated by an organization (docs/spec/model.md). */
public record Process(String id, String name, Double outputTonnes, String mainProduct, Facility facility,
                      RecordMeta meta) implements RecordMeta.Carrier {

    /** What a pollutant release and transfer register (E-PRTR) says of the process's site; all null for other processes. */
    public record Facility(String eprtrId, String activityCode, String activityName, String city, String country, String status) {
    }

    public String eprtrId() {
        return facility.eprtrId();
    }

    public String activityCode() {
        return facility.activityCode();
    }

    public String activityName() {
        return facility.activityName();
    }

    public String city() {
        return facility.city();
    }

    public String country() {
        return facility.country();
    }

    public String status() {
        return facility.status();
    }

    /** From a row with the node as {@code n}; the effective location is a field of its own (OrganizationController). */
    public static Process from(Record row) {
        Value n = row.get("n");
        return new Process(n.get("id").asString(), Values.name(n), Values.number(n, "outputTonnes"),
                Values.str(n, "mainProduct"), new Facility(Values.str(n, "eprtrId"), Values.str(n, "activityCode"),
                Values.str(n, "activityName"), Values.str(n, "city"), Values.str(n, "country"), Values.str(n, "status")), RecordMeta.of(n));
    }
}
