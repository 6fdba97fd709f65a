package org.symbiosiskb.compensation;

import org.neo4j.driver.Value;
import org.symbiosiskb.api.RecordMeta;
import org.symbiosiskb.api.Values;

/**
 * A local compensation agreement: a buyer takes tCO2ePerYear from a sink from fromYear to toYear.
 *
 * @param status    what it counts as once its parties have spoken (PROPOSED until another partner's sink or buyer accepts)
 * @param ownStatus what its owner wrote
 * @param parties   the partners (of the buyer or the sink) whose consent it needs
 */
public record OffsetAgreement(String id, Double tCO2ePerYear, Integer fromYear, Integer toYear, String status,
                              String ownStatus, Double pricePerTonne, java.util.List<String> parties, RecordMeta meta)
        implements RecordMeta.Carrier {

    public static OffsetAgreement from(Value n) {
        String own = Values.str(n, "status");
        String effective = Values.str(n, "effectiveStatus");
        return new OffsetAgreement(n.get("id").asString(), Values.number(n, "tCO2ePerYear"), Values.integer(n, "fromYear"),
                Values.integer(n, "toYear"), effective != null ? effective : own, own, Values.number(n, "pricePerTonne"),
                n.get("parties").isNull() ? java.util.List.of() : n.get("parties").asList(Value::asString), RecordMeta.of(n));
    }
}
