package org.symbiosiskb.calculator;

import java.util.List;

/**
 * An organization's GHG inventory of a year (GraphQL {@code ghgInventory}), as kb.ghgInventory computed it and as the
 * caller may see it: every figure is computed from the activities, their factors and the reported records, so they
 * are shown together or withheld together (null, {@code withheld: true}); a line's figures where the caller may
 * see its activity and factors.
 */
public record GhgInventory(String organizationId, int year, Double scope1, Double scope2LocationBased, Double scope2MarketBased,
                           boolean marketBasedComplete, Double scope3, List<CategoryTotal> byCategory, Double totalLocationBased,
                           Double totalMarketBased, Double biogenicCO2, Double reportedScope1, List<InventoryLine> lines,
                           List<String> uncalculatedIds, boolean withheld) {

    public record CategoryTotal(int category, Double tCO2e) {
    }

    /**
     * @param marketBasedTCO2e scope 2: with the line's market factor where given, else its location-based figure
     * @param source           the emission record the line goes into (ENERGY, LOGISTICS, LANDFILL, PROCESS, OTHER)
     */
    public record InventoryLine(String activityId, String processId, String factorId, String marketFactorId, Double quantity,
                                String unit, Double quantityInFactorUnit, Double tCO2e, Double marketBasedTCO2e, int scope,
                                Integer category, Double biogenicCO2, String source) {
    }
}
