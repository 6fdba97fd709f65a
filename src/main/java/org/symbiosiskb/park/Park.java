package org.symbiosiskb.park;

import org.neo4j.driver.Value;
import org.symbiosiskb.api.Location;
import org.symbiosiskb.api.RecordMeta;
import org.symbiosiskb.api.Values;

/** A geographically bounded eco-industrial park or business area (docs/spec/model.md). */
public record Park(String id, String name, Location location, String municipality, String country, String origin,
                   Double areaHa, Integer founded, RecordMeta meta) implements RecordMeta.Carrier {

    public static Park from(Value n) {
        return new Park(n.get("id").asString(), Values.name(n), Values.location(n, "location"), Values.str(n, "municipality"),
                Values.str(n, "country"), Values.str(n, "origin"), Values.number(n, "areaHa"), Values.integer(n, "founded"),
                RecordMeta.of(n));
    }
}
