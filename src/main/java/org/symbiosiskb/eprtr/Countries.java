package org.symbiosiskb.eprtr;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A receiving site's country as the register names it ("Sweden", "United Kingdom") to its ISO 3166
 * alpha-2 code, through the JDK's English country names and the few other spellings EEA extracts
 * use. A name not found here stays in the record's notes; it is not guessed.
 */
final class Countries {

    private static final Map<String, String> BY_NAME = new HashMap<>();

    static {
        for (String code : Locale.getISOCountries()) {
            BY_NAME.put(key(Locale.of("", code).getDisplayCountry(Locale.ENGLISH)), code);
        }
        // spellings of the EEA's own lists and common English ones the JDK names differently
        BY_NAME.put(key("Czech Republic"), "CZ");
        BY_NAME.put(key("The Netherlands"), "NL");
        BY_NAME.put(key("Great Britain"), "GB");
        BY_NAME.put(key("UK"), "GB");
        BY_NAME.put(key("Slovak Republic"), "SK");
        BY_NAME.put(key("Republic of Moldova"), "MD");
        BY_NAME.put(key("Russia"), "RU");
        BY_NAME.put(key("Turkey"), "TR");
        BY_NAME.put(key("North Macedonia"), "MK");
    }

    private Countries() {
    }

    /** The ISO code of a country name, or null when the name is unknown (or "N/A"). */
    static String code(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        return BY_NAME.get(key(name));
    }

    private static String key(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
    }
}
