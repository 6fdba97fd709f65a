package org.symbiosiskb.pact;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;

/**
 * PACT's geography filter: "footprints within the specified geography". A footprint's geography is one of
 * a UN M49 region or subregion, an ISO 3166-1 country or an ISO 3166-2 subdivision (or none: global). A value
 * matches the same name or code (case-insensitive), a country matches its subdivisions ({@code FI} holds
 * {@code FI-18}), and a region or subregion its countries and their subdivisions ({@code Europe} and
 * {@code Northern Europe} hold {@code FI}), by the UN M49 table in {@code pact/m49-regions.csv}.
 */
final class Geography {

    /** ISO alpha-2 → {subregion, region}, lower case. */
    private static final Map<String, String[]> REGIONS = load();

    private Geography() {
    }

    static boolean within(String value, ProductFootprint.CarbonFootprint pcf) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        String region = lower(pcf.geographyRegionOrSubregion());
        String country = lower(pcf.geographyCountry());
        String subdivision = lower(pcf.geographyCountrySubdivision());
        if (v.equals(region) || v.equals(country) || v.equals(subdivision)) {
            return true;
        }
        if (subdivision != null && country == null) {
            country = subdivision.substring(0, 2);
            if (v.equals(country)) {
                return true;
            }
        }
        String[] regions = country == null ? null : REGIONS.get(country);
        return regions != null && (v.equals(regions[0]) || v.equals(regions[1]));
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    private static Map<String, String[]> load() {
        var alpha2 = new HashMap<String, String>();
        for (String code : Locale.getISOCountries()) {
            try {
                alpha2.put(Locale.of("", code).getISO3Country(), code.toLowerCase(Locale.ROOT));
            } catch (MissingResourceException e) {
                // no alpha-3 code in the JDK's table: not in M49 either
            }
        }
        var regions = new HashMap<String, String[]>();
        try (var in = Geography.class.getResourceAsStream("/pact/m49-regions.csv");
             var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.lines().filter(line -> !line.startsWith("#") && !line.startsWith("alpha3,")).forEach(line -> {
                String[] cells = line.split(",", -1);
                String code = alpha2.get(cells[0]);
                if (code != null) {
                    regions.put(code, new String[] {cells[1].toLowerCase(Locale.ROOT), cells[2].toLowerCase(Locale.ROOT)});
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(regions);
    }
}
