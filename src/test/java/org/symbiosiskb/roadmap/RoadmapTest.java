package org.symbiosiskb.roadmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.symbiosiskb.roadmap.RoadmapAssertions.assertTarget;
import static org.symbiosiskb.roadmap.RoadmapAssertions.assertYear;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.symbiosiskb.support.Http;
import org.symbiosiskb.support.KbTest;
import tools.jackson.databind.JsonNode;

/** roadmap(id) and abatementCurve (docs/spec/analytics.md §6) on the park of {@link RoadmapGraphs}, worked out by hand. */
@KbTest
class RoadmapTest {

    static final double EPS = 1e-9;

    @LocalServerPort
    int port;
    @Autowired
    Neo4jClient neo4j;
    Http http;

    @BeforeEach
    void park() {
        neo4j.query("MATCH (n) DETACH DELETE n").run();
        http = new Http(port);
        var response = http.postRaw("/api/v1/datasets", RoadmapGraphs.PARK);
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
    }

    private JsonNode data(String query, Map<String, Object> variables) {
        var response = http.graphql(query, variables);
        assertThat(response.body().get("errors")).as(response.raw()).isNull();
        return response.body().get("data");
    }

    @Test
    void trajectory_carries_emissions_forward_and_counts_measures_only_while_in_effect() {
        var roadmap = data("""
                query($id: ID!) { roadmap(id: $id) { baseYear discountRate park { id }
                  trajectory { year baseline planned avoided } targetStatus { year threshold planned gap met } } }""",
                Map.of("id", "fi:rm")).get("roadmap");
        assertThat(roadmap.get("park").get("id").asString()).isEqualTo("fi:r");
        var years = roadmap.get("trajectory");
        assertThat(years).hasSize(5); // 2020 .. 2024, the last target's year
        // 2020: gross 1000 + 500 = 1500, s1 not yet active → baseline 1500;
        //       m2 min(900, E(p2, 2020) = 500) = 500 → planned 1000; avoided f1 50 × 2 = 100
        assertYear(years.get(0), 2020, 1500, 1000, 100);
        // 2021: no records → gross carried from 2020 = 1500, s1 100 → baseline 1400;
        //       m1 min(300, E(p1, 2020) = 1000) = 300, m2 500 → planned 1400 − 800 = 600
        assertYear(years.get(1), 2021, 1400, 600, 100);
        // 2022: gross p1 600 + 100 = 700 (p2 has no 2022 record: nothing invented) − s1 100 → baseline 600;
        //       m1 300 (2021 ≤ 2022 < 2023), m2 min(900, 0) = 0, m4 DROPPED → planned 300
        assertYear(years.get(2), 2022, 600, 300, 100);
        // 2023: carried from 2022 → baseline 600; m1 has ended (2023 = 2021 + 2), m3 200 → planned 400
        assertYear(years.get(3), 2023, 600, 400, 100);
        // 2024: baseline 600; m3 200 → planned 400 (m5, a NEW_FLOW, abates 0 in the inventory);
        //       avoided 100 + m5: 20 × 1 − transport 20 t × 100 km × 0.107 kg/tkm / 1000 = 20 − 0.214 → 119.786
        assertYear(years.get(4), 2024, 600, 400, 119.786);

        var targets = roadmap.get("targetStatus");
        // 2022: threshold = base-year net 1500 × (1 − 50/100) = 750; planned 300 → gap −450, met
        assertTarget(targets.get(0), 2022, 750, 300, -450, true);
        // 2024: threshold maxNet 0; planned 400 → gap 400, not met
        assertTarget(targets.get(1), 2024, 0, 400, 400, false);
    }

    @Test
    void curve_annualises_capex_at_the_discount_rate_and_orders_by_cost_per_tonne() {
        var curve = data("""
                query { abatementCurve(roadmapId: "fi:rm", year: 2021) {
                  measure { id } abatement annualisedCost costPerTonne cumulativeAbatement } }""", Map.of()).get("abatementCurve");
        assertThat(curve).hasSize(2);
        // m1: CRF(0.05, 2) = 0.05 × 1.05² / (1.05² − 1) = 0.055125 / 0.1025 = 0.53780487804878…
        //     annualised 1000 × CRF = 537.80487804878…; abatement 300 → 1.79268292682927 per t
        double m1 = 1000 * 0.055125 / 0.1025;
        assertPoint(curve.get(0), "fi:m1", 300, m1, m1 / 300, 300);
        // m2: opex 1000 over abatement min(900, 500) = 500 → 2 per t; cumulative 300 + 500 = 800
        assertPoint(curve.get(1), "fi:m2", 500, 1000, 2, 800);

        var later = data("""
                query { abatementCurve(roadmapId: "fi:rm", year: 2024) {
                  measure { id } abatement annualisedCost costPerTonne cumulativeAbatement } }""", Map.of()).get("abatementCurve");
        // m3: −2000 / 200 = −10 per t (a saving comes first); m5 (NEW_FLOW) by its avoided 19.786: 100 / 19.786;
        // m2 abates min(900, E(p2, 2022) = 0) = 0 and is left out; m1 has ended
        assertThat(later).hasSize(2);
        assertPoint(later.get(0), "fi:m3", 200, -2000, -10, 200);
        assertPoint(later.get(1), "fi:m5", 19.786, 100, 100 / 19.786, 219.786);
    }

    @Test
    void curve_at_a_zero_discount_rate_spreads_capex_evenly_and_breaks_ties_by_id() {
        var curve = data("""
                query { abatementCurve(roadmapId: "fi:rm0", year: 2024) {
                  measure { id } abatement annualisedCost costPerTonne cumulativeAbatement } }""", Map.of()).get("abatementCurve");
        // t-c: 10 / 10 = 1 per t; t-a: 100 / 40 = 2.5; t-b: CRF(0, 4) = 1/4 → 1000 / 4 = 250 / 100 = 2.5;
        // t-a and t-b tie at 2.5 → by id, t-a first
        assertThat(curve).hasSize(3);
        assertPoint(curve.get(0), "fi:t-c", 10, 10, 1, 10);
        assertPoint(curve.get(1), "fi:t-a", 40, 100, 2.5, 50);
        assertPoint(curve.get(2), "fi:t-b", 100, 250, 2.5, 150);
    }

    @Test
    void cypher_procedures_give_the_numbers_graphql_shows() {
        var planned = neo4j.query("""
                CALL kb.roadmap('fi:rm') YIELD trajectory
                RETURN [y IN trajectory WHERE y.year = 2021][0].planned AS planned""").fetchAs(Double.class).one().orElseThrow();
        assertThat(planned).isCloseTo(600, within(EPS));
        var first = neo4j.query("CALL kb.abatementCurve('fi:rm0', 2024) YIELD measure RETURN measure LIMIT 1")
                .fetchAs(String.class).one().orElseThrow();
        assertThat(first).isEqualTo("fi:t-c");
    }

    @Test
    void unknown_roadmap_is_null_and_its_curve_not_found() {
        assertThat(data("{ roadmap(id: \"fi:none\") { id } }", Map.of()).get("roadmap").isNull()).isTrue();
        var response = http.graphql("{ abatementCurve(roadmapId: \"fi:none\", year: 2024) { costPerTonne } }");
        assertThat(response.body().get("errors").get(0).get("extensions").get("classification").asString()).isEqualTo("NOT_FOUND");
        assertThat(response.body().get("errors").get(0).get("message").asString()).isEqualTo("no roadmap fi:none");
    }

    @Test
    void a_trajectory_of_a_century_or_more_is_refused() {
        data("mutation { setTarget(input: {roadmap: \"fi:rm\", year: 2120, maxNet: 0}) { year } }", Map.of());
        var response = http.graphql("{ roadmap(id: \"fi:rm\") { trajectory { year } } }");
        var error = response.body().get("errors").get(0);
        assertThat(error.get("extensions").get("classification").asString()).isEqualTo("BAD_REQUEST");
        assertThat(error.get("message").asString()).isEqualTo("roadmap fi:rm runs from 2020 to 2120; a trajectory covers at most 100 years");
    }

    @Test
    void mutations_write_roadmaps_targets_and_measures_through_the_import_rules() {
        data("""
                mutation { createRoadmap(input: {id: "fi:rm2", name: "Second", park: "fi:r", baseYear: 2022}) { id discountRate } }""",
                Map.of());
        var target = data("""
                mutation { setTarget(input: {roadmap: "fi:rm2", year: 2030, maxNet: -100}) { year maxNet roadmap { id } } }""",
                Map.of()).get("setTarget");
        assertThat(target.get("maxNet").asDouble()).isEqualTo(-100);
        var measure = data("""
                mutation { createMeasure(input: {id: "fi:m9", roadmap: "fi:rm2", name: "Sink", kind: NEW_SINK,
                  tCO2ePerYear: 700, startYear: 2025}) { id lifetimeYears capexEUR status roadmap { id } } }""", Map.of())
                .get("createMeasure");
        assertThat(measure.get("lifetimeYears").asInt()).isEqualTo(20);
        assertThat(measure.get("status").asString()).isEqualTo("PLANNED");
        // 2030: baseline carried from 2022: 700 − s1 100 = 600; planned 600 − 700 = −100 ≤ maxNet −100 → met, gap 0
        var status = data("{ roadmap(id: \"fi:rm2\") { discountRate targetStatus { planned gap met } } }", Map.of()).get("roadmap");
        assertThat(status.get("discountRate").asDouble()).isEqualTo(0.05);
        assertThat(status.get("targetStatus").get(0).get("gap").asDouble()).isCloseTo(0, within(EPS));
        assertThat(status.get("targetStatus").get(0).get("met").asBoolean()).isTrue();

        var refused = http.graphql("""
                mutation { createMeasure(input: {id: "fi:m10", roadmap: "fi:rm2", name: "Cut", kind: EMISSION_CUT,
                  tCO2ePerYear: 10, startYear: 2025}) { id } }""");
        var error = refused.body().get("errors").get(0);
        assertThat(error.get("extensions").get("classification").asString()).isEqualTo("BAD_REQUEST");
        assertThat(error.get("message").asString()).isEqualTo("input.process: is required for a measure of kind EMISSION_CUT");

        var both = http.graphql("mutation { setTarget(input: {roadmap: \"fi:rm2\", year: 2031, maxNet: 0, reductionPercent: 10}) { year } }");
        assertThat(both.body().get("errors").get(0).get("message").asString()).startsWith("input: a target states exactly one of maxNet");

        var busy = http.graphql("mutation { deleteRoadmap(id: \"fi:rm2\") { deleted } }");
        assertThat(busy.body().get("errors").get(0).get("message").asString()).contains("fi:m9 still requires it");
        data("mutation { deleteMeasure(id: \"fi:m9\") { deleted } }", Map.of());
        assertThat(data("mutation { deleteRoadmap(id: \"fi:rm2\") { deleted } }", Map.of()).get("deleteRoadmap").get("deleted").asBoolean())
                .isTrue();
        // its target went with it
        assertThat(neo4j.query("MATCH (t:Target {id: 'fi:rm2@2030'}) RETURN count(t)").fetchAs(Long.class).one().orElseThrow()).isZero();
    }

    @Test
    void a_document_with_broken_roadmap_records_is_refused_with_every_problem() {
        var response = http.postRaw("/api/v1/datasets", """
                {"format": "symbiosis-kb/1", "partner": "fi",
                 "roadmaps": [{"id": "fi:rm3", "name": "No park", "park": "fi:nowhere", "baseYear": 2024, "discountRate": 1.5}],
                 "targets": [{"roadmap": "fi:rm3", "year": 2030, "maxNet": 0, "reductionPercent": 20},
                             {"roadmap": "fi:rm3", "year": 2031, "maxNet": 0},
                             {"roadmap": "fi:rm3", "year": 2031, "maxNet": 5}],
                 "measures": [{"id": "fi:m7", "roadmap": "fi:rm3", "name": "Sink", "kind": "NEW_SINK", "tCO2ePerYear": 5,
                               "process": "fi:p1", "startYear": 2025},
                              {"id": "fi:m8", "roadmap": "fi:rm3", "name": "Flow", "kind": "NEW_FLOW", "sideStream": "fi:st",
                               "startYear": 2025, "status": "MAYBE"}]}""");
        assertThat(response.status()).isEqualTo(422);
        var problems = new java.util.ArrayList<String>();
        response.body().get("errors").forEach(e -> problems.add(e.get("pointer").asString() + " " + e.get("message").asString()));
        assertThat(problems).anyMatch(p -> p.equals("/roadmaps/0/discountRate must be at most 1, found 1.5"))
                .anyMatch(p -> p.startsWith("/targets/0 a target states exactly one of maxNet"))
                .anyMatch(p -> p.startsWith("/targets/2 this target record (same roadmap, year) appears twice in the document; first at /targets/1"))
                .anyMatch(p -> p.startsWith("/measures/0/process does not apply to a measure of kind NEW_SINK"))
                .anyMatch(p -> p.startsWith("/measures/1/consumer is required for a measure of kind NEW_FLOW"))
                .anyMatch(p -> p.startsWith("/measures/1/quantity is required for a measure of kind NEW_FLOW"))
                .anyMatch(p -> p.startsWith("/measures/1/status must be one of [PLANNED, DONE, DROPPED]"));
        // the park reference is checked once the records are well-formed
        var fixed = http.postRaw("/api/v1/datasets", """
                {"format": "symbiosis-kb/1", "partner": "fi",
                 "roadmaps": [{"id": "fi:rm3", "name": "No park", "park": "fi:nowhere", "baseYear": 2024}]}""");
        assertThat(fixed.body().get("errors").get(0).get("pointer").asString()).isEqualTo("/roadmaps/0/park");
    }

    @Test
    void export_and_import_round_trip_roadmaps_targets_and_measures() {
        var exported = http.get("/api/v1/datasets/fi").body();
        assertThat(exported.get("roadmaps")).hasSize(2);
        assertThat(exported.get("targets")).hasSize(3);
        assertThat(exported.get("measures")).hasSize(8);
        neo4j.query("MATCH (n) DETACH DELETE n").run();
        var imported = http.post("/api/v1/datasets", exported);
        assertThat(imported.status()).as(imported.raw()).isEqualTo(200);
        assertThat(http.get("/api/v1/datasets/fi").body()).isEqualTo(exported);
        // and importing it again changes nothing
        var again = http.post("/api/v1/datasets", exported).body();
        assertThat(again.get("created").asInt() + again.get("updated").asInt()).isZero();
    }

    private static void assertPoint(JsonNode p, String measure, double abatement, double annualised, double perTonne, double cumulative) {
        assertThat(p.get("measure").get("id").asString()).isEqualTo(measure);
        assertThat(p.get("abatement").asDouble()).as("abatement of %s", measure).isCloseTo(abatement, within(EPS));
        assertThat(p.get("annualisedCost").asDouble()).as("annualised cost of %s", measure).isCloseTo(annualised, within(1e-9));
        assertThat(p.get("costPerTonne").asDouble()).as("cost per tonne of %s", measure).isCloseTo(perTonne, within(EPS));
        assertThat(p.get("cumulativeAbatement").asDouble()).isCloseTo(cumulative, within(EPS));
    }
}
