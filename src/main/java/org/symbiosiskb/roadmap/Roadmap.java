package org.symbiosiskb.roadmap;

import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.symbiosiskb.api.RecordMeta;
import org.symbiosiskb.api.Values;

/** A park's carbon roadmap (docs/spec/model.md): targets and measures counted from {@code baseYear}. */
record Roadmap(String id, String name, String parkId, int baseYear, double discountRate, RecordMeta meta)
        implements RecordMeta.Carrier {

    /** docs/spec/model.md: the discount rate of the annuity when a roadmap gives none. */
    static final double DEFAULT_DISCOUNT_RATE = 0.05;

    /** From a row with the node as {@code n} and its park's id as {@code park}. */
    static Roadmap from(Record row) {
        Value n = row.get("n");
        Double rate = Values.number(n, "discountRate");
        return new Roadmap(n.get("id").asString(), Values.name(n), row.get("park").asString(null), n.get("baseYear").asInt(0),
                rate == null ? DEFAULT_DISCOUNT_RATE : rate, RecordMeta.of(n));
    }
}
