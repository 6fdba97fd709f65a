package org.symbiosiskb.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A deliberately expensive graph for the request time limit: {@code n} processes of organization
 * {@code <partner>:org}, each producing one stream in tonnes that feeds every other process, each with
 * 10 t of scope-1 emissions in 2024. A trace with cutoff 0 and a large maxDepth on it enumerates chains
 * up to the procedure's bound of 200 000, seconds of work.
 */
final class CompleteLoop {

    private CompleteLoop() {
    }

    /** The records as arrays of a {@code symbiosis-kb/1} document of {@code partner}; the caller adds format, partner, park and organization. */
    static Map<String, Object> records(String partner, int n) {
        var processes = new ArrayList<Object>();
        var streams = new ArrayList<Object>();
        var flows = new ArrayList<Object>();
        var emissions = new ArrayList<Object>();
        for (int i = 0; i < n; i++) {
            processes.add(Map.of("id", partner + ":p" + i, "name", "P" + i, "operator", partner + ":org", "outputTonnes", 1000));
            streams.add(Map.of("id", partner + ":s" + i, "name", "S" + i, "producer", partner + ":p" + i, "quantity", 1000, "unit", "t"));
            emissions.add(Map.of("process", partner + ":p" + i, "year", 2024, "scope", 1, "tCO2e", 10));
            for (int j = 0; j < n; j++) {
                if (i != j) {
                    flows.add(Map.of("id", partner + ":f" + i + "-" + j, "sideStream", partner + ":s" + i, "consumer", partner + ":p" + j,
                            "quantity", 5));
                }
            }
        }
        var records = new LinkedHashMap<String, Object>();
        records.put("processes", processes);
        records.put("emissions", emissions);
        records.put("sideStreams", streams);
        records.put("flows", flows);
        return records;
    }
}
