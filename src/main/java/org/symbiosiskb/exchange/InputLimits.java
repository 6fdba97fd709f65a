package org.symbiosiskb.exchange;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.symbiosiskb.api.Problem;

/**
 * How long text and how large numbers a record may hold, for every field of every record type
 * (and so for every mutation, which parses a one-record document). RecordTypes says what a field
 * means (its kind, sign, range of meaning); this says what any value must stay within so that
 * indexes, logs, screens and the analytics' sums and ratios can hold it.
 *
 * <p>Text: single-line strings (names and every other string) hold at most {@value #MAX_LINE}
 * characters (Unicode code points), multi-line text ({@code notes}, the document's
 * {@code description}) at most {@value #MAX_TEXT}. No string holds a control character (C0,
 * DEL, C1; multi-line text may hold tab, line feed and carriage return, single-line text none),
 * a line or paragraph separator in single-line text, a bidirectional embedding, override or
 * isolate (U+202A–U+202E, U+2066–U+2069: they make text show other than what it holds, the
 * "Trojan Source" trick), or half of a surrogate pair. The marks U+200E, U+200F and U+061C stay
 * allowed: right-to-left names need them and they reorder nothing.
 *
 * <p>Numbers: finite, at most {@value #MAX_MAGNITUDE} in magnitude (t, MWh, t CO2e, EUR: far
 * above any real figure, far below where a sum of millions of them loses meaning), tighter where
 * the unit says so ({@link #MAX}), and either 0 or at least {@value #MIN_MAGNITUDE} in magnitude,
 * since a ratio by a figure smaller than that (an intensity per 10^-300 t) overflows.
 */
final class InputLimits {

    static final int MAX_LINE = 500;
    static final int MAX_TEXT = 10_000;
    static final double MAX_MAGNITUDE = 1e12;
    static final double MIN_MAGNITUDE = 1e-9;

    /** Fields whose text may run over several lines. */
    static final Set<String> MULTI_LINE = Set.of("notes", "description");

    /** Bounds tighter than {@link #MAX_MAGNITUDE}, by field name and unit. */
    static final Map<String, Double> MAX = Map.of(
            "distanceKm", 40_000.0,          // km: once around the Earth
            "maxDistanceKm", 40_000.0,
            "areaHa", 1e8,                   // ha: a million km², three Finlands
            "transportFactor", 100.0,        // kg CO2e per t·km: air freight is about 1
            "substitutesFactor", 1e5,        // t CO2e per unit: SF6, the strongest greenhouse gas, is 24,300 per t
            "tCO2ePerUnit", 1e5,             // the same, for a published footprint
            "permanenceYears", 1e6,
            "reductionPercent", 1000.0);

    private InputLimits() {
    }

    /** Adds a problem and answers false when {@code value} breaks the limits of text in {@code field}. */
    static boolean text(String field, String value, String pointer, List<Problem> problems) {
        boolean multiLine = MULTI_LINE.contains(field);
        int max = multiLine ? MAX_TEXT : MAX_LINE;
        int length = value.codePointCount(0, value.length());
        if (length > max) {
            problems.add(new Problem(pointer, "must hold at most " + max + " characters, found " + length));
            return false;
        }
        int position = 0;
        for (int i = 0; i < value.length(); position++) {
            int c = value.codePointAt(i);
            i += Character.charCount(c);
            String refusal = refusal(c, multiLine);
            if (refusal != null) {
                problems.add(new Problem(pointer, "contains " + refusal + " at character " + (position + 1)));
                return false;
            }
        }
        return true;
    }

    /** Why a character is not allowed, or null. */
    private static String refusal(int c, boolean multiLine) {
        if (Character.isSurrogate((char) c) && c <= 0xFFFF) {
            return "an unpaired surrogate " + hex(c) + " (half of a character: not valid Unicode)";
        }
        boolean lineBreak = c == '\t' || c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029;
        if (lineBreak && multiLine) {
            return null;
        }
        if (Character.isISOControl(c) || lineBreak) {
            return "the control character " + hex(c) + (multiLine
                    ? "; text may hold tabs and line breaks, no other control characters"
                    : "; a single-line text holds no control characters, tabs or line breaks");
        }
        if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)) {
            return "the bidirectional formatting character " + hex(c)
                    + "; embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) make text show other than what it holds";
        }
        return null;
    }

    /** Adds a problem and answers false when {@code value} is past the bounds of numbers in {@code field}. */
    static boolean number(String field, double value, String pointer, List<Problem> problems) {
        double max = MAX.getOrDefault(field, MAX_MAGNITUDE);
        if (Math.abs(value) > max) {
            problems.add(new Problem(pointer, "must be at most " + DocumentParser.format(max) + (value < 0 ? " in magnitude" : "")
                    + ", found " + DocumentParser.format(value)));
            return false;
        }
        if (value != 0 && Math.abs(value) < MIN_MAGNITUDE) {
            problems.add(new Problem(pointer, "must be 0 or at least " + MIN_MAGNITUDE + " in magnitude (a smaller figure is rounding "
                    + "noise, and ratios by it overflow), found " + DocumentParser.format(value)));
            return false;
        }
        return true;
    }

    /** Text from a document made safe to quote in a message: control and bidirectional characters as U+XXXX. */
    static String printable(String s) {
        var out = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT || Character.isSurrogate((char) c) && c <= 0xFFFF) {
                out.append(hex(c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    private static String hex(int c) {
        return String.format("U+%04X", c);
    }
}
