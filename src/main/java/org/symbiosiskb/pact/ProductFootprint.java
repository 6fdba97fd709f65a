package org.symbiosiskb.pact;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A PACT v3 ProductFootprint (Technical Specification v3.0.3, data model): the fields this host fills, with
 * their v3 names. Numbers are decimal strings ({@link Decimals}), dates RFC 3339 in UTC ({@code …Z}).
 * A footprint never changes once made, except its {@code status}: a change makes a new footprint.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ProductFootprint(String id, String specVersion, List<String> precedingPfIds, String created, String status,
                        String validityPeriodStart, String validityPeriodEnd, String companyName, List<String> companyIds,
                        String productDescription, List<String> productIds, List<String> productClassifications,
                        String productNameCompany, String comment, CarbonFootprint pcf) {

    static final String SPEC_VERSION = "3.0.3";
    static final String ACTIVE = "Active";
    static final String DEPRECATED = "Deprecated";

    ProductFootprint withStatus(String newStatus) {
        return new ProductFootprint(id, specVersion, precedingPfIds, created, newStatus, validityPeriodStart, validityPeriodEnd,
                companyName, companyIds, productDescription, productIds, productClassifications, productNameCompany, comment, pcf);
    }

    /** The same content as another version: id, creation, predecessors and status set. */
    ProductFootprint asVersion(String newId, String newCreated, List<String> preceding) {
        return new ProductFootprint(newId, specVersion, preceding == null || preceding.isEmpty() ? null : preceding, newCreated, ACTIVE,
                validityPeriodStart, validityPeriodEnd, companyName, companyIds, productDescription, productIds, productClassifications,
                productNameCompany, comment, pcf);
    }

    /** What the footprint says, without what tells versions apart (id, created, predecessors, status). */
    ProductFootprint content() {
        return new ProductFootprint(null, specVersion, null, null, null, validityPeriodStart, validityPeriodEnd, companyName, companyIds,
                productDescription, productIds, productClassifications, productNameCompany, comment, pcf);
    }

    /** The CarbonFootprint: figures per declared unit; those this host cannot know are left out (PACT: blank if unknown). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CarbonFootprint(String declaredUnitOfMeasurement, String declaredUnitAmount, String productMassPerDeclaredUnit,
                           String referencePeriodStart, String referencePeriodEnd, String geographyRegionOrSubregion,
                           String geographyCountry, String geographyCountrySubdivision, String boundaryProcessesDescription,
                           String pcfExcludingBiogenicUptake, String pcfIncludingBiogenicUptake, String fossilCarbonContent,
                           String fossilGhgEmissions, Boolean packagingEmissionsIncluded, Boolean ccsTechnologicalCO2CaptureIncluded,
                           List<String> ipccCharacterizationFactors, List<String> crossSectoralStandards,
                           String exemptedEmissionsPercent, String exemptedEmissionsDescription, String allocationRulesDescription,
                           String primaryDataShare) {
    }
}
