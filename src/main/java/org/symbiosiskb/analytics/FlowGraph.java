package org.symbiosiskb.analytics;

import java.util.List;


/**
 * What a trace reads: flows and emissions of processes, by process id, for one year ("active" as
 * docs/spec/analytics.md defines it). Implemented on the store ({@link CoreFlowGraph}) and by the in-memory
 * projection ({@link FlowProjection}).
 */
public interface FlowGraph {

    boolean processExists(String process);

    /** Active flows into the process in the year. */
    List<Flow> flowsInto(String process, int year);

    /** Active flows out of the process's side streams in the year. */
    List<Flow> flowsOutOf(String process, int year);

    /** E(p): scope 1 + scope 2 emissions of the year, the records that count (Counting). */
    double directEmissions(String process, int year);

    /** The parts of E(p) a trace follows beside the footprint (reported, primary, biogenic CO2): see {@link Parts}. */
    Parts parts(String process, int year);

    /** The process's outputTonnes, or null. */
    Double outputTonnes(String process);
}
