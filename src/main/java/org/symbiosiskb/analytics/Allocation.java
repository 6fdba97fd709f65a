package org.symbiosiskb.analytics;

/** How a producer's footprint is shared with the consumers of its side streams (docs/spec/analytics.md §1). */
public enum Allocation {
    /** by mass (or, for MWh streams, by the stream's allocationShare) */
    MASS,
    /** side streams arrive free of upstream burden; transport still counts */
    CUT_OFF;

    static Allocation parse(String value) {
        try {
            return valueOf(value == null ? "MASS" : value);
        } catch (IllegalArgumentException e) {
            throw AnalyticsException.badRequest("allocation must be MASS or CUT_OFF, found " + value);
        }
    }
}
