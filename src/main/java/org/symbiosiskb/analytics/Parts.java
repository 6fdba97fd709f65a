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

    /** Where each part stands in {@link #toArray()} and {@link #of(double[])}. */
    static final int REPORTED = 0;
    static final int PRIMARY = 1;
    static final int BIOGENIC_CO2 = 2;
    static final int PRIMARY_BIOGENIC_CO2 = 3;

    /** The parts of these records (those that count, of any scope: only scopes 1 and 2 are taken). */
    static Parts of(Collection<Records.EmissionRecord> counted) {
        double[] sums = new double[4];
        for (var e : counted) {
            if (e.scope() <= 2) {
                sums[REPORTED] += e.reported() ? e.tCO2e() : 0;
                sums[PRIMARY] += e.primary() ? e.tCO2e() : 0;
                sums[BIOGENIC_CO2] += e.biogenicCO2();
                sums[PRIMARY_BIOGENIC_CO2] += e.primary() ? e.biogenicCO2() : 0;
            }
        }
        return of(sums);
    }

    double[] toArray() {
        var values = new double[4];
        values[REPORTED] = reported;
        values[PRIMARY] = primary;
        values[BIOGENIC_CO2] = biogenicCO2;
        values[PRIMARY_BIOGENIC_CO2] = primaryBiogenicCO2;
        return values;
    }

    static Parts of(double[] values) {
        return new Parts(values[REPORTED], values[PRIMARY], values[BIOGENIC_CO2], values[PRIMARY_BIOGENIC_CO2]);
    }
}
