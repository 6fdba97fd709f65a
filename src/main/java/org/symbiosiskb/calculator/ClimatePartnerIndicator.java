package org.symbiosiskb.calculator;

/**
 * A network's climate-partner indicator of a year (GraphQL {@code climatePartnerIndicator}, docs/calculator.md).
 * {@code partners} and {@code reporting} count the records the caller may see at least by name (whether an
 * organization is a climate partner, and whether it entered activity lines, are not figures); {@code totalTCO2e} is
 * a figure computed from every partner's activities and factors, shown only where the caller may see all of them.
 */
public record ClimatePartnerIndicator(String networkId, int year, int partners, int reporting, double reportingShare,
                                      Double totalTCO2e, boolean withheld) {
}
