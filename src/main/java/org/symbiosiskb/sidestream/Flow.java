package org.symbiosiskb.sidestream;

import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.symbiosiskb.api.RecordMeta;
import org.symbiosiskb.api.Values;

/** A flow: a side stream SUPPLIES a consuming process, {@code quantity} per year in the stream's unit. */
public record Flow(String id, String sideStreamId, String consumerId, Double quantity, String transportMode,
                   Double distanceKm, Double transportFactor, Double substitutesFactor, Integer fromYear, Integer toYear,
                   RecordMeta meta) implements RecordMeta.Carrier {

    /** From a row with the relationship as {@code f} and its ends' ids as {@code from} and {@code to}. */
    public static Flow from(Record row) {
        Value f = row.get("f");
        return new Flow(f.get("id").asString(), row.get("from").asString(), row.get("to").asString(),
                Values.number(f, "quantity"), Values.str(f, "transportMode"), Values.number(f, "distanceKm"),
                Values.number(f, "transportFactor"), Values.number(f, "substitutesFactor"),
                Values.integer(f, "fromYear"), Values.integer(f, "toYear"), RecordMeta.of(f));
    }
}
