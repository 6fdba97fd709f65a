package org.symbiosiskb.calculator;

import java.util.List;

import org.neo4j.driver.Value;
import org.symbiosiskb.analytics.Units;
import org.symbiosiskb.api.RecordMeta;
import org.symbiosiskb.api.Values;

/** One factor of a set: t CO2e per unit of an activity; tCO2ePerUnit is null for another partner's PRIVATE factor. */
public record EmissionFactor(String id, String name, String activity, String unit, Double tCO2ePerUnit, Integer scope, Integer category,
                             Double biogenicCO2PerUnit, RecordMeta meta) implements RecordMeta.Carrier {

    static EmissionFactor from(Value n) {
        return new EmissionFactor(n.get("id").asString(), Values.str(n, "name"), Values.str(n, "activity"), Values.str(n, "unit"),
                Values.number(n, "tCO2ePerUnit"), Values.integer(n, "scope"), Values.integer(n, "category"),
                Values.number(n, "biogenicCO2PerUnit"), RecordMeta.of(n));
    }

    /** The units an activity may state its quantity in with this factor: the factor's dimension's. */
    public List<String> units() {
        return unit == null ? List.of() : Units.sameDimension(unit);
    }
}
