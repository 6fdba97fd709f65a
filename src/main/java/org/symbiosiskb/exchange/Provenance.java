package org.symbiosiskb.exchange;

import java.util.List;
import java.util.Map;

/**
 * Where an emission figure comes from (issue 12): {@code REPORTED} to a register (source "E-PRTR 2023",
 * method as the register states it), {@code CALCULATED} from activity data, {@code ILLUSTRATIVE}
 * (assumed). A record without provenance is read as ILLUSTRATIVE: nothing says where it came from.
 * That default is applied when reading, never stored, so documents written before provenance existed
 * import again as "unchanged".
 */
public final class Provenance {

    public static final String REPORTED = "REPORTED";
    public static final String CALCULATED = "CALCULATED";
    public static final String ILLUSTRATIVE = "ILLUSTRATIVE";
    static final List<String> KINDS = List.of(REPORTED, CALCULATED, ILLUSTRATIVE);
    /** The register's M, C and E. */
    static final List<String> METHODS = List.of("MEASURED", "CALCULATED", "ESTIMATED");
    static final List<String> FIELDS = List.of("kind", "source", "method");

    /** Node properties of the flattened object. */
    static final String KIND_PROPERTY = "provenance";
    static final String SOURCE_PROPERTY = "provenanceSource";
    static final String METHOD_PROPERTY = "provenanceMethod";

    private Provenance() {
    }

    /** The kind a stored or stated provenance (a map, or null) stands for. */
    public static String kindOf(Object provenance) {
        return provenance instanceof Map<?, ?> m && m.get("kind") instanceof String kind ? kind : ILLUSTRATIVE;
    }

    /**
     * The suffix an emission's key gets: {@code /REPORTED} or {@code /CALCULATED}; nothing for
     * ILLUSTRATIVE or no provenance, so that data from before provenance keeps its keys.
     */
    static String keySuffix(Object provenance) {
        String kind = kindOf(provenance);
        return kind.equals(ILLUSTRATIVE) ? "" : "/" + kind;
    }
}
