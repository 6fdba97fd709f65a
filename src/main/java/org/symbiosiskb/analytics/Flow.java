package org.symbiosiskb.analytics;

/**
 * A flow as the analytics see it: side stream {@code sideStream} of process {@code producer}
 * supplies {@code quantity} (in the stream's unit, per year) to {@code consumer}, with what is
 * needed to allocate burden (stream quantity, allocation share, producer output) and to count
 * transport.
 */
public record Flow(String id, String sideStream, String producer, String consumer, double quantity, String unit,
                   double streamQuantity, Double allocationShare, Double producerOutput,
                   Double distanceKm, Double transportFactor, String transportMode, Double substitutesFactor,
                   java.util.Map<Integer, Double> publishedFootprints) implements Solver.Input {

    /**
     * @param publishedFootprints tCO2e per unit of the stream by year, as its owner published them
     *                            (docs/spec/federation-security.md); only when the producer's own data is not here
     */
    public Flow {
        publishedFootprints = publishedFootprints == null ? java.util.Map.of() : publishedFootprints;
    }

    /** The published footprint per unit that stands in for the producer's upstream under MASS, or null. */
    Double published(Allocation allocation, int year) {
        // most flows have none: no boxed year to look up
        return allocation == Allocation.MASS && !publishedFootprints.isEmpty() ? publishedFootprints.get(year) : null;
    }

    /** c(f), except that a flow carrying a published footprint inherits nothing from its (absent) producer. */
    @Override
    public double shareIn(Allocation allocation, int year) {
        return published(allocation, year) != null ? 0 : share(allocation);
    }

    /** m × the published footprint: the upstream burden the flow brings in place of its producer's. */
    @Override
    public double publishedBurden(Allocation allocation, int year) {
        Double perUnit = published(allocation, year);
        return perUnit == null ? 0 : quantity * perUnit;
    }

    /**
     * Default transport emission factors in kg CO2e per tonne-km, used when a flow has none of its
     * own (docs/spec/model.md): UK DESNZ/DEFRA 2023 GHG conversion factors, "freighting goods", rounded:
     * HGV all diesel, average laden 0.107; freight train 0.028; general cargo ship 0.016.
     * Pipelines default to 0 (docs/spec/model.md).
     */
    static double defaultTransportFactor(String mode) {
        if (mode == null) {
            return 0;
        }
        return switch (mode) {
            case "ROAD" -> 0.107;
            case "RAIL" -> 0.028;
            case "SEA" -> 0.016;
            default -> 0;
        };
    }

    /** T(f) = m × distanceKm × transportFactor / 1000, in t CO2e; only for streams in tonnes. */
    @Override
    public double transport() {
        if (!"t".equals(unit) || distanceKm == null) {
            return 0;
        }
        double factor = transportFactor != null ? transportFactor : defaultTransportFactor(transportMode);
        return quantity * distanceKm * factor / 1000;
    }

    /** c(f): the share of the producer's footprint this flow carries (docs/spec/analytics.md §1). */
    double share(Allocation allocation) {
        if (allocation == Allocation.CUT_OFF) {
            return 0;
        }
        if ("t".equals(unit) && producerOutput != null && producerOutput > 0) {
            return quantity / producerOutput;
        }
        if (allocationShare == null || streamQuantity <= 0) {
            return 0;
        }
        return quantity / streamQuantity * allocationShare;
    }

    double avoided() {
        return substitutesFactor == null ? 0 : quantity * substitutesFactor;
    }
}
