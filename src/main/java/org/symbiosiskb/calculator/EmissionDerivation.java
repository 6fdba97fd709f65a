package org.symbiosiskb.calculator;

/**
 * One activity line behind a calculated emission record (GraphQL {@code Emission.derivation}).
 *
 * @param quantity             in the activity's unit; null where the caller may not see the activity's figures
 * @param quantityInFactorUnit the same quantity in the factor's unit
 * @param tCO2e                the line's part of the record; null where the caller may not see the activity and the factor
 */
public record EmissionDerivation(String activityId, String factorId, Double quantity, String unit, Double quantityInFactorUnit,
                                 Double tCO2e, Double biogenicCO2) {
}
