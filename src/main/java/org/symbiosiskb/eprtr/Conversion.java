package org.symbiosiskb.eprtr;

import java.util.List;
import java.util.Map;

/**
 * An extract converted into one {@code symbiosis-kb/1} document, what the conversion did, and
 * where each record came from (so that a problem the import finds is reported at its line).
 */
record Conversion(Map<String, Object> document, Summary summary, Map<String, Origin> origins) {

    /**
     * @param rows               rows read per part
     * @param locationsFromGrid  facilities located from SYKE's ETRS-TM35FIN x/y because the extract gave no degrees
     * @param skippedGases       greenhouse gases reported but not converted (kept as releases)
     */
    record Summary(String gwp, String gwpSource, Map<String, Integer> rows, int facilities, int operators, int emissions,
                   int releases, int sideStreams, int receivers, int flows, int locationsFromGrid, List<SkippedGas> skippedGases) {
    }

    /** A greenhouse gas the converter does not turn into CO2e, with why, and which facilities reported it. */
    record SkippedGas(String pollutant, int rows, String reason, List<String> facilities) {
    }

    /**
     * The row a record was made from (the first one, when rows were added up), and the columns its
     * fields came from.
     */
    record Origin(String part, String file, int line, Map<String, String> columns) {
    }
}
