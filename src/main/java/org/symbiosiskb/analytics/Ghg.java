package org.symbiosiskb.analytics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The GHG Protocol calculation (docs/calculator.md), plain Java: an activity line's emission is its quantity,
 * in its factor's unit ({@link Units}), times the factor's tCO2ePerUnit, in the factor's scope and category;
 * its biogenic CO2 is the quantity times biogenicCO2PerUnit, outside the scopes. Scope 2 is reported both ways
 * (the Scope 2 Guidance): location-based with the line's factor, market-based with its marketFactor where
 * given, else with its factor, and then the market-based total is incomplete. The write path (the calculated
 * emission records), kb.ghgInventory and kb.climatePartnerIndicator all compute here.
 */
public final class Ghg {

    private Ghg() {
    }

    /**
     * An emission factor as the calculation needs it.
     *
     * @param setName    the name of its factor set, and {@code setYear} its year: the calculated record's provenance source
     * @param visibility the factor's own (null: NETWORK)
     */
    public record Factor(String id, String activity, String unit, double tCO2ePerUnit, int scope, Integer category,
                         Double biogenicCO2PerUnit, String setName, Long setYear, String visibility) {

        /** "<factor set name> <year>", what a calculated record says it comes from. */
        public String provenanceSource() {
            if (setName == null) {
                return id;
            }
            return setYear == null ? setName : setName + " " + setYear;
        }
    }

    /**
     * One line of a company's yearly activity data.
     *
     * @param factor       null when the factor is not here (another partner's, not harvested): the line is not calculated
     * @param marketFactor scope 2 only: the factor of a contractual instrument (a guarantee of origin at 0, a supplier's own)
     * @param visibility   the activity's own (null: NETWORK)
     */
    public record Activity(String id, String process, int year, double quantity, String unit, Factor factor,
                           Factor marketFactor, String visibility) {

        /**
         * As stored data is read: a factor (market factor) its unit cannot convert to counts as not here. The import
         * refuses such a line; only a peer's harvested factor change can leave one behind, and it is then listed as
         * uncalculated rather than stopping the pull or the inventory.
         */
        public static Activity read(String id, String process, int year, double quantity, String unit, Factor factor,
                                    Factor marketFactor, String visibility) {
            return new Activity(id, process, year, quantity, unit, fits(unit, factor) ? factor : null,
                    fits(unit, marketFactor) && fits(unit, factor) ? marketFactor : null, visibility);
        }

        private static boolean fits(String unit, Factor factor) {
            return factor == null || Units.convertible(unit, factor.unit());
        }
    }

    /**
     * A calculated line.
     *
     * @param quantityInFactorUnit the activity's quantity converted to its factor's unit
     * @param marketBasedTCO2e     scope 2 only: with the market factor where given, else the location-based figure
     * @param source               the emission record's source (ENERGY, LOGISTICS, LANDFILL, PROCESS, OTHER)
     */
    public record Line(Activity activity, double quantityInFactorUnit, double tCO2e, Double marketBasedTCO2e,
                       double biogenicCO2, String source) {

        public int scope() {
            return activity.factor().scope();
        }

        public Integer category() {
            return scope() == 3 ? activity.factor().category() : null;
        }
    }

    /**
     * @throws IllegalArgumentException when the activity's unit (or its market factor's) is of another dimension,
     *                                  which the exchange validation refuses before anything is written
     */
    public static Line line(Activity a) {
        Factor f = Objects.requireNonNull(a.factor(), "an activity without its factor is not calculated");
        double quantity = Units.convert(a.quantity(), a.unit(), f.unit());
        double tCO2e = quantity * f.tCO2ePerUnit();
        Double market = null;
        if (f.scope() == 2) {
            market = a.marketFactor() == null ? tCO2e
                    : Units.convert(a.quantity(), a.unit(), a.marketFactor().unit()) * a.marketFactor().tCO2ePerUnit();
        }
        double biogenic = f.biogenicCO2PerUnit() == null ? 0 : quantity * f.biogenicCO2PerUnit();
        return new Line(a, quantity, tCO2e, market, biogenic, source(f.activity()));
    }

    /**
     * The emission record's source of a factor's activity code: fuels, electricity, heat, steam and cooling are
     * ENERGY; freight, travel and commuting LOGISTICS; landfilled waste LANDFILL; process emissions PROCESS; the rest
     * (other waste treatment, purchased goods, spend) OTHER.
     */
    public static String source(String activity) {
        String code = activity == null ? "" : activity;
        if (code.startsWith("FUEL_") || code.startsWith("ELECTRICITY") || code.startsWith("DISTRICT_")
                || code.startsWith("HEAT") || code.startsWith("STEAM") || code.startsWith("COOLING")) {
            return "ENERGY";
        }
        if (code.startsWith("FREIGHT") || code.startsWith("TRAVEL") || code.startsWith("COMMUTING")) {
            return "LOGISTICS";
        }
        if (code.startsWith("WASTE_LANDFILL")) {
            return "LANDFILL";
        }
        if (code.startsWith("PROCESS")) {
            return "PROCESS";
        }
        return "OTHER";
    }

    /**
     * A calculated emission record: one per process, year, scope, category and source (as every emission record),
     * scope 2 location-based. Its visibility is the strictest of its activities' and their factors' (a reader who sees
     * an activity's quantity and the record could divide one by the other); the process's own is applied when it is
     * read, as for every emission record.
     *
     * @param biogenicCO2 null when none of its factors has biogenic CO2
     * @param activities  the ids of the activities it is calculated from
     */
    public record CalculatedRecord(String process, int year, int scope, Integer category, String source, double tCO2e,
                                   Double biogenicCO2, String provenanceSource, String visibility, List<String> activities) {
    }

    private record RecordKey(String process, int year, int scope, int category, String source) {
    }

    /** The records the activities make, in process, year, scope, category and source order. Activities without a factor are left out. */
    public static List<CalculatedRecord> records(List<Activity> activities) {
        var groups = new TreeMap<RecordKey, List<Line>>(Comparator.comparing(RecordKey::process).thenComparingInt(RecordKey::year)
                .thenComparingInt(RecordKey::scope).thenComparingInt(RecordKey::category).thenComparing(RecordKey::source));
        for (Activity a : activities) {
            if (a.factor() == null) {
                continue;
            }
            Line line = line(a);
            var key = new RecordKey(a.process(), a.year(), line.scope(), line.category() == null ? 0 : line.category(), line.source());
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(line);
        }
        var records = new ArrayList<CalculatedRecord>();
        groups.forEach((key, lines) -> {
            double tCO2e = 0;
            double biogenic = 0;
            boolean anyBiogenic = false;
            var sources = new TreeSet<String>();
            var ids = new ArrayList<String>();
            String visibility = "PUBLIC";
            for (Line line : lines) {
                tCO2e += line.tCO2e();
                biogenic += line.biogenicCO2();
                anyBiogenic |= line.activity().factor().biogenicCO2PerUnit() != null;
                sources.add(line.activity().factor().provenanceSource());
                ids.add(line.activity().id());
                visibility = stricter(stricter(visibility, line.activity().visibility()), line.activity().factor().visibility());
            }
            records.add(new CalculatedRecord(key.process(), key.year(), key.scope(), key.category() == 0 ? null : key.category(),
                    key.source(), tCO2e, anyBiogenic ? biogenic : null, String.join("; ", sources), visibility, List.copyOf(ids)));
        });
        return records;
    }

    private static final List<String> WIDEST_FIRST = List.of("PUBLIC", "NETWORK", "PRIVATE");

    /** The stricter of two visibilities (null is NETWORK, the default). */
    public static String stricter(String a, String b) {
        int i = WIDEST_FIRST.indexOf(a == null ? "NETWORK" : a);
        int j = WIDEST_FIRST.indexOf(b == null ? "NETWORK" : b);
        return WIDEST_FIRST.get(Math.max(i, j));
    }

    public record CategoryTotal(int category, double tCO2e) {
    }

    /**
     * A year's inventory of some activity lines (an organization's): the scopes, scope 3 by category, the two totals
     * and biogenic CO2. {@code lines} are the calculated lines; activities whose factor is not here are in
     * {@code uncalculated}.
     */
    public record Inventory(double scope1, double scope2LocationBased, double scope2MarketBased, boolean marketBasedComplete,
                            double scope3, List<CategoryTotal> byCategory, double totalLocationBased, double totalMarketBased,
                            double biogenicCO2, List<Line> lines, List<Activity> uncalculated) {
    }

    public static Inventory inventory(List<Activity> activities) {
        double scope1 = 0;
        double scope2 = 0;
        double scope2Market = 0;
        double scope3 = 0;
        double biogenic = 0;
        boolean complete = true;
        var categories = new TreeMap<Integer, Double>();
        var lines = new ArrayList<Line>();
        var uncalculated = new ArrayList<Activity>();
        for (Activity a : activities) {
            if (a.factor() == null) {
                uncalculated.add(a);
                continue;
            }
            Line line = line(a);
            lines.add(line);
            biogenic += line.biogenicCO2();
            switch (line.scope()) {
                case 1 -> scope1 += line.tCO2e();
                case 2 -> {
                    scope2 += line.tCO2e();
                    scope2Market += line.marketBasedTCO2e();
                    complete &= a.marketFactor() != null;
                }
                default -> {
                    scope3 += line.tCO2e();
                    categories.merge(line.category() == null ? 0 : line.category(), line.tCO2e(), Double::sum);
                }
            }
        }
        var byCategory = new ArrayList<CategoryTotal>();
        categories.forEach((category, tCO2e) -> byCategory.add(new CategoryTotal(category, tCO2e)));
        return new Inventory(scope1, scope2, scope2Market, complete, scope3, List.copyOf(byCategory),
                scope1 + scope2 + scope3, scope1 + scope2Market + scope3, biogenic, List.copyOf(lines), List.copyOf(uncalculated));
    }

    /** The record ids an inventory is computed from: its activities and the factors they use. */
    public static List<String> ids(List<Activity> activities) {
        var ids = new LinkedHashMap<String, Boolean>();
        for (Activity a : activities) {
            ids.put(a.id(), true);
            if (a.factor() != null) {
                ids.put(a.factor().id(), true);
            }
            if (a.marketFactor() != null) {
                ids.put(a.marketFactor().id(), true);
            }
        }
        return List.copyOf(ids.keySet());
    }
}
