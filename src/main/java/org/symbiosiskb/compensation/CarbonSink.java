package org.symbiosiskb.compensation;

import org.neo4j.driver.Value;
import org.symbiosiskb.api.Location;
import org.symbiosiskb.api.RecordMeta;
import org.symbiosiskb.api.Values;

/** A forest, wetland, soil, biochar, mineralisation or CCS sink that sequesters tCO2ePerYear (docs/spec/model.md). */
public record CarbonSink(String id, String name, String kind, Location location, Double tCO2ePerYear,
                         Double permanenceYears, String verification, Integer activeFrom, Integer activeTo,
                         RecordMeta meta) implements RecordMeta.Carrier {

    public static CarbonSink from(Value n) {
        return new CarbonSink(n.get("id").asString(), Values.name(n), Values.str(n, "kind"), Values.location(n, "location"),
                Values.number(n, "tCO2ePerYear"), Values.number(n, "permanenceYears"), Values.str(n, "verification"),
                Values.integer(n, "activeFrom"), Values.integer(n, "activeTo"), RecordMeta.of(n));
    }
}
