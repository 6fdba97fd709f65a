package org.symbiosiskb.roadmap;

import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.symbiosiskb.api.RecordMeta;
import org.symbiosiskb.api.Values;

/** A roadmap's target for a year: a net of at most maxNet, or a reduction against the base year's net. */
record Target(String roadmapId, int year, Double maxNet, Double reductionPercent, RecordMeta meta) implements RecordMeta.Carrier {

    /** From a row with the node as {@code n} and its roadmap's id as {@code key}. */
    static Target from(Record row) {
        Value n = row.get("n");
        return new Target(row.get("key").asString(), n.get("year").asInt(), Values.number(n, "maxNet"),
                Values.number(n, "reductionPercent"), RecordMeta.of(n));
    }

    /** Its key in the store: the roadmap's id and the year. */
    @Override
    public String id() {
        return roadmapId + "@" + year;
    }
}
