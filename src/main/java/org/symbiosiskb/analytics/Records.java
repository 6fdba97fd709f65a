package org.symbiosiskb.analytics;

/** The small values the analytics read besides flows. */
public final class Records {

    private Records() {
    }

    public record Location(double lat, double lon) {

        /** Great-circle distance in km on a sphere of radius 6371.0088 km (docs/spec/analytics.md). */
        public double kmTo(Location other) {
            double p1 = Math.toRadians(lat);
            double p2 = Math.toRadians(other.lat);
            double dp = p2 - p1;
            double dl = Math.toRadians(other.lon - lon);
            double h = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
            return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(h)));
        }
    }

    /**
     * @param id          the record's key in the store ({@code fi:p@2024/1/-/PROCESS}), for answers that say what they are computed from
     * @param provenance  the stored kind (REPORTED, CALCULATED, ILLUSTRATIVE) or null, read as ILLUSTRATIVE (Counting)
     * @param biogenicCO2 t CO2 from biomass beside {@code tCO2e}, outside the scopes; 0 when the record states none
     */
    public record EmissionRecord(String id, int scope, String source, double tCO2e, String provenance, double biogenicCO2) {

        public boolean reported() {
            return "REPORTED".equals(provenance);
        }

        /** Primary data (PACT): measured or reported by the operator, or calculated from its own activity data. */
        public boolean primary() {
            return reported() || "CALCULATED".equals(provenance);
        }
    }

    public record Sink(String id, String owner, Location location, double tCO2ePerYear, Long activeFrom, Long activeTo) {

        public boolean activeIn(int year) {
            return (activeFrom == null || activeFrom <= year) && (activeTo == null || year <= activeTo);
        }
    }

    /** A sink's id and location (null when it has none). */
    public record SinkPlace(String id, Location location) {
    }

    public record Agreement(String id, String buyer, String sink, double tCO2ePerYear, long fromYear, long toYear, String status) {

        public boolean activeIn(int year) {
            return "ACTIVE".equals(status) && fromYear <= year && year <= toYear;
        }
    }

    public record Stream(String id, String producer, double quantity, String unit, String ewc, String material) {
    }

    public record Need(String id, String process, double quantity, String unit, String ewc, String material) {
    }
}
