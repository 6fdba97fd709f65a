package org.symbiosiskb.calculator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.symbiosiskb.exchange.Documents.parse;
import static org.symbiosiskb.exchange.Documents.records;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.symbiosiskb.support.Http;
import org.symbiosiskb.support.KbTest;
import tools.jackson.databind.JsonNode;

/**
 * The calculator over real HTTP against a real Neo4j (docs/calculator.md): activity lines and factors in the
 * exchange document and the mutations, the calculated emission records written in the same transaction, the
 * inventory, units, scope 2 both ways, recalculation when a factor changes (also another partner's records) and the
 * refusals. Every figure is worked out by hand beside it.
 *
 * <pre>
 * fi:o operates fi:p (an E-PRTR facility: 2023 scope 1 REPORTED 50 t)
 * factor set fi:set "Test factors" 2023:
 *   fi:oil   FUEL_LIGHT_FUEL_OIL  0.0735 t/GJ   scope 1
 *   fi:grid  ELECTRICITY_GRID     0.000033 t/kWh scope 2
 *   fi:go    ELECTRICITY_RENEWABLE_GO 0 t/MWh   scope 2 (a guarantee of origin)
 *   fi:hgv   FREIGHT_ROAD_HGV_AVERAGE 0.00010163 t/tkm scope 3, category 4
 *   fi:landfill WASTE_LANDFILL_MIXED_COMMERCIAL 0.5205327 t/t scope 3, category 5
 * fi:p 2023: 10 MWh oil, 100 000 kWh grid with fi:go, 20 000 tkm HGV, 12 t to landfill
 * </pre>
 */
@KbTest
class CalculatorTest {

    static final double EPS = 1e-9;
    // 10 MWh = 36 GJ × 0.0735 = 2.646
    static final double OIL = 2.646;
    // 100 000 kWh × 0.000033 = 3.3
    static final double GRID = 3.3;
    // 20 000 tkm × 0.00010163 = 2.0326
    static final double HGV = 2.0326;
    // 12 t × 0.5205327 = 6.2463924
    static final double LANDFILL = 6.2463924;

    @LocalServerPort
    int port;
    @Autowired
    Neo4jClient neo4j;
    Http http;

    @BeforeEach
    void emptyDatabase() {
        neo4j.query("MATCH (n) DETACH DELETE n").run();
        http = new Http(port);
    }

    static Map<String, Object> document() {
        return parse("""
                {"format": "symbiosis-kb/1", "partner": "fi",
                 "networks": [{"id": "fi:climate", "name": "Climate partners", "scope": "REGIONAL"}],
                 "organizations": [{"id": "fi:o", "name": "O", "climatePartnerSince": 2020, "networks": ["fi:climate"]}],
                 "processes": [{"id": "fi:p", "name": "P", "operator": "fi:o", "eprtrId": "FI.0001"}],
                 "emissions": [{"process": "fi:p", "year": 2023, "scope": 1, "tCO2e": 50, "source": "ENERGY",
                                "provenance": {"kind": "REPORTED", "source": "E-PRTR 2023", "method": "MEASURED"}}],
                 "factorSets": [{"id": "fi:set", "name": "Test factors", "source": "Test publisher: test document", "year": 2023}],
                 "emissionFactors": [
                   {"id": "fi:oil", "factorSet": "fi:set", "activity": "FUEL_LIGHT_FUEL_OIL", "unit": "GJ", "tCO2ePerUnit": 0.0735, "scope": 1},
                   {"id": "fi:grid", "factorSet": "fi:set", "activity": "ELECTRICITY_GRID", "unit": "kWh", "tCO2ePerUnit": 0.000033, "scope": 2},
                   {"id": "fi:go", "factorSet": "fi:set", "activity": "ELECTRICITY_RENEWABLE_GO", "unit": "MWh", "tCO2ePerUnit": 0, "scope": 2},
                   {"id": "fi:hgv", "factorSet": "fi:set", "activity": "FREIGHT_ROAD_HGV_AVERAGE", "unit": "tkm", "tCO2ePerUnit": 0.00010163,
                    "scope": 3, "category": 4},
                   {"id": "fi:landfill", "factorSet": "fi:set", "activity": "WASTE_LANDFILL_MIXED_COMMERCIAL", "unit": "t",
                    "tCO2ePerUnit": 0.5205327, "scope": 3, "category": 5}],
                 "activities": [
                   {"id": "fi:a-oil", "process": "fi:p", "year": 2023, "factor": "fi:oil", "quantity": 10, "unit": "MWh"},
                   {"id": "fi:a-el", "process": "fi:p", "year": 2023, "factor": "fi:grid", "quantity": 100000, "unit": "kWh", "marketFactor": "fi:go"},
                   {"id": "fi:a-hgv", "process": "fi:p", "year": 2023, "factor": "fi:hgv", "quantity": 20000, "unit": "tkm"},
                   {"id": "fi:a-waste", "process": "fi:p", "year": 2023, "factor": "fi:landfill", "quantity": 12, "unit": "t"}]}
                """);
    }

    JsonNode load(Map<String, Object> doc) {
        var response = http.post("/api/v1/datasets", doc);
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        return response.body();
    }

    JsonNode data(String query) {
        var response = http.graphql(query);
        assertThat(response.body().get("errors")).as(response.raw()).isNull();
        return response.body().get("data");
    }

    JsonNode errors(String query) {
        var response = http.graphql(query);
        assertThat(response.body().get("errors")).as(response.raw()).isNotNull();
        return response.body().get("errors");
    }

    /** CALCULATED records of fi:p in 2023 by their key, as the store holds them. */
    Map<String, Double> calculated(String process) {
        var byKey = new LinkedHashMap<String, Double>();
        neo4j.query("""
                MATCH (:Process {id: $p})-[:REPORTED]->(e:Emission {provenance: 'CALCULATED'}) RETURN e.id AS id, e.tCO2e AS t ORDER BY id""")
                .bind(process).to("p").fetch().all().forEach(r -> byKey.put((String) r.get("id"), (Double) r.get("t")));
        return byKey;
    }

    static final String INVENTORY = """
            { ghgInventory(organizationId: "fi:o", year: 2023) {
                organization { id } year scope1 scope2LocationBased scope2MarketBased marketBasedComplete scope3
                byCategory { category tCO2e } totalLocationBased totalMarketBased biogenicCO2 reportedScope1 withheld
                lines { activity { id } process { id } factor { id factorSet { name source } } marketFactor { id } quantity unit
                        quantityInFactorUnit tCO2e marketBasedTCO2e scope category source } } }""";

    @Test
    void activities_are_calculated_into_emission_records_in_the_same_write() {
        var result = load(document());
        // 1 network + 1 organization + 1 process + 1 emission + 1 set + 5 factors + 4 activities
        assertThat(result.get("created").asInt()).isEqualTo(14);

        assertThat(calculated("fi:p")).containsOnlyKeys("fi:p@2023/1/-/ENERGY/CALCULATED", "fi:p@2023/2/-/ENERGY/CALCULATED",
                "fi:p@2023/3/4/LOGISTICS/CALCULATED", "fi:p@2023/3/5/LANDFILL/CALCULATED");
        var records = calculated("fi:p");
        assertThat(records.get("fi:p@2023/1/-/ENERGY/CALCULATED")).isCloseTo(OIL, within(EPS));
        assertThat(records.get("fi:p@2023/2/-/ENERGY/CALCULATED")).as("location-based").isCloseTo(GRID, within(EPS));
        assertThat(records.get("fi:p@2023/3/4/LOGISTICS/CALCULATED")).isCloseTo(HGV, within(EPS));
        assertThat(records.get("fi:p@2023/3/5/LANDFILL/CALCULATED")).isCloseTo(LANDFILL, within(EPS));

        var emissions = data("""
                { process(id: "fi:p") { emissions { scope tCO2e counted provenance { kind source } derivation {
                    activity { id } factor { id } quantity unit quantityInFactorUnit tCO2e } } } }""").get("process").get("emissions");
        var byKind = new LinkedHashMap<String, JsonNode>();
        emissions.forEach(e -> { if (e.get("scope").asInt() == 1) byKind.put(e.get("provenance").get("kind").asString(), e); });
        // the reported figure stays beside the calculated one, and counts (REPORTED before CALCULATED)
        assertThat(byKind.get("REPORTED").get("tCO2e").asDouble()).isEqualTo(50);
        assertThat(byKind.get("REPORTED").get("counted").asBoolean()).isTrue();
        assertThat(byKind.get("REPORTED").get("derivation")).isEmpty();
        JsonNode calculated = byKind.get("CALCULATED");
        assertThat(calculated.get("counted").asBoolean()).isFalse();
        assertThat(calculated.get("provenance").get("source").asString()).isEqualTo("Test factors 2023");
        JsonNode line = calculated.get("derivation").get(0);
        assertThat(line.get("activity").get("id").asString()).isEqualTo("fi:a-oil");
        assertThat(line.get("factor").get("id").asString()).isEqualTo("fi:oil");
        assertThat(line.get("quantity").asDouble()).isEqualTo(10);
        assertThat(line.get("unit").asString()).isEqualTo("MWh");
        assertThat(line.get("quantityInFactorUnit").asDouble()).isCloseTo(36, within(EPS));
        assertThat(line.get("tCO2e").asDouble()).isCloseTo(OIL, within(EPS));
    }

    @Test
    void the_inventory_adds_up_the_scopes_both_scope_2_bases_and_the_categories() {
        load(document());
        JsonNode inventory = data(INVENTORY).get("ghgInventory");
        assertThat(inventory.get("scope1").asDouble()).isCloseTo(OIL, within(EPS));
        // location-based 3.3; market-based with the guarantee of origin: 100 000 kWh = 100 MWh × 0 = 0
        assertThat(inventory.get("scope2LocationBased").asDouble()).isCloseTo(GRID, within(EPS));
        assertThat(inventory.get("scope2MarketBased").asDouble()).isEqualTo(0.0);
        assertThat(inventory.get("marketBasedComplete").asBoolean()).isTrue();
        // 2.0326 + 6.2463924 = 8.2789924
        assertThat(inventory.get("scope3").asDouble()).isCloseTo(HGV + LANDFILL, within(EPS));
        assertThat(inventory.get("byCategory").get(0).get("category").asInt()).isEqualTo(4);
        assertThat(inventory.get("byCategory").get(0).get("tCO2e").asDouble()).isCloseTo(HGV, within(EPS));
        assertThat(inventory.get("byCategory").get(1).get("category").asInt()).isEqualTo(5);
        assertThat(inventory.get("byCategory").get(1).get("tCO2e").asDouble()).isCloseTo(LANDFILL, within(EPS));
        // 2.646 + 3.3 + 8.2789924 = 14.2249924; market-based 2.646 + 0 + 8.2789924 = 10.9249924
        assertThat(inventory.get("totalLocationBased").asDouble()).isCloseTo(14.2249924, within(EPS));
        assertThat(inventory.get("totalMarketBased").asDouble()).isCloseTo(10.9249924, within(EPS));
        assertThat(inventory.get("biogenicCO2").asDouble()).isEqualTo(0.0);
        assertThat(inventory.get("reportedScope1").asDouble()).as("the register's figure beside the calculated one").isEqualTo(50);
        assertThat(inventory.get("withheld").asBoolean()).isFalse();
        JsonNode oil = inventory.get("lines").get(1); // lines in process and activity id order: a-el, a-hgv, a-oil, a-waste
        assertThat(oil.get("activity").get("id").asString()).isEqualTo("fi:a-hgv");
        JsonNode fuel = inventory.get("lines").get(2);
        assertThat(fuel.get("activity").get("id").asString()).isEqualTo("fi:a-oil");
        assertThat(fuel.get("quantity").asDouble()).isEqualTo(10);
        assertThat(fuel.get("unit").asString()).isEqualTo("MWh");
        assertThat(fuel.get("quantityInFactorUnit").asDouble()).isCloseTo(36, within(EPS));
        assertThat(fuel.get("tCO2e").asDouble()).isCloseTo(OIL, within(EPS));
        assertThat(fuel.get("factor").get("factorSet").get("source").asString()).isEqualTo("Test publisher: test document");
        assertThat(fuel.get("source").asString()).isEqualTo("ENERGY");
        JsonNode electricity = inventory.get("lines").get(0);
        assertThat(electricity.get("marketFactor").get("id").asString()).isEqualTo("fi:go");
        assertThat(electricity.get("marketBasedTCO2e").asDouble()).isEqualTo(0.0);
        assertThat(electricity.get("tCO2e").asDouble()).isCloseTo(GRID, within(EPS));
    }

    @Test
    void a_scope_2_line_without_a_market_factor_makes_the_market_based_total_incomplete() {
        load(document());
        data("""
                mutation { setActivity(input: {id: "fi:a-el-2", process: "fi:p", year: 2023, factor: "fi:grid", quantity: 50000, unit: kWh}) {
                  id quantity } }""");
        JsonNode inventory = data(INVENTORY).get("ghgInventory");
        // location-based 3.3 + 50 000 × 0.000033 = 3.3 + 1.65 = 4.95; market-based 0 + 1.65 (the location-based figure stands in)
        assertThat(inventory.get("scope2LocationBased").asDouble()).isCloseTo(4.95, within(EPS));
        assertThat(inventory.get("scope2MarketBased").asDouble()).isCloseTo(1.65, within(EPS));
        assertThat(inventory.get("marketBasedComplete").asBoolean()).isFalse();
        // the scope-2 record (location-based) follows in the same write: 4.95
        assertThat(calculated("fi:p").get("fi:p@2023/2/-/ENERGY/CALCULATED")).isCloseTo(4.95, within(EPS));
    }

    @Test
    void a_unit_of_another_dimension_is_refused_naming_the_unit_and_nothing_is_written() {
        load(document());
        JsonNode error = errors("""
                mutation { setActivity(input: {id: "fi:a-oil-2", process: "fi:p", year: 2023, factor: "fi:oil", quantity: 800, unit: kg}) { id } }""")
                .get(0);
        assertThat(error.get("extensions").get("classification").asString()).isEqualTo("BAD_REQUEST");
        assertThat(error.get("extensions").get("problems").get(0).get("field").asString()).isEqualTo("input.unit");
        assertThat(error.get("message").asString()).contains("kg cannot be converted to GJ, the unit of factor fi:oil");

        var doc = document();
        records(doc, "activities").get(2).put("unit", "km"); // 20 000 km against a factor per tkm
        for (String dryRun : List.of("?dryRun=true", "")) {
            var response = http.post("/api/v1/datasets" + dryRun, doc);
            assertThat(response.status()).isEqualTo(422);
            assertThat(response.body().get("errors").get(0).get("pointer").asString()).isEqualTo("/activities/2/unit");
            assertThat(response.body().get("errors").get(0).get("message").asString()).contains("km cannot be converted to tkm");
        }
        assertThat(neo4j.query("MATCH (a:Activity {id: 'fi:a-oil-2'}) RETURN count(a)").fetchAs(Long.class).one()).hasValue(0L);
        assertThat(calculated("fi:p")).hasSize(4);
    }

    @Test
    void a_market_factor_is_for_scope_2_lines_only_and_is_itself_a_scope_2_factor() {
        load(document());
        JsonNode onFuel = errors("""
                mutation { setActivity(input: {id: "fi:a-oil", process: "fi:p", year: 2023, factor: "fi:oil", quantity: 10, unit: MWh,
                  marketFactor: "fi:go"}) { id } }""").get(0);
        assertThat(onFuel.get("extensions").get("problems").get(0).get("field").asString()).isEqualTo("input.marketFactor");
        assertThat(onFuel.get("message").asString()).contains("only for scope 2 activities; fi:oil is a scope 1 factor");
        JsonNode notScope2 = errors("""
                mutation { setActivity(input: {id: "fi:a-el", process: "fi:p", year: 2023, factor: "fi:grid", quantity: 10, unit: kWh,
                  marketFactor: "fi:hgv"}) { id } }""").get(0);
        assertThat(notScope2.get("message").asString()).contains("fi:hgv is a scope 3 factor");
    }

    @Test
    void a_factor_change_recalculates_every_record_that_uses_it_and_the_reported_ones_stay() {
        load(document());
        // Sweden's process uses Finland's oil factor: 5 GJ × 0.0735 = 0.3675
        load(parse("""
                {"format": "symbiosis-kb/1", "partner": "se",
                 "organizations": [{"id": "se:o", "name": "Swedish O"}],
                 "processes": [{"id": "se:p", "name": "Swedish P", "operator": "se:o"}],
                 "activities": [{"id": "se:a-oil", "process": "se:p", "year": 2023, "factor": "fi:oil", "quantity": 5, "unit": "GJ"}]}"""));
        assertThat(calculated("se:p").get("se:p@2023/1/-/ENERGY/CALCULATED")).isCloseTo(0.3675, within(EPS));

        data("""
                mutation { setEmissionFactor(input: {id: "fi:oil", factorSet: "fi:set", activity: "FUEL_LIGHT_FUEL_OIL", unit: GJ,
                  tCO2ePerUnit: 0.08, scope: 1}) { id tCO2ePerUnit } }""");
        // Finland: 36 GJ × 0.08 = 2.88; Sweden, who chose to follow the factor by naming it: 5 × 0.08 = 0.4
        assertThat(calculated("fi:p").get("fi:p@2023/1/-/ENERGY/CALCULATED")).isCloseTo(2.88, within(EPS));
        assertThat(calculated("se:p").get("se:p@2023/1/-/ENERGY/CALCULATED")).isCloseTo(0.4, within(EPS));
        // the reported record is another key and is not touched
        assertThat(neo4j.query("MATCH (e:Emission {id: 'fi:p@2023/1/-/ENERGY/REPORTED'}) RETURN e.tCO2e").fetchAs(Double.class).one())
                .hasValue(50.0);
        // a factor set's new name reaches the records' provenance
        data("mutation { updateFactorSet(input: {id: \"fi:set\", name: \"Renamed factors\"}) { id } }");
        assertThat(neo4j.query("MATCH (e:Emission {id: 'se:p@2023/1/-/ENERGY/CALCULATED'}) RETURN e.provenanceSource")
                .fetchAs(String.class).one()).hasValue("Renamed factors 2023");
    }

    @Test
    void a_factor_change_that_no_longer_fits_the_lines_using_it_is_refused() {
        load(document());
        JsonNode error = errors("""
                mutation { setEmissionFactor(input: {id: "fi:oil", factorSet: "fi:set", activity: "FUEL_LIGHT_FUEL_OIL", unit: l,
                  tCO2ePerUnit: 0.0027, scope: 1}) { id } }""").get(0);
        assertThat(error.get("extensions").get("problems").get(0).get("field").asString()).isEqualTo("input.unit");
        assertThat(error.get("message").asString()).contains("fi:a-oil (MWh)");
        JsonNode scope = errors("""
                mutation { setEmissionFactor(input: {id: "fi:go", factorSet: "fi:set", activity: "ELECTRICITY_RENEWABLE_GO", unit: MWh,
                  tCO2ePerUnit: 0, scope: 1}) { id } }""").get(0);
        assertThat(scope.get("message").asString()).contains("is used with a market-based factor by fi:a-el, so it stays a scope 2 factor");
    }

    @Test
    void moving_and_deleting_activity_lines_recalculates_the_years_they_leave() {
        load(document());
        data("""
                mutation { setActivity(input: {id: "fi:a-oil", process: "fi:p", year: 2024, factor: "fi:oil", quantity: 10, unit: MWh}) { id } }""");
        // 2023 keeps no scope-1 calculated record, 2024 gets 2.646
        assertThat(calculated("fi:p")).doesNotContainKey("fi:p@2023/1/-/ENERGY/CALCULATED");
        assertThat(calculated("fi:p").get("fi:p@2024/1/-/ENERGY/CALCULATED")).isCloseTo(OIL, within(EPS));
        data("mutation { deleteActivity(id: \"fi:a-oil\") { deleted } }");
        assertThat(calculated("fi:p")).doesNotContainKey("fi:p@2024/1/-/ENERGY/CALCULATED").hasSize(3);
    }

    @Test
    void calculated_records_are_derived_not_stated_and_round_trip_from_their_activities() {
        load(document());
        var exported = http.get("/api/v1/datasets/fi").body();
        assertThat(exported.get("activities")).hasSize(4);
        assertThat(exported.get("emissionFactors")).hasSize(5);
        assertThat(exported.get("factorSets")).hasSize(1);
        // only the reported record travels; the calculated ones are derived wherever the activities are
        assertThat(exported.get("emissions")).hasSize(1);
        assertThat(exported.get("organizations").get(0).get("networks").get(0).asString()).isEqualTo("fi:climate");

        neo4j.query("MATCH (n) DETACH DELETE n").run();
        load(parse(exported.toString()));
        assertThat(calculated("fi:p")).hasSize(4);
        assertThat(calculated("fi:p").get("fi:p@2023/3/5/LANDFILL/CALCULATED")).isCloseTo(LANDFILL, within(EPS));
        var again = load(parse(exported.toString()));
        // 1 network + 1 organization + 1 process + 1 emission + 1 set + 5 factors + 4 activities, all unchanged
        assertThat(again.get("unchanged").asInt()).isEqualTo(14);
        assertThat(http.get("/api/v1/datasets/fi").body()).isEqualTo(exported);

        // stating a CALCULATED record where activity data is, or deleting a calculated one, is refused
        var stated = parse("""
                {"format": "symbiosis-kb/1", "partner": "fi", "emissions": [
                  {"process": "fi:p", "year": 2023, "scope": 1, "tCO2e": 9, "source": "ENERGY", "provenance": {"kind": "CALCULATED"}}]}""");
        var response = http.post("/api/v1/datasets", stated);
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.body().get("errors").get(0).get("pointer").asString()).isEqualTo("/emissions/0/provenance");
        assertThat(errors("""
                mutation { deleteEmission(key: {process: "fi:p", year: 2023, scope: 1, source: ENERGY, provenance: CALCULATED}) { deleted } }""")
                .get(0).get("message").asString()).contains("is calculated from activity data");
    }

    @Test
    void activities_are_refused_where_calculated_records_were_stated_by_hand() {
        var doc = document();
        var activities = records(doc, "activities");
        doc.remove("activities");
        records(doc, "emissions").add(parse("""
                {"process": "fi:p", "year": 2023, "scope": 2, "tCO2e": 7, "provenance": {"kind": "CALCULATED", "source": "a consultant"}}"""));
        load(doc);
        var more = parse("""
                {"format": "symbiosis-kb/1", "partner": "fi"}""");
        more.put("activities", activities);
        var response = http.post("/api/v1/datasets", more);
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.body().get("errors").get(0).get("pointer").asString()).isEqualTo("/activities/0/year");
        assertThat(response.body().get("errors").get(0).get("message").asString()).contains("fi:p@2023/2/-/-/CALCULATED");
        // deleting the stated record in the same document lets the calculation take over
        records(more, "emissions").add(parse("""
                {"process": "fi:p", "year": 2023, "scope": 2, "provenance": {"kind": "CALCULATED"}, "deleted": true}"""));
        load(more);
        assertThat(calculated("fi:p")).hasSize(4).doesNotContainKey("fi:p@2023/2/-/-/CALCULATED");
    }

    @Test
    void an_emission_factor_belongs_to_its_sets_owner_and_an_activity_to_its_process_owner() {
        load(document());
        var doc = parse("""
                {"format": "symbiosis-kb/1", "partner": "se",
                 "emissionFactors": [{"id": "se:f", "factorSet": "fi:set", "activity": "FUEL_X", "unit": "t", "tCO2ePerUnit": 1, "scope": 1}],
                 "activities": [{"id": "se:a", "process": "fi:p", "year": 2023, "factor": "fi:oil", "quantity": 1, "unit": "GJ"}]}""");
        var response = http.post("/api/v1/datasets", doc);
        assertThat(response.status()).isEqualTo(422);
        var pointers = new ArrayList<String>();
        response.body().get("errors").forEach(e -> pointers.add(e.get("pointer").asString()));
        assertThat(pointers).containsExactlyInAnyOrder("/emissionFactors/0/factorSet", "/activities/0/process");
        // a scope 3 factor names its category
        var noCategory = parse("""
                {"format": "symbiosis-kb/1", "partner": "fi",
                 "emissionFactors": [{"id": "fi:f3", "factorSet": "fi:set", "activity": "SPEND_STEEL", "unit": "EUR", "tCO2ePerUnit": 0.001, "scope": 3}]}""");
        response = http.post("/api/v1/datasets", noCategory);
        assertThat(response.body().get("errors").get(0).get("pointer").asString()).isEqualTo("/emissionFactors/0/category");
    }

    @Test
    void the_indicator_counts_climate_partners_by_their_year_and_reporting_ones_by_their_activity_lines() {
        load(document());
        load(parse("""
                {"format": "symbiosis-kb/1", "partner": "fi",
                 "organizations": [
                   {"id": "fi:o2", "name": "Partner since 2021, no lines", "climatePartnerSince": 2021, "networks": ["fi:climate"]},
                   {"id": "fi:o3", "name": "Partner since 2024, lines for 2023", "climatePartnerSince": 2024, "networks": ["fi:climate"]},
                   {"id": "fi:o4", "name": "Member, never a climate partner", "networks": ["fi:climate"]},
                   {"id": "fi:o5", "name": "Climate partner of no network here", "climatePartnerSince": 2019}],
                 "processes": [{"id": "fi:p3", "name": "P3", "operator": "fi:o3"}],
                 "activities": [{"id": "fi:a3", "process": "fi:p3", "year": 2023, "factor": "fi:oil", "quantity": 1, "unit": "GJ"}]}"""));
        String query = "query($y: Int!) { climatePartnerIndicator(networkId: \"fi:climate\", year: $y) { network { id } year partners reporting reportingShare totalTCO2e withheld } }";
        JsonNode y2023 = http.graphql(query, Map.of("y", 2023)).body().get("data").get("climatePartnerIndicator");
        // partners in 2023: fi:o (2020) and fi:o2 (2021); fi:o3 joins in 2024, fi:o4 has no year, fi:o5 is no member
        assertThat(y2023.get("partners").asInt()).isEqualTo(2);
        // reporting: fi:o entered lines for 2023 (fi:o3's lines count only once it is a partner)
        assertThat(y2023.get("reporting").asInt()).isEqualTo(1);
        assertThat(y2023.get("reportingShare").asDouble()).isEqualTo(0.5);
        // fi:o's location-based total: 2.646 + 3.3 + 8.2789924 = 14.2249924
        assertThat(y2023.get("totalTCO2e").asDouble()).isCloseTo(14.2249924, within(EPS));
        assertThat(y2023.get("withheld").asBoolean()).isFalse();
        JsonNode y2024 = http.graphql(query, Map.of("y", 2024)).body().get("data").get("climatePartnerIndicator");
        // 2024: fi:o, fi:o2, fi:o3 are partners; nobody entered lines for 2024
        assertThat(y2024.get("partners").asInt()).isEqualTo(3);
        assertThat(y2024.get("reporting").asInt()).isZero();
        assertThat(y2024.get("reportingShare").asDouble()).isZero();
        assertThat(y2024.get("totalTCO2e").asDouble()).isZero();
        JsonNode y2019 = http.graphql(query, Map.of("y", 2019)).body().get("data").get("climatePartnerIndicator");
        assertThat(y2019.get("partners").asInt()).isZero();
        assertThat(y2019.get("reportingShare").asDouble()).as("no partners: no share of nothing").isZero();
    }

    @Test
    void joining_another_partners_network_waits_for_its_consent() {
        load(document());
        load(parse("""
                {"format": "symbiosis-kb/1", "partner": "se",
                 "organizations": [{"id": "se:o", "name": "Swedish member", "climatePartnerSince": 2020, "networks": ["fi:climate"]}]}"""));
        String query = "{ climatePartnerIndicator(networkId: \"fi:climate\", year: 2023) { partners } network(id: \"fi:climate\") { organizations { id } } }";
        assertThat(data(query).get("climatePartnerIndicator").get("partners").asInt()).as("only fi:o until Finland agrees").isEqualTo(1);
        assertThat(data("{ consentRequests(partner: \"fi\") { record link target } }").get("consentRequests").toString())
                .contains("se:o").contains("MEMBER_OF").contains("fi:climate");
        data("mutation { setConsent(input: {partner: \"fi\", record: \"se:o\", decision: ACCEPTED}) { current } }");
        JsonNode after = data(query);
        assertThat(after.get("climatePartnerIndicator").get("partners").asInt()).isEqualTo(2);
        assertThat(after.get("network").get("organizations").toString()).contains("se:o");
    }

    @Test
    void the_cypher_procedure_and_a_plain_query_over_the_calculated_records_agree_with_graphql() throws Exception {
        load(document());
        data("""
                mutation { setActivity(input: {id: "fi:a-el-2", process: "fi:p", year: 2023, factor: "fi:grid", quantity: 50000, unit: kWh}) { id } }""");
        JsonNode graphql = data(INVENTORY).get("ghgInventory");
        var procedure = neo4j.query("CALL kb.ghgInventory('fi:o', 2023) YIELD scope1, scope2LocationBased, scope2MarketBased, scope3, totalLocationBased, reportedScope1 RETURN *")
                .fetch().one().orElseThrow();
        for (String field : List.of("scope1", "scope2LocationBased", "scope2MarketBased", "scope3", "totalLocationBased", "reportedScope1")) {
            assertThat((Double) procedure.get(field)).as(field).isCloseTo(graphql.get(field).asDouble(), within(1e-12));
        }
        // cypher/examples.cypher, "an organization's inventory from its calculated records": the write path's records,
        // summed by scope, give the procedure's location-based figures
        String example = org.symbiosiskb.graph.ExamplesCypherTest.example("GHG inventory of an organization from its calculated records")
                .replace("'fi:savon-voima'", "'fi:o'");
        var plain = neo4j.query(example).fetch().one().orElseThrow();
        assertThat((Double) plain.get("scope1")).isCloseTo(graphql.get("scope1").asDouble(), within(1e-12));
        assertThat((Double) plain.get("scope2LocationBased")).isCloseTo(graphql.get("scope2LocationBased").asDouble(), within(1e-12));
        assertThat((Double) plain.get("scope3")).isCloseTo(graphql.get("scope3").asDouble(), within(1e-12));
        assertThat((Double) plain.get("reportedScope1")).isEqualTo(50.0);
    }
}
