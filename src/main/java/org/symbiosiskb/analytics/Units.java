package org.symbiosiskb.analytics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The units of activity data and emission factors (docs/calculator.md), and conversion within one
 * dimension: energy (kWh, MWh, GJ, TJ; 1 MWh = 3.6 GJ), mass (kg, t), volume (l, m3). Kilometres,
 * tonne-kilometres and euros are dimensions of their own: they convert only to themselves. The one
 * home of the table: the exchange validation, the calculation and the explorer's unit lists read it.
 */
public final class Units {

    public enum Dimension { ENERGY, MASS, VOLUME, DISTANCE, FREIGHT, MONEY }

    /**
     * Each unit's size in its dimension's smallest exact unit (kJ, g, ml), so that every size is an integer a
     * double holds exactly and a ratio of two sizes is rounded once.
     */
    private record Size(Dimension dimension, double base) {
    }

    private static final Map<String, Size> UNITS = new LinkedHashMap<>();

    static {
        UNITS.put("kWh", new Size(Dimension.ENERGY, 3_600));
        UNITS.put("MWh", new Size(Dimension.ENERGY, 3_600_000));
        UNITS.put("GJ", new Size(Dimension.ENERGY, 1_000_000));
        UNITS.put("TJ", new Size(Dimension.ENERGY, 1_000_000_000));
        UNITS.put("kg", new Size(Dimension.MASS, 1_000));
        UNITS.put("t", new Size(Dimension.MASS, 1_000_000));
        UNITS.put("l", new Size(Dimension.VOLUME, 1_000));
        UNITS.put("m3", new Size(Dimension.VOLUME, 1_000_000));
        UNITS.put("km", new Size(Dimension.DISTANCE, 1));
        UNITS.put("tkm", new Size(Dimension.FREIGHT, 1));
        UNITS.put("EUR", new Size(Dimension.MONEY, 1));
    }

    /** Every unit, in the order people read them. */
    public static final List<String> ALL = List.copyOf(UNITS.keySet());

    /** What may be converted into what, for messages. */
    public static final String RULE = "units convert within energy (kWh, MWh, GJ, TJ; 1 MWh = 3.6 GJ), mass (kg, t) "
            + "and volume (l, m3); km, tkm and EUR only to themselves";

    private Units() {
    }

    public static boolean known(String unit) {
        return UNITS.containsKey(unit);
    }

    public static Dimension dimension(String unit) {
        Size size = UNITS.get(unit);
        if (size == null) {
            throw new IllegalArgumentException("unknown unit " + unit + "; known: " + ALL);
        }
        return size.dimension();
    }

    public static boolean convertible(String from, String to) {
        return known(from) && known(to) && dimension(from) == dimension(to);
    }

    /** The units a quantity of this unit may be stated in (its dimension's), in {@link #ALL} order. */
    public static List<String> sameDimension(String unit) {
        return ALL.stream().filter(u -> convertible(unit, u)).toList();
    }

    /**
     * {@code quantity} of {@code from} in {@code to}: 10 MWh in GJ is 10 × 3 600 000 / 1 000 000 = 36.
     *
     * @throws IllegalArgumentException when the units are of different dimensions
     */
    public static double convert(double quantity, String from, String to) {
        if (from.equals(to)) {
            return quantity;
        }
        if (!convertible(from, to)) {
            throw new IllegalArgumentException(from + " cannot be converted to " + to + ": " + RULE);
        }
        return quantity * UNITS.get(from).base() / UNITS.get(to).base();
    }
}
