package org.symbiosiskb.calculator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.symbiosiskb.support.Http;
import org.symbiosiskb.support.PartnersTest;
import tools.jackson.databind.JsonNode;

/**
 * Another partner's private activity lines through every calculator answer (the disclosure rule, docs/partners.md "What an
 * answer shows"): Finland ({@code kfi}) runs Joensuu-like climate-partner network kfi:net; Sweden ({@code kse}) is a
 * member whose activity line kse:a1 is PRIVATE. The private figures are distinctive: 20 GJ of oil × 0.0735 = 1.47 t,
 * and Sweden's totals 1.47 + 2.205 = 3.675 t; none may reach Finland, by byte or by subtraction.
 */
@PartnersTest
class CalculatorVisibilityTest {


    static final double EPS = 1e-9;
    /** Sweden's private line, its record and its totals: none may reach Finland or an anonymous client. */
    static final List<String> PRIVATE_FIGURES = List.of("1.47", "3.675", "6.321");

    @LocalServerPort
    int port;
    @Autowired
    Neo4jClient neo4j;
    Http finland;
    Http sweden;
    Http anonymous;

    @BeforeEach
    void aNetworkWithAPrivateLine() {
        neo4j.query("MATCH (n) DETACH DELETE n").run();
        anonymous = new Http(port);
        finland = anonymous.withKey("kfi-editor");
        sweden = anonymous.withKey("kse-editor");
        ok(finland.postRaw("/api/v1/datasets", """
                {"format": "symbiosis-kb/1", "partner": "kfi",
                 "networks": [{"id": "kfi:net", "name": "Climate partners", "scope": "REGIONAL", "visibility": "PUBLIC"}],
                 "organizations": [{"id": "kfi:o", "name": "Finnish partner", "climatePartnerSince": 2020, "networks": ["kfi:net"],
                                    "visibility": "PUBLIC"}],
                 "processes": [{"id": "kfi:p", "name": "Finnish process", "operator": "kfi:o", "visibility": "PUBLIC"}],
                 "factorSets": [{"id": "kfi:set", "name": "Test factors", "source": "Test publisher", "year": 2023, "visibility": "PUBLIC"}],
                 "emissionFactors": [
                   {"id": "kfi:oil", "factorSet": "kfi:set", "activity": "FUEL_LIGHT_FUEL_OIL", "unit": "GJ", "tCO2ePerUnit": 0.0735,
                    "scope": 1, "visibility": "PUBLIC"},
                   {"id": "kfi:secret", "factorSet": "kfi:set", "activity": "DISTRICT_HEAT", "unit": "MWh", "tCO2ePerUnit": 0.099,
                    "scope": 2, "visibility": "PRIVATE"}],
                 "activities": [{"id": "kfi:a", "process": "kfi:p", "year": 2023, "factor": "kfi:oil", "quantity": 10, "unit": "MWh",
                                 "visibility": "PUBLIC"}]}"""));
        ok(sweden.postRaw("/api/v1/datasets", """
                {"format": "symbiosis-kb/1", "partner": "kse",
                 "organizations": [{"id": "kse:o", "name": "Swedish partner", "climatePartnerSince": 2021, "networks": ["kfi:net"],
                                    "visibility": "PUBLIC"}],
                 "processes": [{"id": "kse:p", "name": "Swedish process", "operator": "kse:o"}],
                 "activities": [
                   {"id": "kse:a1", "process": "kse:p", "year": 2023, "factor": "kfi:oil", "quantity": 20, "unit": "GJ", "visibility": "PRIVATE"},
                   {"id": "kse:a2", "process": "kse:p", "year": 2023, "factor": "kfi:oil", "quantity": 30, "unit": "GJ"}]}"""));
        // Finland agrees to Sweden's membership of its network
        ok(finland.graphql("mutation { setConsent(input: {record: \"kse:o\", decision: ACCEPTED}) { current } }"));
    }

    static Http.Response ok(Http.Response response) {
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        if (response.body().has("errors")) {
            assertThat(response.body().get("errors")).as(response.raw()).isNull();
        }
        return response;
    }

    static void noPrivateFigure(Http.Response response) {
        for (String figure : PRIVATE_FIGURES) {
            assertThat(response.raw()).as("a private figure in " + response.raw()).doesNotContain(figure);
        }
    }

    static final String INVENTORY = """
            { ghgInventory(organizationId: "kse:o", year: 2023) { scope1 totalLocationBased totalMarketBased byCategory { tCO2e }
                withheld lines { activity { id quantity } quantity quantityInFactorUnit tCO2e } } }""";

    @Test
    void the_owner_sees_its_whole_inventory() {
        JsonNode inventory = ok(sweden.graphql(INVENTORY)).body().get("data").get("ghgInventory");
        // 20 GJ × 0.0735 = 1.47; 30 GJ × 0.0735 = 2.205; 1.47 + 2.205 = 3.675
        assertThat(inventory.get("scope1").asDouble()).isCloseTo(3.675, within(EPS));
        assertThat(inventory.get("withheld").asBoolean()).isFalse();
        assertThat(inventory.get("lines").get(0).get("tCO2e").asDouble()).isCloseTo(1.47, within(EPS));
    }

    @Test
    void another_partner_sees_the_private_line_by_name_and_the_totals_withheld() {
        var response = ok(finland.graphql(INVENTORY));
        noPrivateFigure(response);
        JsonNode inventory = response.body().get("data").get("ghgInventory");
        // the totals are computed from the private line too: withheld whole, or 3.675 − 2.205 would tell it
        for (String total : List.of("scope1", "totalLocationBased", "totalMarketBased")) {
            assertThat(inventory.get(total).isNull()).as(total).isTrue();
        }
        assertThat(inventory.get("withheld").asBoolean()).isTrue();
        JsonNode privateLine = inventory.get("lines").get(0);
        assertThat(privateLine.get("activity").get("id").asString()).isEqualTo("kse:a1");
        assertThat(privateLine.get("quantity").isNull()).isTrue();
        assertThat(privateLine.get("activity").get("quantity").isNull()).isTrue();
        assertThat(privateLine.get("tCO2e").isNull()).isTrue();
        // the NETWORK line is Finland's to see: 30 GJ, 2.205 t
        JsonNode networkLine = inventory.get("lines").get(1);
        assertThat(networkLine.get("quantity").asDouble()).isEqualTo(30);
        assertThat(networkLine.get("tCO2e").asDouble()).isCloseTo(2.205, within(EPS));
    }

    @Test
    void the_calculated_record_is_as_private_as_its_strictest_line() {
        String query = "{ process(id: \"kse:p\") { emissions { tCO2e provenance { kind } derivation { activity { id } tCO2e } } activities { id quantity } } }";
        var theirs = ok(finland.graphql(query));
        noPrivateFigure(theirs);
        JsonNode process = theirs.body().get("data").get("process");
        assertThat(process.get("emissions")).as("the record sums a private line").isEmpty();
        assertThat(process.get("activities")).hasSize(2);
        assertThat(process.get("activities").get(0).get("quantity").isNull()).isTrue();
        JsonNode own = ok(sweden.graphql(query)).body().get("data").get("process");
        assertThat(own.get("emissions").get(0).get("tCO2e").asDouble()).isCloseTo(3.675, within(EPS));
        assertThat(own.get("emissions").get(0).get("derivation")).hasSize(2);
        // the export sends Finland only the line it may see
        var exported = finland.get("/api/v1/datasets/kse");
        noPrivateFigure(exported);
        var ids = new ArrayList<String>();
        exported.body().get("activities").forEach(a -> ids.add(a.get("id").asString()));
        assertThat(ids).containsExactly("kse:a2");
    }

    @Test
    void the_indicator_counts_partners_by_name_and_withholds_a_total_with_a_private_line() {
        String query = "{ climatePartnerIndicator(networkId: \"kfi:net\", year: 2023) { partners reporting reportingShare totalTCO2e withheld } }";
        var asFinland = ok(finland.graphql(query));
        noPrivateFigure(asFinland);
        JsonNode indicator = asFinland.body().get("data").get("climatePartnerIndicator");
        // both partners are seen by name, and both entered lines (Sweden's private one counts by name)
        assertThat(indicator.get("partners").asInt()).isEqualTo(2);
        assertThat(indicator.get("reporting").asInt()).isEqualTo(2);
        assertThat(indicator.get("reportingShare").asDouble()).isEqualTo(1.0);
        assertThat(indicator.get("totalTCO2e").isNull()).isTrue();
        assertThat(indicator.get("withheld").asBoolean()).isTrue();
        // Sweden sees every line: 2.646 (Finland: 36 GJ × 0.0735) + 3.675 = 6.321
        JsonNode asSweden = ok(sweden.graphql(query)).body().get("data").get("climatePartnerIndicator");
        assertThat(asSweden.get("totalTCO2e").asDouble()).isCloseTo(6.321, within(EPS));
        // anonymous: the two PUBLIC organizations, but only Finland's PUBLIC line is seen at all
        var asAnonymous = ok(anonymous.graphql(query));
        noPrivateFigure(asAnonymous);
        JsonNode anonymousIndicator = asAnonymous.body().get("data").get("climatePartnerIndicator");
        assertThat(anonymousIndicator.get("partners").asInt()).isEqualTo(2);
        assertThat(anonymousIndicator.get("reporting").asInt()).isEqualTo(1);
        assertThat(anonymousIndicator.get("totalTCO2e").isNull()).isTrue();
    }

    @Test
    void a_private_factor_of_another_partner_cannot_be_used_and_a_used_factor_cannot_turn_private() {
        var refused = sweden.graphql("""
                mutation { setActivity(input: {id: "kse:a3", process: "kse:p", year: 2023, factor: "kfi:secret", quantity: 1, unit: MWh}) { id } }""");
        JsonNode error = refused.body().get("errors").get(0);
        assertThat(error.get("extensions").get("problems").get(0).get("field").asString()).isEqualTo("input.factor");
        assertThat(error.get("message").asString()).contains("kfi:secret is PRIVATE to partner kfi");
        assertThat(refused.raw()).doesNotContain("0.099");

        var narrowing = finland.graphql("""
                mutation { setEmissionFactor(input: {id: "kfi:oil", factorSet: "kfi:set", activity: "FUEL_LIGHT_FUEL_OIL", unit: GJ,
                  tCO2ePerUnit: 0.0735, scope: 1, visibility: PRIVATE}) { id } }""");
        assertThat(narrowing.body().get("errors").get(0).get("message").asString())
                .contains("used by activities of partner(s) kse: it cannot become PRIVATE");
    }

    @Test
    void the_shipped_factor_sets_are_read_only_for_every_key() {
        var refused = finland.graphql("""
                mutation { setEmissionFactor(input: {id: "kb:mine", factorSet: "kb:desnz-2025-freight", activity: "FREIGHT_X", unit: tkm,
                  tCO2ePerUnit: 0.001, scope: 3, category: 4}) { id } }""");
        JsonNode error = refused.body().get("errors").get(0);
        assertThat(error.get("extensions").get("classification").asString()).isEqualTo("FORBIDDEN");
        assertThat(error.get("message").asString()).contains("records of partner kb are reference data");
        var document = finland.postRaw("/api/v1/datasets", """
                {"format": "symbiosis-kb/1", "partner": "kb", "factorSets": [{"id": "kb:x", "name": "x", "source": "x", "year": 2024}]}""");
        assertThat(document.status()).isEqualTo(403);
    }
}
