package org.symbiosiskb.analytics;

/** The small values the analytics read besides flows. */
final class Records {

    private Records() {
    }

    record Location(double lat, double lon) {

        /** Great-circle distance in km on a sphere of radius 6371.0088 km (analytics.md). */
        double kmTo(Location other) {
            double p1 = Math.toRadians(lat);
            double p2 = Math.toRadians(other.lat);
            double dp = p2 - p1;
            double dl = Math.toRadians(other.lon - lon);
            double h = Math.sin(dp / 2) * Math.sin(dp / 2) + Math.cos(p1) * Math.cos(p2) * Math.sin(dl / 2) * Math.sin(dl / 2);
            return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(h)));
        }
    }

    record EmissionRecord(int scope, String source, double tCO2e) {
    }

    record Sink(String id, String owner, Location location, double tCO2ePerYear, Long activeFrom, Long activeTo) {

        boolean activeIn(int year) {
            return (activeFrom == null || activeFrom <= year) && (activeTo == null || year <= activeTo);
        }
    }

    record Agreement(String id, String buyer, String sink, double tCO2ePerYear, long fromYear, long toYear, String status) {

        boolean activeIn(int year) {
            return "ACTIVE".equals(status) && fromYear <= year && year <= toYear;
        }
    }

    record Stream(String id, String producer, double quantity, String unit, String ewc, String material) {
    }

    record Need(String id, String process, double quantity, String unit, String ewc, String material) {
    }
}
