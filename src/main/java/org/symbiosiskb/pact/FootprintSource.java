package org.symbiosiskb.pact;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Record;
import org.springframework.stereotype.Component;
import org.symbiosiskb.api.Ids;
import org.symbiosiskb.emissions.AnalyticsService;
import org.symbiosiskb.emissions.AnalyticsService.ProcessYear;
import org.symbiosiskb.graph.Cypher;

/**
 * Which footprints exist now, as PACT content (docs/partners.md, PACT; docs/pact.md):
 * <ul>
 * <li>a <b>computed</b> footprint for every process with {@code outputTonnes} and scope 1 or 2 emission records in
 * a year: the MASS trace per kilogram of its output ({@code kb.productFootprint});</li>
 * <li>a <b>published</b> footprint for every entry of a document's {@code footprints} whose side stream is in the
 * graph (its unit says the declared unit; a placeholder stream's footprint is its owner's to serve).</li>
 * </ul>
 * Read as the service itself: whom a footprint is shown to is decided when it is asked for ({@link FootprintAccess}).
 */
@Component
class FootprintSource {

    /** Processes with output and the years they have scope 1 or 2 records, with what a footprint says of them. */
    static final String PROCESSES = """
            MATCH (p:Process)-[:REPORTED]->(e:Emission)
            WHERE p.placeholder IS NULL AND p.outputTonnes > 0 AND e.scope <= 2
            WITH p, collect(DISTINCT e.year) AS years
            OPTIONAL MATCH (o:Organization)-[:OPERATES]->(p)
            WITH p, years, o, coalesce(head([(p)-[:IN_PARK]->(k:Park) | k]), head([(o)-[:LOCATED_IN]->(k:Park) | k])) AS park
            RETURN p.id AS id, p.name AS name, p.mainProduct AS mainProduct, years, o.id AS operator, o.name AS operatorName,
                   o.businessId AS businessId, park.country AS country, park.name AS park
            ORDER BY id""";

    /** Published footprints of the side streams in the graph, with their producer's operator and park. */
    static final String PUBLISHED = """
            MATCH (s:SideStream)-[:PUBLISHED]->(fp:Footprint)
            WHERE s.placeholder IS NULL AND fp.tCO2ePerUnit IS NOT NULL
            OPTIONAL MATCH (p:Process)-[:PRODUCES]->(s)
            OPTIONAL MATCH (o:Organization)-[:OPERATES]->(p)
            WITH s, fp, p, o, coalesce(head([(p)-[:IN_PARK]->(k:Park) | k]), head([(o)-[:LOCATED_IN]->(k:Park) | k])) AS park
            RETURN s.id AS id, s.name AS name, s.unit AS unit, s.ewc AS ewc, s.material AS material, fp.year AS year,
                   fp.tCO2ePerUnit AS perUnit, p.name AS producerName, o.id AS operator, o.name AS operatorName,
                   o.businessId AS businessId, park.country AS country
            ORDER BY id, year""";

    /** A footprint as it is now, before it is a version with an id. */
    record Current(String subject, String kind, String record, int year, ProductFootprint content) {
    }

    static final String COMPUTED = "COMPUTED";
    static final String PUBLISHED_KIND = "PUBLISHED";

    private final Cypher cypher;
    private final AnalyticsService analytics;
    private final PactProperties properties;

    FootprintSource(Cypher cypher, AnalyticsService analytics, PactProperties properties) {
        this.cypher = cypher.unguarded(); // the service's own bookkeeping; FootprintAccess decides what a caller sees
        this.analytics = analytics;
        this.properties = properties;
    }

    static String computedSubject(String process, int year) {
        return "process:" + process + "@" + year;
    }

    static String publishedSubject(String stream, int year) {
        return "stream:" + stream + "@" + year;
    }

    /** Every footprint as it is now, by subject. */
    Map<String, Current> all() {
        var result = new LinkedHashMap<String, Current>();
        computed().forEach(c -> result.put(c.subject(), c));
        published().forEach(c -> result.put(c.subject(), c));
        return result;
    }

    private record ProcessRow(String id, String name, String mainProduct, String operator, String operatorName, String businessId,
                              String country, String park) {
    }

    private List<Current> computed() {
        var processes = new LinkedHashMap<String, ProcessRow>();
        var pairs = new ArrayList<ProcessYear>();
        cypher.list(PROCESSES, Map.of(), r -> {
            var row = new ProcessRow(r.get("id").asString(), r.get("name").asString(r.get("id").asString()), str(r, "mainProduct"),
                    str(r, "operator"), str(r, "operatorName"), str(r, "businessId"), str(r, "country"), str(r, "park"));
            processes.put(row.id(), row);
            r.get("years").asList(v -> v.asInt()).forEach(y -> pairs.add(new ProcessYear(row.id(), y)));
            return row;
        });
        var result = new ArrayList<Current>();
        for (var figures : analytics.productFootprints(pairs)) {
            if (figures.perTonne() == null) {
                continue;
            }
            var p = processes.get(figures.process());
            result.add(new Current(computedSubject(p.id(), figures.year()), COMPUTED, p.id(), figures.year(), computed(p, figures)));
        }
        return result;
    }

    private ProductFootprint computed(ProcessRow p, AnalyticsService.ProductFootprint f) {
        double fossil = f.perTonne(); // t CO2e per t = kg CO2e per kg
        double biogenic = f.biogenicCO2PerTonne() == null ? 0 : f.biogenicCO2PerTonne();
        double pcf = fossil + biogenic;
        var comment = new StringBuilder("Computed by symbiosis-kb from its knowledge graph: the value-chain footprint of ")
                .append(p.name()).append(" (").append(p.id()).append(") in ").append(f.year())
                .append(" per kilogram of its output. pcfExcludingBiogenicUptake = fossilGhgEmissions (greenhouse gases in scopes 1 and 2, "
                        + "in t CO2e; biogenic methane in them is not told apart) + biogenic CO2 from biomass (")
                .append(Decimals.of(biogenic)).append(" kg CO2 per kg), which PACT counts among all biogenic emissions. "
                        + "biogenicCO2Uptake is not recorded, so pcfIncludingBiogenicUptake equals pcfExcludingBiogenicUptake; "
                        + "fossilCarbonContent is not recorded and given as 0.");
        if (f.primaryShareWithBiogenic() != null && f.primaryShareWithBiogenic() == 0) {
            comment.append(" Every emission figure behind it is ILLUSTRATIVE (assumed, no primary data).");
        }
        var carbon = carbon("kilogram", "1", p.country(), Decimals.of(pcf), Decimals.of(fossil),
                f.primaryShareWithBiogenic() == null ? null : Decimals.percent(f.primaryShareWithBiogenic()), f.year(),
                "Cradle to gate as far as the knowledge graph reaches: the scope 1 and 2 emissions of the process, the transport of the "
                        + "side streams it receives, and the burden those streams bring from their producers' own value chains (or the "
                        + "footprint their owner published). Inputs not recorded as flows are outside the boundary.",
                "Mass allocation (symbiosis-kb traceEmissions, allocation MASS): a producer's footprint is shared among its outputs by "
                        + "mass, a flow of m tonnes from a producer of outputTonnes T carrying m / T of it.");
        String product = p.mainProduct() == null ? "Output of " + p.name() : p.mainProduct();
        return new ProductFootprint(null, ProductFootprint.SPEC_VERSION, null, null, null, validityStart(f.year()), validityEnd(f.year()),
                p.operatorName() != null ? p.operatorName() : p.operator() != null ? p.operator() : p.id(),
                companyIds(p.operator(), p.businessId(), p.id()),
                "Main product of " + p.name() + (p.park() == null ? "" : " (" + p.park() + ")") + ": " + product,
                List.of(PactIds.product(p.id())), null, product, comment.toString(), carbon);
    }

    private List<Current> published() {
        return cypher.list(PUBLISHED, Map.of(), r -> {
            String id = r.get("id").asString();
            int year = r.get("year").asInt();
            double perUnit = r.get("perUnit").asDouble();
            boolean energy = "MWh".equals(str(r, "unit"));
            // t CO2e per t = kg CO2e per kg; t CO2e per MWh = kg CO2e per kWh
            String unit = energy ? "kilowatt hour" : "kilogram";
            String name = r.get("name").asString(id);
            String operator = str(r, "operator");
            String companyName = str(r, "operatorName") != null ? str(r, "operatorName") : "Partner " + Ids.partnerOf(id);
            var carbon = carbon(unit, energy ? "0" : "1", str(r, "country"), Decimals.of(perUnit), Decimals.of(perUnit), null, year,
                    "Cradle to gate of the side stream as its producer's owner computed it with its own trace and published it "
                            + "(symbiosis-kb exchange document, footprints).",
                    "Mass allocation (symbiosis-kb traceEmissions, allocation MASS), as published by the stream's owner.");
            var content = new ProductFootprint(null, ProductFootprint.SPEC_VERSION, null, null, null, validityStart(year), validityEnd(year),
                    companyName, operator == null ? List.of(PactIds.partner(Ids.partnerOf(id)))
                            : companyIds(operator, str(r, "businessId"), null),
                    "Side stream " + name + (str(r, "producerName") == null ? "" : " of " + str(r, "producerName"))
                            + (str(r, "material") == null ? "" : " (" + str(r, "material") + ")"),
                    List.of(PactIds.product(id)), str(r, "ewc") == null ? null : List.of(PactIds.ewc(str(r, "ewc"))), name,
                    "Published by its owner in a symbiosis-kb exchange document: " + Decimals.of(perUnit) + " t CO2e per "
                            + (energy ? "MWh" : "t") + " of " + id + " in " + year + " (greenhouse gases in the scopes; biogenic CO2 "
                            + "and the share of primary data are not published). fossilCarbonContent is not recorded and given as 0.",
                    carbon);
            return new Current(publishedSubject(id, year), PUBLISHED_KIND, id, year, content);
        });
    }

    /** The CarbonFootprint with the fields every footprint of this host fills the same way (docs/partners.md, PACT: fixed values). */
    private ProductFootprint.CarbonFootprint carbon(String unit, String massPerUnit, String country, String pcf, String fossil,
                                                    String primaryDataShare, int year, String boundary, String allocation) {
        return new ProductFootprint.CarbonFootprint(unit, "1", massPerUnit, referenceStart(year), referenceEnd(year), null,
                country != null && country.matches("[A-Z]{2}") ? country : null, null, boundary, pcf, pcf, "0", fossil, false, false,
                properties.ipccCharacterizationFactors(), List.of("GHGP-Product"), "0",
                "Nothing is exempted by rule; what the knowledge graph does not hold is outside the boundary (boundaryProcessesDescription).",
                allocation, primaryDataShare);
    }

    private static List<String> companyIds(String organization, String businessId, String fallback) {
        var ids = new ArrayList<String>();
        if (businessId != null && !businessId.isBlank()) {
            ids.add(PactIds.businessId(businessId));
        }
        ids.add(organization == null ? PactIds.company(fallback) : PactIds.company(organization));
        return ids;
    }

    static String referenceStart(int year) {
        return LocalDate.of(year, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant().toString();
    }

    /** PACT: the end is exclusive, so a calendar year ends at the start of the next. */
    static String referenceEnd(int year) {
        return referenceStart(year + 1);
    }

    /** Valid from the end of the reference period for the 3 years PACT allows at most. */
    static String validityStart(int year) {
        return referenceEnd(year);
    }

    static String validityEnd(int year) {
        return referenceStart(year + 4);
    }

    private static String str(Record r, String key) {
        return r.get(key).isNull() ? null : r.get(key).asString();
    }
}
