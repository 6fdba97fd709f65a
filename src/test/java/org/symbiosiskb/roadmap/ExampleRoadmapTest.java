package org.symbiosiskb.roadmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.symbiosiskb.roadmap.RoadmapAssertions.assertTarget;
import static org.symbiosiskb.roadmap.RoadmapAssertions.assertYear;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.symbiosiskb.exchange.ExampleGraph;
import org.symbiosiskb.support.Http;
import org.symbiosiskb.support.KbTest;
import tools.jackson.databind.JsonNode;

/**
 * The roadmap tour of docs/graphql.md on the example data: the Topinpuisto carbon roadmap (example/roadmap-topinpuisto.json).
 *
 * <pre>
 * Topinpuisto 2024 (fi.json): gross (scopes 1 + 2) waste centre 8000 + 1200 + 300 = 9500, textile refinement
 * 20 + 150 = 170, landscaping 300, biogas plant 1500 + 2500 = 4000 → 13970; biochar sink 300; LSJH buys 1500 from
 * the Turku city forests (ACTIVE 2022–2024) → net 13970 − 300 − 1500 = 12170. From 2025 no records (carried
 * forward) and the 3000 t agreement is only PROPOSED → baseline 13970 − 300 = 13670.
 * avoided 2024: biowaste 24000 × 0.05 + textiles 2500 × 1.5 + sludge 85000 × 0.02 + digestate 20000 × 0.01
 *             = 1200 + 3750 + 1700 + 200 = 6850
 * </pre>
 */
@KbTest
class ExampleRoadmapTest {

    static final double EPS = 1e-6;
    static final String ROADMAP = "fi:topinpuisto-carbon-roadmap";

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    Http http;

    @BeforeEach
    void exampleData() {
        ExampleGraph.load(context);
        http = new Http(port);
    }

    private JsonNode data(String query, Map<String, Object> variables) {
        var response = http.graphql(query, variables);
        assertThat(response.body().get("errors")).as(response.raw()).isNull();
        return response.body().get("data");
    }

    @Test
    void the_topinpuisto_roadmap_meets_2030_and_2035_and_misses_2040_when_the_truck_fleet_retires() {
        var roadmap = data("""
                { park(id: "fi:turku-topinpuisto") { roadmaps { id } }
                  roadmap(id: "fi:topinpuisto-carbon-roadmap") { name baseYear park { name }
                    trajectory { year baseline planned avoided } targetStatus { year threshold planned gap met } } }""",
                Map.of());
        assertThat(roadmap.get("park").get("roadmaps").get(0).get("id").asString()).isEqualTo(ROADMAP);
        var years = roadmap.get("roadmap").get("trajectory");
        assertThat(years).hasSize(17); // 2024 .. 2040
        // 2024: no measure in effect yet (flaring is DROPPED, the rest start 2026 or later)
        assertYear(years.get(0), 2024, 12170, 12170, 6850);
        // 2030: baseline 13670 − (landfill gas 5000 + trucks 800 + electricity 2500 + slip 1000 + sink 1500
        //       + offsets 3000 = 13800) = −130; avoided 6850 + digestate 30000 × 0.01 − 30000 t × 1 km × 0.107 / 1000
        //       = 6850 + 300 − 3.21 = 7146.79
        assertYear(years.get(6), 2030, 13670, -130, 7146.79);
        // 2040: trucks (2027, 10 years) ended in 2037; HTL 1500 from 2031 → 13670 − 14500 = −830
        assertYear(years.get(16), 2040, 13670, -830, 7146.79);

        var targets = roadmap.get("roadmap").get("targetStatus");
        // 2030: 12170 × (1 − 50/100) = 6085; planned −130 → gap −6215, met
        assertTarget(targets.get(0), 2030, 6085, -130, -6215, true);
        // 2035: maxNet 0; planned 13670 − 13800 − 1500 = −1630 → met
        assertTarget(targets.get(1), 2035, 0, -1630, -1630, true);
        // 2040: maxNet −1000; planned −830 → gap 170, missed
        assertTarget(targets.get(2), 2040, -1000, -830, 170, false);
    }

    @Test
    void every_query_of_the_roadmap_tour_runs_on_the_example_data() throws java.io.IOException {
        String page = java.nio.file.Files.readString(java.nio.file.Path.of("docs/graphql.md"));
        String tour = page.substring(page.indexOf("## Roadmaps and scenarios"), page.indexOf("## Writing"));
        var queries = java.util.regex.Pattern.compile("```graphql\n(.*?)```", java.util.regex.Pattern.DOTALL).matcher(tour)
                .results().map(m -> m.group(1)).toList();
        assertThat(queries).hasSize(3);
        for (String query : queries) {
            var response = http.graphql(query);
            assertThat(response.body().get("errors")).as(query + response.raw()).isNull();
        }
        // the scenario's figures as the tour shows them (rounded there to two decimals)
        var traces = http.graphql(queries.get(2)).body().get("data").get("simulate").get("traces").get(0);
        assertThat(traces.get("before").get("total").asDouble()).isCloseTo(565.97, within(0.005));
        assertThat(traces.get("after").get("total").asDouble()).isCloseTo(395.16, within(0.005));
    }

    @Test
    void the_2035_curve_puts_renewable_electricity_first_and_htl_last() {
        var curve = data("""
                { abatementCurve(roadmapId: "fi:topinpuisto-carbon-roadmap", year: 2035) {
                    measure { id name } abatement annualisedCost costPerTonne cumulativeAbatement } }""", Map.of())
                .get("abatementCurve");
        var ids = new java.util.ArrayList<String>();
        curve.forEach(p -> ids.add(p.get("measure").get("id").asString().replace("fi:topinpuisto-m-", "")));
        // €/t: electricity 50000 / 2500 = 20; offsets 96000 / 3000 = 32; landfill gas (1.8M × CRF(0.05, 15) + 60000) / 5000
        // = 46.68; slip (400000 × CRF(0.05, 15) + 10000) / 1000 = 48.54; sink (900000 × CRF(0.05, 30) + 40000) / 1500 = 65.70;
        // trucks (1.2M × CRF(0.05, 10) − 80000) / 800 = 94.26; digestate 30000 / 296.79 = 101.08;
        // HTL (6M × CRF(0.05, 20) + 250000) / 1500 = 487.64
        assertThat(ids).containsExactly("renewable-electricity", "local-offsets", "landfill-gas", "methane-slip",
                "landscaping-sink", "biogas-trucks", "digestate-reuse", "htl");
        assertThat(curve.get(0).get("costPerTonne").asDouble()).isCloseTo(20, within(EPS));
        // CRF(0.05, 15) = 0.05 × 1.05^15 / (1.05^15 − 1)
        double crf15 = 0.05 * Math.pow(1.05, 15) / (Math.pow(1.05, 15) - 1);
        assertThat(curve.get(2).get("annualisedCost").asDouble()).isCloseTo(1_800_000 * crf15 + 60_000, within(EPS));
        assertThat(curve.get(2).get("costPerTonne").asDouble()).isCloseTo(46.68, within(0.005));
        // cumulative: 2500 + 3000 + 5000 + 1000 + 1500 + 800 + 296.79 + 1500 = 15596.79
        assertThat(curve.get(7).get("cumulativeAbatement").asDouble()).isCloseTo(15596.79, within(EPS));
    }

    @Test
    void a_scenario_on_the_example_data_writes_nothing() {
        var scenario = data("""
                query($changes: [ScenarioChange!]!) {
                  simulate(parkId: "fi:turku-topinpuisto", year: 2024, changes: $changes,
                           traceProcesses: ["fi:lsjh-textile-refinement"]) {
                    before { gross avoided net } after { gross avoided net }
                    traces { process { name } before { direct inherited total } after { direct inherited total } } } }""",
                Map.of("changes", List.of(
                        Map.of("setEmission", Map.of("process", "fi:lsjh-topinoja-waste-centre", "year", 2024, "scope", 1,
                                "source", "LANDFILL", "tCO2e", 3000)),
                        Map.of("scaleFlow", Map.of("flow", "fi:flow-topinoja-textiles-refinement", "factor", 1.2))))).get("simulate");
        // gross 13970 − (8000 − 3000) = 8970, net 12170 − 5000 = 7170; avoided 6850 + 500 t × 1.5 = 7600
        assertThat(scenario.get("after").get("gross").asDouble()).isCloseTo(8970, within(EPS));
        assertThat(scenario.get("after").get("net").asDouble()).isCloseTo(7170, within(EPS));
        assertThat(scenario.get("after").get("avoided").asDouble()).isCloseTo(7600, within(EPS));
        var trace = scenario.get("traces").get(0);
        // the refinement's own emissions stay 170; it takes 3000 t instead of 2500 t from the waste centre
        // (outputTonnes 60000), whose footprint falls by the 5000 t cut: inherited = 3000 / 60000 × F'(waste centre)
        assertThat(trace.get("after").get("direct").asDouble()).isCloseTo(170, within(EPS));
        // the waste centre takes no flows: F = its direct 9500 before, 4500 after;
        // before: inherited 2500 / 60000 × 9500 = 395.8333…, transport 2500 t × 0.5 km × 0.107 / 1000 = 0.13375,
        //         total 170 + 0.13375 + 395.8333… = 565.9670…
        // after:  inherited 3000 / 60000 × 4500 = 225, transport 3000 × 0.5 × 0.107 / 1000 = 0.1605, total 395.1605
        assertThat(trace.get("before").get("inherited").asDouble()).isCloseTo(2500.0 / 60000 * 9500, within(EPS));
        assertThat(trace.get("before").get("total").asDouble()).isCloseTo(170 + 0.13375 + 2500.0 / 60000 * 9500, within(EPS));
        assertThat(trace.get("after").get("inherited").asDouble()).isCloseTo(225, within(EPS));
        assertThat(trace.get("after").get("total").asDouble()).isCloseTo(395.1605, within(EPS));
        // a factor of 1.3 would take 3250 t of a 3000 t stream: the import's error, against the change
        var refused = http.graphql("""
                { simulate(parkId: "fi:turku-topinpuisto", year: 2024, changes: [
                    {setEmission: {process: "fi:lsjh-topinoja-waste-centre", year: 2024, scope: 1, source: LANDFILL, tCO2e: 3000}},
                    {scaleFlow: {flow: "fi:flow-topinoja-textiles-refinement", factor: 1.3}}]) { after { net } } }""");
        assertThat(refused.body().get("errors").get(0).get("message").asString()).isEqualTo("changes[1].scaleFlow.quantity: flows "
                + "from fi:topinoja-textiles add up to 3250 t in 2022, more than its quantity of 3000 t; 3000 t free");
        // and nothing was written
        var balance = data("{ carbonBalance(parkId: \"fi:turku-topinpuisto\", year: 2024) { net } }", Map.of());
        assertThat(balance.get("carbonBalance").get("net").asDouble()).isCloseTo(12170, within(EPS));
    }
}
