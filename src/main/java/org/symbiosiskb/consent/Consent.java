package org.symbiosiskb.consent;

import org.neo4j.driver.Value;
import org.symbiosiskb.api.RecordMeta;
import org.symbiosiskb.api.Values;

/**
 * A partner's consent to another partner's record (docs/partners.md, "Consent").
 *
 * @param current whether it was given for the record's terms as they stand now (a changed flow or agreement needs it again)
 */
public record Consent(String partner, String record, String decision, boolean current, RecordMeta meta) implements RecordMeta.Carrier {

    /** Its key in the store: {@code <partner>:consent@<record>}. */
    @Override
    public String id() {
        return partner + ":consent@" + record;
    }

    static Consent from(Value n, boolean current) {
        return new Consent(Values.str(n, "partner"), Values.str(n, "record"), Values.str(n, "decision"), current, RecordMeta.of(n));
    }
}
