package org.symbiosiskb.analytics;

import java.util.Collection;

/**
 * Parts of a process's direct emissions E(p) (scopes 1 and 2, the records that count) that a trace follows
 * through the value chain with the same shares as the footprint itself, so each has a value-chain figure of
 * its own: {@code reported} (t CO2e of REPORTED records: the trace's reportedShare), {@code primary} (of
 * REPORTED and CALCULATED records: primary data, for a PACT footprint's primaryDataShare) and, beside the
 * footprint rather than in it, {@code biogenicCO2} (t CO2 from biomass, outside the scopes) and its primary
 * part {@code primaryBiogenicCO2}. Transport and published footprints are none of these: transport is
 * estimated from distances, and a published footprint says nothing of its parts.
 */
public record Parts(double reported, double primary, double biogenicCO2, double primaryBiogenicCO2) {

    public static final Parts NONE = new Parts(0, 0, 0, 0);

    /** The parts of these records (those that count, of any scope: only scopes 1 and 2 are taken). */
    static Parts of(Collection<Records.EmissionRecord> counted) {
        double[] sums = new double[4];
        for (var e : counted) {
            if (e.scope() <= 2) {
                sums[0] += e.reported() ? e.tCO2e() : 0;
                sums[1] += e.primary() ? e.tCO2e() : 0;
                sums[2] += e.biogenicCO2();
                sums[3] += e.primary() ? e.biogenicCO2() : 0;
            }
        }
        return of(sums);
    }

    double[] toArray() {
        return new double[] {reported, primary, biogenicCO2, primaryBiogenicCO2};
    }

    static Parts of(double[] values) {
        return new Parts(values[0], values[1], values[2], values[3]);
    }
}
