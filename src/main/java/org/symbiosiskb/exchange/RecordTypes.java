package org.symbiosiskb.exchange;

import static org.symbiosiskb.exchange.FieldKind.BOOLEAN;
import static org.symbiosiskb.exchange.FieldKind.COUNTRY;
import static org.symbiosiskb.exchange.FieldKind.EWC;
import static org.symbiosiskb.exchange.FieldKind.ID;
import static org.symbiosiskb.exchange.FieldKind.INTEGER;
import static org.symbiosiskb.exchange.FieldKind.NUMBER;
import static org.symbiosiskb.exchange.FieldKind.PARTNER;
import static org.symbiosiskb.exchange.FieldKind.RECORD_ID;
import static org.symbiosiskb.exchange.FieldKind.POINT;
import static org.symbiosiskb.exchange.FieldKind.PROVENANCE;
import static org.symbiosiskb.exchange.FieldKind.STRING;
import static org.symbiosiskb.exchange.FieldKind.YEAR;
import static org.symbiosiskb.exchange.FieldSpec.of;
import static org.symbiosiskb.exchange.FieldSpec.oneOf;
import static org.symbiosiskb.exchange.FieldSpec.ref;
import static org.symbiosiskb.exchange.FieldSpec.refs;
import static org.symbiosiskb.exchange.Ref.Gate.CONSENT;
import static org.symbiosiskb.exchange.Ref.Gate.NAMES;
import static org.symbiosiskb.exchange.Ref.Gate.OWN;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.symbiosiskb.analytics.Units;

/**
 * The exchange document {@code symbiosis-kb/1} (docs/spec/model.md), record type by record type: the one
 * description that parsing, validation, writing, export and the single-record mutations share,
 * so they cannot drift apart. Field order here is the order of the export.
 */
final class RecordTypes {

    static final String FORMAT = "symbiosis-kb/1";

    private RecordTypes() {
    }

    /** Fields every record may carry besides its own. {@code notes}: free text, e.g. where a figure comes from. */
    private static List<FieldSpec> withCommon(FieldSpec... own) {
        var all = new ArrayList<>(List.of(own));
        all.add(oneOf("visibility", "PUBLIC", "NETWORK", "PRIVATE"));
        all.add(of("notes", STRING));
        return List.copyOf(all);
    }

    static final RecordType NETWORKS = new RecordType("networks", "Network", withCommon(
            of("id", ID).mandatory(),
            of("name", STRING).mandatory(),
            oneOf("scope", "REGIONAL", "NATIONAL", "NORDIC", "INTERNATIONAL"),
            ref("coordinator", "Organization", "COORDINATES", false, NAMES)));

    static final RecordType PARKS = new RecordType("parks", "Park", withCommon(
            of("id", ID).mandatory(),
            of("name", STRING).mandatory(),
            of("location", POINT).mandatory(),
            of("municipality", STRING),
            of("country", COUNTRY),
            oneOf("origin", "SPONTANEOUS", "PLANNED", "PUBLIC_PRIVATE", "FORMER_LANDFILL", "ANCHOR_PLANT", "ACADEMIC"),
            of("areaHa", NUMBER).nonNegative(),
            of("founded", YEAR),
            ref("coordinator", "Organization", "COORDINATES", false, NAMES),
            refs("networks", "Network", "MEMBER_OF", true, CONSENT)));

    static final RecordType ORGANIZATIONS = new RecordType("organizations", "Organization", withCommon(
            of("id", ID).mandatory(),
            of("name", STRING).mandatory(),
            oneOf("kind", "COMPANY", "MUNICIPALITY", "UNIVERSITY", "ASSOCIATION", "DEVELOPMENT_COMPANY"),
            oneOf("role", "ANCHOR", "SME", "STARTUP", "SERVICE", "COORDINATOR"),
            of("businessId", STRING),
            of("nace", STRING),
            of("location", POINT),
            of("city", STRING),
            of("country", COUNTRY),
            of("climatePartnerSince", YEAR),
            ref("park", "Park", "LOCATED_IN", true, CONSENT),
            // a city's climate-partner network (docs/calculator.md); joining another partner's network waits for its consent
            refs("networks", "Network", "MEMBER_OF", true, CONSENT)));

    static final RecordType PROCESSES = new RecordType("processes", "Process", withCommon(
            of("id", ID).mandatory(),
            of("name", STRING).mandatory(),
            ref("operator", "Organization", "OPERATES", false, OWN).mandatory(),
            ref("park", "Park", "IN_PARK", true, CONSENT),
            of("location", POINT),
            of("outputTonnes", NUMBER).nonNegative(),
            of("mainProduct", STRING),
            // a facility of a pollutant release and transfer register (E-PRTR): its INSPIRE id, Annex I activity, where, and its state
            of("eprtrId", STRING),
            of("activityCode", STRING),
            of("activityName", STRING),
            of("city", STRING),
            of("country", COUNTRY),
            of("status", STRING)));

    static final RecordType EMISSIONS = new RecordType("emissions", "Emission", withCommon(
            ref("process", "Process", "REPORTED", false, OWN).mandatory(),
            of("year", YEAR).mandatory(),
            of("scope", INTEGER).mandatory().between(1, 3),
            of("tCO2e", NUMBER).mandatory().nonNegative(),
            of("category", INTEGER).between(1, 15),
            oneOf("source", "ENERGY", "PROCESS", "LOGISTICS", "LANDFILL", "OTHER"),
            // where the figure comes from (absent: read as ILLUSTRATIVE, Provenance), and biogenic CO2 beside the scopes
            of("provenance", PROVENANCE),
            of("biogenicCO2", NUMBER).nonNegative()));

    /**
     * A stream with a {@code year} is what was produced in that year (a register's waste transfers);
     * without one, what is produced in a typical year, every year.
     */
    /**
     * A pollutant a process released to air, water or land in a year, as a register reports it (E-PRTR
     * releases, kilograms); keyed like an emission by its fields: process, year, pollutant and medium.
     */
    static final RecordType RELEASES = new RecordType("releases", "Release", withCommon(
            ref("process", "Process", "RELEASED", false, OWN).mandatory(),
            of("year", YEAR).mandatory(),
            of("pollutant", STRING).mandatory(),
            of("pollutantName", STRING),
            oneOf("medium", "AIR", "WATER", "LAND").mandatory(),
            of("kg", NUMBER).mandatory().nonNegative(),
            of("accidentalKg", NUMBER).nonNegative(),
            oneOf("method", "MEASURED", "CALCULATED", "ESTIMATED")));

    static final RecordType SIDE_STREAMS = new RecordType("sideStreams", "SideStream", withCommon(
            of("id", ID).mandatory(),
            of("name", STRING).mandatory(),
            ref("producer", "Process", "PRODUCES", false, OWN).mandatory(),
            of("quantity", NUMBER).mandatory().positive(),
            oneOf("unit", "t", "MWh").mandatory(),
            of("ewc", EWC),
            of("material", STRING),
            of("allocationShare", NUMBER).between(0, 1),
            of("year", YEAR),
            of("hazardous", BOOLEAN),
            oneOf("treatment", "RECOVERY", "DISPOSAL")));

    static final RecordType NEEDS = new RecordType("needs", "Need", withCommon(
            of("id", ID).mandatory(),
            ref("process", "Process", "NEEDS", false, OWN).mandatory(),
            of("quantity", NUMBER).mandatory().positive(),
            oneOf("unit", "t", "MWh").mandatory(),
            of("ewc", EWC),
            of("material", STRING),
            of("maxDistanceKm", NUMBER).nonNegative()));

    static final RecordType CARBON_SINKS = new RecordType("carbonSinks", "CarbonSink", withCommon(
            of("id", ID).mandatory(),
            of("name", STRING).mandatory(),
            oneOf("kind", "FOREST", "WETLAND", "SOIL", "BIOCHAR", "MINERALISATION", "CCS", "OTHER").mandatory(),
            ref("owner", "Organization", "OWNS", false, OWN).mandatory(),
            of("location", POINT).mandatory(),
            of("tCO2ePerYear", NUMBER).mandatory().nonNegative(),
            ref("park", "Park", "IN_PARK", true, CONSENT),
            of("permanenceYears", NUMBER).nonNegative(),
            of("verification", STRING),
            of("activeFrom", YEAR),
            of("activeTo", YEAR)));

    static final RecordType OFFSET_AGREEMENTS = new RecordType("offsetAgreements", "OffsetAgreement", withCommon(
            of("id", ID).mandatory(),
            ref("buyer", "Organization", "BUYER", true, CONSENT).mandatory(),
            ref("sink", "CarbonSink", "FROM_SINK", true, CONSENT).mandatory(),
            of("tCO2ePerYear", NUMBER).mandatory().positive(),
            of("fromYear", YEAR).mandatory(),
            of("toYear", YEAR).mandatory(),
            oneOf("status", "PROPOSED", "ACTIVE", "ENDED").mandatory(),
            of("pricePerTonne", NUMBER).nonNegative()));

    /** A flow is the relationship {@code (:SideStream)-[:SUPPLIES]->(:Process)}; its two ends are its references. */
    static final RecordType FLOWS = new RecordType("flows", "SUPPLIES", withCommon(
            of("id", ID).mandatory(),
            ref("sideStream", "SideStream", "SUPPLIES", false, CONSENT).mandatory(),
            ref("consumer", "Process", "SUPPLIES", true, CONSENT).mandatory(),
            of("quantity", NUMBER).mandatory().positive(),
            oneOf("transportMode", "ROAD", "RAIL", "SEA", "PIPELINE"),
            of("distanceKm", NUMBER).nonNegative(),
            of("transportFactor", NUMBER).nonNegative(),
            of("substitutesFactor", NUMBER).nonNegative(),
            of("fromYear", YEAR),
            of("toYear", YEAR)));

    /** A park's carbon roadmap (docs/spec/model.md): the base year its targets and measures count from. */
    static final RecordType ROADMAPS = new RecordType("roadmaps", "Roadmap", withCommon(
            of("id", ID).mandatory(),
            of("name", STRING).mandatory(),
            ref("park", "Park", "FOR_PARK", true, NAMES).mandatory(),
            of("baseYear", YEAR).mandatory(),
            of("discountRate", NUMBER).between(0, 1)));

    /** Keyed by roadmap and year, like an emission by its fields; exactly one of maxNet and reductionPercent (RoadmapRules). */
    static final RecordType TARGETS = new RecordType("targets", "Target", withCommon(
            ref("roadmap", "Roadmap", "HAS_TARGET", false, OWN).mandatory(),
            of("year", YEAR).mandatory(),
            of("maxNet", NUMBER),
            of("reductionPercent", NUMBER).nonNegative()));

    /** Which fields a measure needs depends on its kind (RoadmapRules). */
    static final RecordType MEASURES = new RecordType("measures", "Measure", withCommon(
            of("id", ID).mandatory(),
            ref("roadmap", "Roadmap", "HAS_MEASURE", false, OWN).mandatory(),
            of("name", STRING).mandatory(),
            oneOf("kind", RoadmapRules.KINDS.toArray(String[]::new)).mandatory(),
            of("startYear", YEAR).mandatory(),
            of("lifetimeYears", INTEGER).between(1, 200),
            of("capexEUR", NUMBER).nonNegative(),
            of("opexEURPerYear", NUMBER),
            oneOf("status", "PLANNED", "DONE", "DROPPED"),
            ref("process", "Process", "CUTS", true, NAMES),
            of("tCO2ePerYear", NUMBER).nonNegative(),
            ref("sideStream", "SideStream", "FLOW_FROM", true, NAMES),
            ref("consumer", "Process", "FLOW_TO", true, NAMES),
            of("quantity", NUMBER).positive(),
            of("substitutesFactor", NUMBER).nonNegative(),
            oneOf("transportMode", "ROAD", "RAIL", "SEA", "PIPELINE"),
            of("distanceKm", NUMBER).nonNegative(),
            of("transportFactor", NUMBER).nonNegative()));

    /**
     * A versioned set of emission factors (docs/calculator.md): a publisher's (the sets shipped as partner kb) or a
     * partner's own (a supplier-specific district-heat factor). {@code source} is the publisher and document, so a
     * factor set's node keeps no owner in {@code source} (its id says the owner, as for every record).
     */
    static final RecordType FACTOR_SETS = new RecordType("factorSets", "FactorSet", withCommon(
            of("id", ID).mandatory(),
            of("name", STRING).mandatory(),
            of("source", STRING).mandatory(),
            of("year", YEAR).mandatory()));

    /** One factor of a set: t CO2e (and biogenic CO2) per unit of an activity, in a scope (and scope-3 category). */
    static final RecordType EMISSION_FACTORS = new RecordType("emissionFactors", "EmissionFactor", withCommon(
            of("id", ID).mandatory(),
            ref("factorSet", "FactorSet", "HAS_FACTOR", false, OWN).mandatory(),
            of("activity", STRING).mandatory(),
            // what a person calls it: "Freighting goods > HGV (all diesel) > All HGVs > Average laden"
            of("name", STRING),
            oneOf("unit", Units.ALL.toArray(String[]::new)).mandatory(),
            of("tCO2ePerUnit", NUMBER).mandatory().nonNegative(),
            of("scope", INTEGER).mandatory().between(1, 3),
            of("category", INTEGER).between(1, 15),
            of("biogenicCO2PerUnit", NUMBER).nonNegative()));

    /**
     * One line of a company's yearly activity data: its process's owner's (OWN); it may use any partner's factor
     * (NAMES). Its emission records are calculated in the write path (Derivation).
     */
    static final RecordType ACTIVITIES = new RecordType("activities", "Activity", withCommon(
            of("id", ID).mandatory(),
            ref("process", "Process", "HAS_ACTIVITY", false, OWN).mandatory(),
            of("year", YEAR).mandatory(),
            ref("factor", "EmissionFactor", "USES_FACTOR", true, NAMES).mandatory(),
            of("quantity", NUMBER).mandatory().nonNegative(),
            oneOf("unit", Units.ALL.toArray(String[]::new)).mandatory(),
            ref("marketFactor", "EmissionFactor", "MARKET_FACTOR", true, NAMES)));

    /**
     * A partner's consent to another partner's record that puts that record into its figures (docs/partners.md,
     * "Consent"): its process in our park, its flow from our stream, its agreement on our sink. Keyed by the
     * consenting partner and the record; {@code terms} pins what was accepted (Consents.terms), so a later
     * change of the record's terms needs consent again. ENDED ends the link for good.
     */
    static final RecordType CONSENTS = new RecordType("consents", "Consent", withCommon(
            of("partner", PARTNER).mandatory(),
            of("record", RECORD_ID).mandatory(),
            oneOf("decision", "ACCEPTED", "ENDED").mandatory(),
            of("terms", STRING)));

    /** In the order records are written, whatever their order in the file. */
    static final List<RecordType> ALL = List.of(NETWORKS, PARKS, ORGANIZATIONS, PROCESSES, EMISSIONS, RELEASES,
            SIDE_STREAMS, NEEDS, CARBON_SINKS, OFFSET_AGREEMENTS, FLOWS, ROADMAPS, TARGETS, MEASURES, FACTOR_SETS, EMISSION_FACTORS,
            ACTIVITIES, CONSENTS);

    static Optional<RecordType> byArray(String array) {
        return ALL.stream().filter(t -> t.array().equals(array)).findFirst();
    }

    static Optional<RecordType> byLabel(String label) {
        return ALL.stream().filter(t -> t.label().equals(label)).findFirst();
    }

    /** The field marking a record for deletion: {@code {"id": "fi:x", "deleted": true}}. */
    static final FieldSpec DELETED = of("deleted", BOOLEAN);
}
