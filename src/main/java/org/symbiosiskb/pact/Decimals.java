package org.symbiosiskb.pact;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * PACT's decimals: strings such as {@code "0.525"}, never JSON numbers and never with an exponent
 * ({@code "1E+3"} fails the v3 patterns). Figures are rounded to 9 significant digits, far below any
 * measurement's precision, so that recomputing the same graph gives the same string and no new version.
 */
final class Decimals {

    private static final MathContext SIGNIFICANT = new MathContext(9, RoundingMode.HALF_EVEN);

    private Decimals() {
    }

    static String of(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("a PACT decimal must be finite, found " + value);
        }
        if (value == 0) {
            return "0"; // also -0.0
        }
        return BigDecimal.valueOf(value).round(SIGNIFICANT).stripTrailingZeros().toPlainString();
    }

    /** A figure that may be unknown: null stays null (the field is left out). */
    static String ofNullable(Double value) {
        return value == null ? null : of(value);
    }

    /** A share 0…1 as PACT's percentage 0…100. */
    static String percent(double share) {
        return of(100 * share);
    }

    static double parse(String decimal) {
        return new BigDecimal(decimal.strip()).doubleValue();
    }
}
