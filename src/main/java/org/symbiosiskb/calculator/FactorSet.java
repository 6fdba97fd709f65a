package org.symbiosiskb.calculator;

import org.neo4j.driver.Value;
import org.symbiosiskb.api.Values;

/**
 * A versioned set of emission factors. {@code source} is the publisher and document (docs/calculator.md), not the
 * owner: the owner is the id's partner prefix, as for every record.
 */
public record FactorSet(String id, String name, String source, Integer year, String visibility, String notes, String updatedAt,
                        boolean placeholder) {

    static FactorSet from(Value n) {
        return new FactorSet(n.get("id").asString(), Values.name(n), n.get("placeholder").asBoolean(false) ? null : Values.str(n, "source"),
                Values.integer(n, "year"), n.get("visibility").asString("NETWORK"), Values.str(n, "notes"),
                n.get("updatedAt").isNull() ? null : n.get("updatedAt").asZonedDateTime().toInstant().toString(),
                n.get("placeholder").asBoolean(false));
    }

    public String partner() {
        return org.symbiosiskb.api.Ids.partnerOf(id);
    }
}
