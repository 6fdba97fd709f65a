package org.symbiosiskb.roadmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.symbiosiskb.support.Http;
import org.symbiosiskb.support.KbTest;
import tools.jackson.databind.JsonNode;

/**
 * simulate (docs/spec/analytics.md §7) on the park of {@link RoadmapGraphs} in 2022, worked out by hand.
 *
 * <pre>
 * before: gross p1 600 + 100 = 700 (p2 has no 2022 record), sequestration s1 100, no offsets,
 *         avoided f1 50 t × 2 = 100, net 700 − 100 = 600
 * trace of p2: direct 0; f1 carries 50 / outputTonnes(p1) 1000 = 0.05 of F(p1) = 700 → inherited 35, total 35
 * </pre>
 * Every test also checks that the graph is exactly as it was (nodes, relationships, properties).
 */
@KbTest
class ScenarioTest {

    static final double EPS = 1e-9;
    static final String SIMULATE = """
            query($changes: [ScenarioChange!]!) {
              simulate(parkId: "fi:r", year: 2022, changes: $changes, traceProcesses: ["fi:p2"]) {
                before { gross sequestration purchasedOffsets avoided net }
                after { gross sequestration purchasedOffsets avoided net climatePositive }
                traces { process { id } before { direct inherited total } after { direct inherited total } }
              }
            }""";

    @LocalServerPort
    int port;
    @Autowired
    Neo4jClient neo4j;
    Http http;
    String graphBefore;

    @BeforeEach
    void park() {
        neo4j.query("MATCH (n) DETACH DELETE n").run();
        http = new Http(port);
        assertThat(http.postRaw("/api/v1/datasets", RoadmapGraphs.PARK).status()).isEqualTo(200);
        graphBefore = fingerprint();
    }

    /** Every node and relationship with its labels or type, ends and properties. */
    private String fingerprint() {
        var nodes = neo4j.query("MATCH (n) RETURN elementId(n) AS id, labels(n) AS labels, properties(n) AS props ORDER BY id")
                .fetch().all().stream().map(TreeMap::new).toList();
        var relationships = neo4j.query("""
                MATCH (a)-[r]->(b) RETURN elementId(r) AS id, type(r) AS type, elementId(a) AS a, elementId(b) AS b,
                       properties(r) AS props ORDER BY id""").fetch().all().stream().map(TreeMap::new).toList();
        return nodes + "\n" + relationships;
    }

    private JsonNode simulate(Object... changes) {
        var response = http.graphql(SIMULATE, Map.of("changes", List.of(changes)));
        assertThat(response.body().get("errors")).as(response.raw()).isNull();
        assertThat(fingerprint()).as("the graph after simulate").isEqualTo(graphBefore);
        var scenario = response.body().get("data").get("simulate");
        // the same before, whatever the changes
        assertThat(scenario.get("before").get("net").asDouble()).isCloseTo(600, within(EPS));
        assertThat(scenario.get("before").get("avoided").asDouble()).isCloseTo(100, within(EPS));
        assertThat(scenario.get("traces").get(0).get("process").get("id").asString()).isEqualTo("fi:p2");
        assertThat(scenario.get("traces").get(0).get("before").get("total").asDouble()).isCloseTo(35, within(EPS));
        return scenario;
    }

    private JsonNode refused(Object... changes) {
        var response = http.graphql(SIMULATE, Map.of("changes", List.of(changes)));
        assertThat(fingerprint()).as("the graph after a refused simulate").isEqualTo(graphBefore);
        assertThat(response.body().get("errors")).as(response.raw()).hasSize(1);
        var error = response.body().get("errors").get(0);
        assertThat(error.get("extensions").get("classification").asString()).isEqualTo("BAD_REQUEST");
        return error;
    }

    private static double after(JsonNode scenario, String field) {
        return scenario.get("after").get(field).asDouble();
    }

    private static double traceAfter(JsonNode scenario, String field) {
        return scenario.get("traces").get(0).get("after").get(field).asDouble();
    }

    @Test
    void adding_a_flow_adds_its_avoided_emissions_and_burden() {
        var s = simulate(Map.of("addFlow", Map.of("id", "fi:f2", "sideStream", "fi:st", "consumer", "fi:p2", "quantity", 30,
                "substitutesFactor", 1)));
        // avoided 100 + 30 × 1 = 130; net unchanged (avoided stays beside it)
        assertThat(after(s, "avoided")).isCloseTo(130, within(EPS));
        assertThat(after(s, "net")).isCloseTo(600, within(EPS));
        // p2 inherits (50 + 30) / 1000 × 700 = 56
        assertThat(traceAfter(s, "inherited")).isCloseTo(56, within(EPS));
    }

    @Test
    void removing_a_flow_removes_its_avoided_emissions_and_burden() {
        var s = simulate(Map.of("removeFlow", "fi:f1"));
        assertThat(after(s, "avoided")).isCloseTo(0, within(EPS));
        assertThat(traceAfter(s, "total")).isCloseTo(0, within(EPS));
    }

    @Test
    void scaling_a_flow_scales_its_avoided_emissions_and_burden() {
        var s = simulate(Map.of("scaleFlow", Map.of("flow", "fi:f1", "factor", 1.5)));
        // 50 × 1.5 = 75 t: avoided 75 × 2 = 150; p2 inherits 75 / 1000 × 700 = 52.5
        assertThat(after(s, "avoided")).isCloseTo(150, within(EPS));
        assertThat(traceAfter(s, "inherited")).isCloseTo(52.5, within(EPS));
    }

    @Test
    void setting_an_emission_changes_gross_net_and_the_trace() {
        var s = simulate(Map.of("setEmission", Map.of("process", "fi:p2", "year", 2022, "scope", 1, "tCO2e", 250)));
        // gross 700 + 250 = 950, net 950 − 100 = 850; p2 direct 250, total 250 + 35 = 285
        assertThat(after(s, "gross")).isCloseTo(950, within(EPS));
        assertThat(after(s, "net")).isCloseTo(850, within(EPS));
        assertThat(traceAfter(s, "direct")).isCloseTo(250, within(EPS));
        assertThat(traceAfter(s, "total")).isCloseTo(285, within(EPS));
    }

    @Test
    void adding_a_sink_in_the_park_adds_sequestration() {
        var s = simulate(Map.of("addSink", Map.of("id", "fi:s2", "name", "S2", "kind", "WETLAND", "owner", "fi:o1",
                "location", Map.of("lat", 60.0, "lon", 25.0), "tCO2ePerYear", 300, "park", "fi:r")));
        // sequestration 100 + 300 = 400, net 700 − 400 = 300
        assertThat(after(s, "sequestration")).isCloseTo(400, within(EPS));
        assertThat(after(s, "net")).isCloseTo(300, within(EPS));
    }

    @Test
    void adding_an_agreement_with_a_sink_outside_buys_offsets() {
        var s = simulate(Map.of("addAgreement", Map.of("id", "fi:oa", "buyer", "fi:o1", "sink", "fi:s9", "tCO2ePerYear", 40,
                "fromYear", 2022, "toYear", 2030, "status", "ACTIVE")));
        // purchasedOffsets 40, net 600 − 40 = 560
        assertThat(after(s, "purchasedOffsets")).isCloseTo(40, within(EPS));
        assertThat(after(s, "net")).isCloseTo(560, within(EPS));
    }

    @Test
    void changes_apply_in_order_and_see_each_other() {
        // 90 t more from st would exceed its 100 t beside f1's 50 t, but f1 is removed first
        var s = simulate(Map.of("removeFlow", "fi:f1"),
                Map.of("addFlow", Map.of("id", "fi:f2", "sideStream", "fi:st", "consumer", "fi:p2", "quantity", 90)),
                Map.of("addSink", Map.of("id", "fi:s2", "name", "S2", "kind", "SOIL", "owner", "fi:o1",
                        "location", Map.of("lat", 60.0, "lon", 25.0), "tCO2ePerYear", 1000, "park", "fi:r")));
        // p2 inherits 90 / 1000 × 700 = 63; net 700 − (100 + 1000) = −400: climate positive
        assertThat(traceAfter(s, "inherited")).isCloseTo(63, within(EPS));
        assertThat(after(s, "net")).isCloseTo(-400, within(EPS));
        assertThat(s.get("after").get("climatePositive").asBoolean()).isTrue();
    }

    @Test
    void a_flow_exceeding_its_stream_is_refused_with_the_import_error() {
        var error = refused(Map.of("addFlow", Map.of("id", "fi:f2", "sideStream", "fi:st", "consumer", "fi:p2", "quantity", 60)));
        assertThat(error.get("message").asString()).isEqualTo(
                "changes[0].addFlow.quantity: flows from fi:st add up to 110 t, more than its quantity of 100 t; 50 t free");
        assertThat(error.get("extensions").get("problems").get(0).get("field").asString()).isEqualTo("changes[0].addFlow.quantity");
    }

    @Test
    void an_over_allocated_sink_is_refused_with_the_import_error() {
        var error = refused(Map.of("addAgreement", Map.of("id", "fi:oa", "buyer", "fi:o1", "sink", "fi:s9", "tCO2ePerYear", 150,
                "fromYear", 2022, "toYear", 2030, "status", "ACTIVE")));
        assertThat(error.get("message").asString()).startsWith("changes[0].addAgreement.tCO2ePerYear: offset agreements committed on fi:s9 add up to 150")
                .contains("more than its 100 tCO2e per year");
    }

    @Test
    void a_request_failing_halfway_leaves_the_graph_as_it_was() {
        // the first two changes are written inside the scenario's transaction before the third is refused
        var error = refused(Map.of("addSink", Map.of("id", "fi:s2", "name", "S2", "kind", "SOIL", "owner", "fi:o1",
                        "location", Map.of("lat", 60.0, "lon", 25.0), "tCO2ePerYear", 1000, "park", "fi:r")),
                Map.of("setEmission", Map.of("process", "fi:p2", "year", 2022, "scope", 1, "tCO2e", 250)),
                Map.of("scaleFlow", Map.of("flow", "fi:f1", "factor", 3)));
        // 50 × 3 = 150 t > 100 t
        assertThat(error.get("message").asString()).startsWith("changes[2].scaleFlow.quantity: flows from fi:st add up to 150 t");
        // and the analytics read the old graph again, the trace's projection included
        var trace = http.graphql("{ traceEmissions(processId: \"fi:p2\", year: 2022) { total } }").body();
        assertThat(trace.get("data").get("traceEmissions").get("total").asDouble()).isCloseTo(35, within(EPS));
        var balance = http.graphql("{ carbonBalance(parkId: \"fi:r\", year: 2022) { net } }").body();
        assertThat(balance.get("data").get("carbonBalance").get("net").asDouble()).isCloseTo(600, within(EPS));
    }

    @Test
    void a_change_must_set_exactly_one_field_and_name_what_exists() {
        var two = refused(Map.of("removeFlow", "fi:f1", "scaleFlow", Map.of("flow", "fi:f1", "factor", 2)));
        assertThat(two.get("message").asString()).startsWith("changes[0]: set exactly one of addFlow, removeFlow, scaleFlow");
        var missing = refused(Map.of("removeFlow", "fi:nothing"));
        assertThat(missing.get("message").asString()).isEqualTo("changes[0].removeFlow: no flow fi:nothing");
        var zero = refused(Map.of("scaleFlow", Map.of("flow", "fi:f1", "factor", 0)));
        assertThat(zero.get("message").asString()).startsWith("changes[0].scaleFlow.factor: must be greater than 0");
        var taken = refused(Map.of("addSink", Map.of("id", "fi:s1", "name", "again", "kind", "SOIL", "owner", "fi:o1",
                "location", Map.of("lat", 60.0, "lon", 25.0), "tCO2ePerYear", 1)));
        assertThat(taken.get("message").asString()).startsWith("changes[0].addSink.id: fi:s1 already exists");
    }
}
