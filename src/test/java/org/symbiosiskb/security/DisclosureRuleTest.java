package org.symbiosiskb.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.symbiosiskb.support.Http;
import org.symbiosiskb.support.PartnersTest;
import tools.jackson.databind.JsonNode;

/**
 * One test per way a private figure got out before the disclosure rule held everywhere (docs/partners.md, "What an
 * answer shows"). Partner {@code dra} keeps some figures PRIVATE; {@code drb} looks. Every private figure is
 * a run of one digit (8888.8, 7777.7, 6666.6, 5555.5, 2222.2), so that a leak shows in the raw answer.
 */
@PartnersTest
class DisclosureRuleTest {


    static final String[] PRIVATE_FIGURES = {"8888", "7777", "6666", "5555", "2222"};

    @LocalServerPort
    int port;
    @Autowired
    Neo4jClient neo4j;
    Http owner;
    Http other;
    Http anonymous;

    @BeforeEach
    void aParkWithSomePrivateFigures() {
        neo4j.query("MATCH (n) DETACH DELETE n").run();
        anonymous = new Http(port);
        owner = anonymous.withKey("dra-key");
        other = anonymous.withKey("drb-key");
        var imported = owner.postRaw("/api/v1/datasets", """
                {"format": "symbiosis-kb/1", "partner": "dra",
                 "parks": [{"id": "dra:park", "name": "Park", "location": {"lat": 60.45, "lon": 22.27}, "visibility": "PUBLIC"}],
                 "organizations": [{"id": "dra:company", "name": "Company", "park": "dra:park"}],
                 "processes": [
                   {"id": "dra:smelter", "name": "Smelter", "operator": "dra:company", "outputTonnes": 20000},
                   {"id": "dra:mill", "name": "Mill", "operator": "dra:company", "outputTonnes": 8888.8, "mainProduct": "Secret alloy",
                    "visibility": "PRIVATE"},
                   {"id": "dra:paving", "name": "Paving", "operator": "dra:company", "outputTonnes": 5000}],
                 "emissions": [
                   {"process": "dra:smelter", "year": 2024, "scope": 1, "tCO2e": 1000, "source": "PROCESS"},
                   {"process": "dra:smelter", "year": 2024, "scope": 2, "tCO2e": 7777.7, "source": "ENERGY", "visibility": "PRIVATE"},
                   {"process": "dra:paving", "year": 2024, "scope": 1, "tCO2e": 10, "source": "PROCESS"}],
                 "sideStreams": [
                   {"id": "dra:slag", "name": "Slag", "producer": "dra:smelter", "quantity": 10000, "unit": "t", "ewc": "10 02 02"},
                   {"id": "dra:scale", "name": "Scale", "producer": "dra:mill", "quantity": 3000, "unit": "t", "ewc": "10 02 10",
                    "visibility": "PRIVATE"}],
                 "flows": [
                   {"id": "dra:slag-to-paving", "sideStream": "dra:slag", "consumer": "dra:paving", "quantity": 6666.6, "visibility": "PRIVATE"},
                   {"id": "dra:slag-public", "sideStream": "dra:slag", "consumer": "dra:paving", "quantity": 1000}],
                 "roadmaps": [{"id": "dra:roadmap", "name": "Roadmap", "park": "dra:park", "baseYear": 2024}],
                 "targets": [{"roadmap": "dra:roadmap", "year": 2030, "maxNet": 0}],
                 "measures": [
                   {"id": "dra:cut", "roadmap": "dra:roadmap", "name": "Electrify", "kind": "EMISSION_CUT", "startYear": 2024,
                    "process": "dra:paving", "tCO2ePerYear": 5, "capexEUR": 1000},
                   {"id": "dra:secret", "roadmap": "dra:roadmap", "name": "Secret offset", "kind": "OFFSET", "startYear": 2024,
                    "tCO2ePerYear": 5555.5, "capexEUR": 2222.2, "visibility": "PRIVATE"}]}""");
        assertThat(imported.status()).as(imported.raw()).isEqualTo(200);
    }

    private static void assertNoPrivateFigure(Http.Response response) {
        for (String figure : PRIVATE_FIGURES) {
            assertThat(response.raw()).as("leaks %s", figure).doesNotContain(figure);
        }
    }

    private static JsonNode data(Http.Response response) {
        assertThat(response.body().get("errors")).as(response.raw()).isNull();
        return response.body().get("data");
    }

    @Test
    void an_abatement_curve_shows_only_the_measures_the_caller_may_see_and_is_not_found_by_who_may_not_see_the_roadmap() {
        String curve = "{ abatementCurve(roadmapId: \"dra:roadmap\", year: 2024) { measure { id } abatement cumulativeAbatement } }";
        var seen = other.graphql(curve);
        assertNoPrivateFigure(seen);
        // the paving line's 5 t cut, cumulative 5: the secret offset's place and size are not shown
        assertThat(data(seen).get("abatementCurve").toString())
                .isEqualTo("[{\"measure\":{\"id\":\"dra:cut\"},\"abatement\":5.0,\"cumulativeAbatement\":5.0}]");
        // the roadmap is NETWORK: anonymous clients may not see it, nor its curve
        var hidden = anonymous.graphql(curve);
        assertNoPrivateFigure(hidden);
        assertThat(hidden.body().get("errors").get(0).get("extensions").get("classification").asString()).isEqualTo("NOT_FOUND");
        // the owner sees both: 5 + 5555.5 = 5560.5
        assertThat(data(owner.graphql(curve)).get("abatementCurve").get(1).get("cumulativeAbatement").asDouble()).isEqualTo(5560.5);
    }

    @Test
    void a_private_emission_record_of_a_network_process_is_withheld_from_every_balance_figure_it_is_in() {
        var response = other.graphql("""
                { carbonBalance(parkId: "dra:park", year: 2024) { gross net byProcess { process { id } tCO2e } bySource { source tCO2e } }
                  process(id: "dra:smelter") { emissions { scope tCO2e } } }""");
        assertNoPrivateFigure(response);
        var seen = data(response);
        assertThat(seen.get("carbonBalance").get("gross").isNull()).isTrue();
        // the smelter's own list shows its NETWORK scope-1 record only
        assertThat(seen.get("process").get("emissions").findValuesAsString("scope")).containsExactly("1");
        for (JsonNode row : seen.get("carbonBalance").get("byProcess")) {
            // the smelter's 1000 + 7777.7 holds the private record; the paving line's 10 does not
            boolean smelter = row.get("process").get("id").asString().equals("dra:smelter");
            assertThat(row.get("tCO2e").isNull()).as(row.toString()).isEqualTo(smelter);
        }
        for (JsonNode bucket : seen.get("carbonBalance").get("bySource")) {
            // ENERGY is the private record alone; PROCESS is 1000 + 10 = 1010, all of it seen
            assertThat(bucket.get("tCO2e").isNull()).as(bucket.toString()).isEqualTo(bucket.get("source").asString().equals("ENERGY"));
        }
    }

    @Test
    void the_used_quantity_of_a_stream_with_a_private_flow_is_withheld_from_others() {
        var response = other.graphql("{ sideStreamTable(parkId: \"dra:park\", year: 2024) { sideStream { id } produced used available } }");
        assertNoPrivateFigure(response);
        var slag = data(response).get("sideStreamTable").get(0);
        // produced 10000 is seen; used = 6666.6 + 1000 would give the private flow away by subtraction
        assertThat(slag.get("produced").asDouble()).isEqualTo(10000);
        assertThat(slag.get("used").isNull() && slag.get("available").isNull()).isTrue();
        var own = data(owner.graphql("{ sideStreamTable(parkId: \"dra:park\", year: 2024) { used available } }")).get("sideStreamTable").get(0);
        // 6666.6 + 1000 = 7666.6 used; 10000 − 7666.6 = 2333.4 available
        assertThat(own.get("used").asDouble()).isCloseTo(7666.6, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(own.get("available").asDouble()).isCloseTo(2333.4, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void a_scenario_cannot_read_a_private_producers_footprint_through_a_hypothetical_flow() {
        var other = this.other.postRaw("/api/v1/datasets", """
                {"format": "symbiosis-kb/1", "partner": "drb",
                 "parks": [{"id": "drb:park", "name": "B park", "location": {"lat": 60.4, "lon": 22.3}}],
                 "organizations": [{"id": "drb:company", "name": "B", "park": "drb:park"}],
                 "processes": [{"id": "drb:kiln", "name": "Kiln", "operator": "drb:company", "outputTonnes": 1000}],
                 "emissions": [{"process": "drb:kiln", "year": 2024, "scope": 1, "tCO2e": 100}]}""");
        assertThat(other.status()).as(other.raw()).isEqualTo(200);
        var scenario = this.other.graphql("""
                { simulate(parkId: "drb:park", year: 2024, traceProcesses: ["drb:kiln"],
                           changes: [{addFlow: {id: "drb:what-if", sideStream: "dra:scale", consumer: "drb:kiln", quantity: 100}}]) {
                    traces { after { total } } } }""");
        assertNoPrivateFigure(scenario);
        assertThat(scenario.body().get("errors").get(0).get("message").asString()).contains("dra:scale", "publish");

        // once the owner publishes a footprint of its scale (2.5 t CO2e per t), the scenario uses it: 100 + 100 × 2.5 = 350
        var published = owner.postRaw("/api/v1/datasets", """
                {"format": "symbiosis-kb/1", "partner": "dra",
                 "footprints": [{"sideStream": "dra:scale", "year": 2024, "tCO2ePerUnit": 2.5, "allocation": "MASS"}]}""");
        assertThat(published.status()).as(published.raw()).isEqualTo(200);
        var withFootprint = data(this.other.graphql("""
                { simulate(parkId: "drb:park", year: 2024, traceProcesses: ["drb:kiln"],
                           changes: [{addFlow: {id: "drb:what-if", sideStream: "dra:scale", consumer: "drb:kiln", quantity: 100}}]) {
                    traces { before { total } after { total } } } }"""));
        assertThat(withFootprint.get("simulate").get("traces").get(0).get("before").get("total").asDouble()).isEqualTo(100);
        assertThat(withFootprint.get("simulate").get("traces").get(0).get("after").get("total").asDouble()).isEqualTo(350);
    }

    @Test
    void an_anonymous_incremental_export_sends_no_tombstone_of_a_record_it_could_not_see() {
        var deleted = owner.postRaw("/api/v1/datasets", """
                {"format": "symbiosis-kb/1", "partner": "dra",
                 "emissions": [{"process": "dra:paving", "year": 2024, "scope": 1, "source": "PROCESS", "deleted": true}],
                 "flows": [{"id": "dra:slag-public", "deleted": true}]}""");
        assertThat(deleted.status()).as(deleted.raw()).isEqualTo(200);
        var anonymousExport = anonymous.get("/api/v1/datasets/dra?since=2020-01-01T00:00:00Z");
        // the park is the only PUBLIC record: nothing else, not even the ids of what was deleted
        assertThat(anonymousExport.raw()).contains("dra:park").doesNotContain("dra:paving", "dra:slag", "dra:smelter", "deleted");
        // another partner's key could see both (NETWORK): it learns of the deletions
        assertThat(other.get("/api/v1/datasets/dra?since=2020-01-01T00:00:00Z").raw()).contains("dra:slag-public\",\"deleted\":true");
    }

    @Test
    void a_private_process_keeps_its_name_but_not_its_main_product() {
        var response = other.graphql("{ process(id: \"dra:mill\") { name mainProduct outputTonnes } }");
        assertNoPrivateFigure(response);
        assertThat(data(response).get("process").toString()).isEqualTo("{\"name\":\"Mill\",\"mainProduct\":null,\"outputTonnes\":null}");
    }

    @Test
    void a_dry_run_against_another_partners_stream_answers_nothing_about_its_quantity() {
        // 2333.4 t are free of the slag (10000 − 6666.6 private − 1000): a yes or no for 2000 and 3000 would bound the private flow
        String flow = """
                {"format": "symbiosis-kb/1", "partner": "drb",
                 "processes": [{"id": "drb:user", "name": "User", "operator": "drb:company"}],
                 "organizations": [{"id": "drb:company", "name": "B"}],
                 "flows": [{"id": "drb:take", "sideStream": "dra:slag", "consumer": "drb:user", "quantity": %s}]}""";
        var small = other.postRaw("/api/v1/datasets?dryRun=true", flow.formatted(2000));
        var large = other.postRaw("/api/v1/datasets?dryRun=true", flow.formatted(3000));
        assertThat(small.status()).as(small.raw()).isEqualTo(200);
        assertThat(large.status()).as(large.raw()).isEqualTo(200);
        assertNoPrivateFigure(large);
    }
}
