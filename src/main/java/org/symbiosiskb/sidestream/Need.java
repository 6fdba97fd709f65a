package org.symbiosiskb.sidestream;

import org.neo4j.driver.Value;
import org.symbiosiskb.api.RecordMeta;
import org.symbiosiskb.api.Values;

/** A declared demand for an input that a side stream could meet. */
public record Need(String id, Double quantity, String unit, String ewc, String material, Double maxDistanceKm,
                   RecordMeta meta) implements RecordMeta.Carrier {

    public static Need from(Value n) {
        return new Need(n.get("id").asString(), Values.number(n, "quantity"), Values.str(n, "unit"), Values.str(n, "ewc"),
                Values.str(n, "material"), Values.number(n, "maxDistanceKm"), RecordMeta.of(n));
    }
}
