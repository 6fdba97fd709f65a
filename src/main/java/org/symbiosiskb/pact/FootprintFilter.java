package org.symbiosiskb.pact;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.symbiosiskb.api.BadRequestException;

/**
 * ListFootprints' filters (PACT v3, the same as a RequestCreatedEvent's {@code data}): each footprint listed
 * matches at least one value of every criterion given: values of one criterion are ORed, criteria ANDed.
 * Names and values are case-insensitive; an empty value is no criterion ({@code ?classification=}); an unknown
 * value matches nothing (an empty list, not an error), and a malformed date is a BadRequest.
 *
 * @param validOn     validityPeriodStart ≤ validOn ≤ validityPeriodEnd
 * @param validAfter  validityPeriodStart &gt; validAfter
 * @param validBefore validityPeriodEnd &lt; validBefore
 */
record FootprintFilter(List<String> productIds, List<String> companyIds, List<String> geographies, List<String> classifications,
                       Instant validOn, Instant validAfter, Instant validBefore, List<String> statuses) {

    static final FootprintFilter NONE = new FootprintFilter(List.of(), List.of(), List.of(), List.of(), null, null, null, List.of());

    /** From query parameters, names case-insensitive ({@code productid} is {@code productId}); others are left alone. */
    static FootprintFilter of(Map<String, String[]> parameters) {
        var values = new java.util.HashMap<String, List<String>>();
        parameters.forEach((name, given) -> {
            for (String v : given) {
                if (v != null && !v.isBlank()) {
                    values.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(v.strip());
                }
            }
        });
        return new FootprintFilter(values.getOrDefault("productid", List.of()), values.getOrDefault("companyid", List.of()),
                values.getOrDefault("geography", List.of()), values.getOrDefault("classification", List.of()),
                date(values, "validOn"), date(values, "validAfter"), date(values, "validBefore"), values.getOrDefault("status", List.of()));
    }

    /** From a RequestCreatedEvent's {@code data} (arrays of strings, dates as strings), already checked against its schema. */
    static FootprintFilter ofEvent(Map<String, Object> data) {
        var parameters = new java.util.HashMap<String, String[]>();
        data.forEach((name, value) -> {
            if (value instanceof List<?> list) {
                parameters.put(name, list.stream().map(String::valueOf).toArray(String[]::new));
            } else if (value instanceof String s) {
                parameters.put(name, new String[] {s});
            }
        });
        return of(parameters);
    }

    private static Instant date(Map<String, List<String>> values, String name) {
        var given = values.get(name.toLowerCase(Locale.ROOT));
        if (given == null) {
            return null;
        }
        if (given.size() > 1) {
            throw new BadRequestException(name + " is given " + given.size() + " times; give it once");
        }
        String v = given.getFirst();
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            try {
                // a "+01:00" offset sent unencoded in a query string arrives as a space
                return OffsetDateTime.parse(v.replace(' ', '+')).toInstant();
            } catch (DateTimeParseException again) {
                throw new BadRequestException(name + " must be an RFC 3339 date-time with a zone, like 2025-01-01T00:00:00Z, found \""
                        + v.substring(0, Math.min(v.length(), 60)) + "\"");
            }
        }
    }

    /** Whether a footprint whose status is {@code status} (as of the listing) matches every criterion. */
    boolean matches(ProductFootprint f, String status) {
        return any(productIds, f.productIds()) && any(companyIds, f.companyIds()) && any(classifications, f.productClassifications())
                && (geographies.isEmpty() || geographies.stream().anyMatch(g -> Geography.within(g, f.pcf())))
                && (statuses.isEmpty() || statuses.stream().anyMatch(s -> s.equalsIgnoreCase(status)))
                && validity(f);
    }

    private boolean validity(ProductFootprint f) {
        if (validOn == null && validAfter == null && validBefore == null) {
            return true;
        }
        // without a validity period of its own a footprint is valid for 3 years from the end of its reference period (PACT)
        Instant start = f.validityPeriodStart() != null ? Instant.parse(f.validityPeriodStart()) : Instant.parse(f.pcf().referencePeriodEnd());
        Instant end = f.validityPeriodEnd() != null ? Instant.parse(f.validityPeriodEnd())
                : OffsetDateTime.parse(f.pcf().referencePeriodEnd()).plusYears(3).toInstant();
        return (validOn == null || (!start.isAfter(validOn) && !validOn.isAfter(end)))
                && (validAfter == null || start.isAfter(validAfter))
                && (validBefore == null || end.isBefore(validBefore));
    }

    /** No values: no criterion. Else one of the footprint's URNs equals one of the values, ignoring case and %-escapes. */
    private static boolean any(List<String> wanted, List<String> urns) {
        if (wanted.isEmpty()) {
            return true;
        }
        if (urns == null) {
            return false;
        }
        for (String urn : urns) {
            String decoded = decode(urn);
            for (String w : wanted) {
                if (w.equalsIgnoreCase(urn) || w.equalsIgnoreCase(decoded)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String decode(String urn) {
        try {
            return URLDecoder.decode(urn.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return urn;
        }
    }
}
