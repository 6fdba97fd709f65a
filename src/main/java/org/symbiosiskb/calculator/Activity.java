package org.symbiosiskb.calculator;

import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.symbiosiskb.api.RecordMeta;
import org.symbiosiskb.api.Values;

/**
 * One line of a company's yearly activity data. {@code quantity} and {@code notes} are null where the caller may
 * not see its figures (another partner's PRIVATE line, or one of a PRIVATE process: security.Disclosure).
 */
public record Activity(String id, String processId, int year, String factorId, String marketFactorId, Double quantity, String unit,
                       RecordMeta meta) implements RecordMeta.Carrier {

    /** From a row with the node as {@code n} and the ids {@code process}, {@code factor} and {@code marketFactor}. */
    static Activity from(Record row) {
        Value n = row.get("n");
        return new Activity(n.get("id").asString(), row.get("process").asString(), n.get("year").asInt(),
                row.get("factor").asString(null), row.get("marketFactor").asString(null), Values.number(n, "quantity"),
                Values.str(n, "unit"), RecordMeta.of(n));
    }

    /** The line as someone who may see it by name only: who and what, not how much. */
    Activity withoutFigures() {
        return new Activity(id, processId, year, factorId, marketFactorId, null, unit,
                new RecordMeta(meta.source(), meta.visibility(), null, meta.updatedAt(), meta.placeholder()));
    }
}
