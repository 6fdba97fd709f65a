package org.symbiosiskb.analytics;

import java.util.List;

/**
 * Footprints of one year and allocation as a trace reads them: the root's upstream closure solved
 * from the store ({@link Footprints}), or the projection's solved vectors of the whole network
 * ({@link FlowProjection}). A trace reads its totals here and explores only the chains it lists.
 */
interface Solved {

    int year();

    Allocation allocation();

    /** Active flows into the process in the year, in flow-id order. */
    List<Flow> inputs(String process);

    /** Active flows out of the process's side streams in the year, in flow-id order. */
    List<Flow> outputs(String process);

    /** F(p). */
    double footprint(String process);

    /** The parts of F(p) (and the biogenic CO2 beside it) that arise in each kind of emission record: see {@link Parts}. */
    Parts parts(String process);

    /** E(p): scope 1 + 2 of the records that count. */
    double direct(String process);

    /** E(p) + the transport of the flows into p. */
    double local(String process);

    Double outputTonnes(String process);

    /** Why the process's footprint has no finite value (a loop that passes on all of its burden, here or upstream), or null. */
    AnalyticsException error(String process);
}
