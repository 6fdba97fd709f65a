package org.symbiosiskb.exchange;

import java.util.HashMap;
import java.util.Map;

/** The key an emission record is stored under (RecordType#keyOf), for features that derive emission records. */
public final class EmissionKeys {

    private EmissionKeys() {
    }

    /** e.g. {@code fi:p@2024/1/-/ENERGY/CALCULATED} */
    public static String of(String process, long year, long scope, Integer category, String source, String provenanceKind) {
        var fields = new HashMap<String, Object>();
        fields.put("process", process);
        fields.put("year", year);
        fields.put("scope", scope);
        fields.put("category", category == null ? null : category.longValue());
        fields.put("source", source);
        fields.put("provenance", provenanceKind == null ? null : Map.of("kind", provenanceKind));
        return RecordTypes.EMISSIONS.keyOf(fields);
    }
}
