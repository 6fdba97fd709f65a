package org.symbiosiskb.exchange;

/** The European List of Waste hierarchy: chapter {@code NN}, sub-chapter {@code NN NN}, entry {@code NN NN NN}. */
public final class WasteCodes {

    public enum Level { CHAPTER, SUB_CHAPTER, ENTRY }

    private WasteCodes() {
    }

    /** The code without its hazard mark: codes compare without {@code *} (docs/spec/analytics.md §4). */
    public static String bare(String code) {
        return code.endsWith("*") ? code.substring(0, code.length() - 1) : code;
    }

    public static Level level(String code) {
        return switch (bare(code).length()) {
            case 2 -> Level.CHAPTER;
            case 5 -> Level.SUB_CHAPTER;
            default -> Level.ENTRY;
        };
    }

    /** The code one level up ({@code "10 02 02"} → {@code "10 02"} → {@code "10"}), or null for a chapter. */
    public static String parent(String code) {
        String bare = bare(code);
        return bare.length() <= 2 ? null : bare.substring(0, bare.length() - 3);
    }
}
