package org.symbiosiskb.park;

import org.neo4j.driver.Value;
import org.symbiosiskb.api.RecordMeta;
import org.symbiosiskb.api.Values;

/** A network of parks: a national network, the Nordic Industrial Symbiosis Network. */
public record Network(String id, String name, String scope, RecordMeta meta) implements RecordMeta.Carrier {

    public static Network from(Value n) {
        return new Network(n.get("id").asString(), Values.name(n), Values.str(n, "scope"), RecordMeta.of(n));
    }
}
