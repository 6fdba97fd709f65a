package org.symbiosiskb.compensation;

import org.neo4j.driver.Value;
import org.symbiosiskb.api.RecordMeta;
import org.symbiosiskb.api.Values;

/** A local compensation agreement: a buyer takes tCO2ePerYear from a sink from fromYear to toYear. */
public record OffsetAgreement(String id, Double tCO2ePerYear, Integer fromYear, Integer toYear, String status,
                              Double pricePerTonne, RecordMeta meta) implements RecordMeta.Carrier {

    public static OffsetAgreement from(Value n) {
        return new OffsetAgreement(n.get("id").asString(), Values.number(n, "tCO2ePerYear"), Values.integer(n, "fromYear"),
                Values.integer(n, "toYear"), Values.str(n, "status"), Values.number(n, "pricePerTonne"), RecordMeta.of(n));
    }
}
