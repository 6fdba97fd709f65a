package org.symbiosiskb.emissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.symbiosiskb.graph.Cypher;
import org.symbiosiskb.support.Http;
import org.symbiosiskb.support.KbTest;
import tools.jackson.databind.JsonNode;

/**
 * traceEmissions on graphs small enough to work out by hand (docs/spec/analytics.md §1), over GraphQL, with
 * the arithmetic beside each assertion.
 */
@KbTest
class TraceTest {

    static final double EPS = 1e-9;

    @LocalServerPort
    int port;
    @Autowired
    Neo4jClient neo4j;
    @Autowired
    Cypher cypher;
    Http http;

    @BeforeEach
    void empty() {
        neo4j.query("MATCH (n) DETACH DELETE n").run();
        http = new Http(port);
    }

    /** A document builder: processes with outputTonnes and 2024 scope 1 emissions, streams and flows. */
    static final class Graph {
        final Map<String, Object> doc = new LinkedHashMap<>();
        final List<Object> processes = new ArrayList<>();
        final List<Object> emissions = new ArrayList<>();
        final List<Object> streams = new ArrayList<>();
        final List<Object> flows = new ArrayList<>();

        Graph() {
            doc.put("format", "symbiosis-kb/1");
            doc.put("partner", "fi");
            doc.put("parks", List.of(Map.of("id", "fi:park", "name", "Park", "location", Map.of("lat", 65, "lon", 25))));
            doc.put("organizations", List.of(Map.of("id", "fi:org", "name", "Org", "park", "fi:park")));
            doc.put("processes", processes);
            doc.put("emissions", emissions);
            doc.put("sideStreams", streams);
            doc.put("flows", flows);
        }

        Graph process(String id, Double outputTonnes, double scope1) {
            var p = new LinkedHashMap<String, Object>(Map.of("id", id, "name", id, "operator", "fi:org"));
            if (outputTonnes != null) {
                p.put("outputTonnes", outputTonnes);
            }
            processes.add(p);
            if (scope1 > 0) {
                emissions.add(Map.of("process", id, "year", 2024, "scope", 1, "tCO2e", scope1));
            }
            return this;
        }

        Graph emission(String process, int scope, double tCO2e) {
            emissions.add(Map.of("process", process, "year", 2024, "scope", scope, "tCO2e", tCO2e, "source", "ENERGY"));
            return this;
        }

        Graph stream(String id, String producer, double quantity, String unit, Double allocationShare) {
            var s = new LinkedHashMap<String, Object>(Map.of("id", id, "name", id, "producer", producer, "quantity", quantity, "unit", unit));
            if (allocationShare != null) {
                s.put("allocationShare", allocationShare);
            }
            streams.add(s);
            return this;
        }

        Graph flow(String id, String stream, String consumer, double quantity, Map<String, Object> more) {
            var f = new LinkedHashMap<String, Object>(Map.of("id", id, "sideStream", stream, "consumer", consumer, "quantity", quantity));
            f.putAll(more);
            flows.add(f);
            return this;
        }

        Graph flow(String id, String stream, String consumer, double quantity) {
            return flow(id, stream, consumer, quantity, Map.of());
        }
    }

    void load(Graph g) {
        var response = http.post("/api/v1/datasets", g.doc);
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
    }

    JsonNode trace(String process, String args) {
        var response = http.graphql("{ traceEmissions(processId: \"" + process + "\", year: 2024" + args + ") {"
                + " direct transport inherited total intensity passedOn coverage truncated direction allocation process { id }"
                + " paths { contribution hops { from { id } sideStream { id } to { id } quantity share flow { id } } } } }");
        assertThat(response.body().get("errors")).as(response.raw()).isNull();
        return response.body().get("data").get("traceEmissions");
    }

    JsonNode error(String query) {
        var response = http.graphql(query);
        assertThat(response.body().get("errors")).as(response.raw()).isNotNull();
        return response.body().get("errors").get(0);
    }

    static List<String> flowsOf(JsonNode path) {
        var ids = new ArrayList<String>();
        path.get("hops").forEach(h -> ids.add(h.get("flow").get("id").asString()));
        return ids;
    }

    /** A (1000 t, 100) --f1: 200 t, 50 km ROAD at 0.1 kg/tkm--> B (500 t, 50) --f2: 100 t pipeline--> C (200 t, 10) */
    Graph chain() {
        return new Graph()
                .process("fi:a", 1000.0, 80).emission("fi:a", 2, 20)
                .process("fi:b", 500.0, 50)
                .process("fi:c", 200.0, 10)
                .stream("fi:sa", "fi:a", 400, "t", null)
                .stream("fi:sb", "fi:b", 100, "t", null)
                .flow("fi:f1", "fi:sa", "fi:b", 200, Map.of("transportMode", "ROAD", "distanceKm", 50, "transportFactor", 0.1))
                .flow("fi:f2", "fi:sb", "fi:c", 100, Map.of("transportMode", "PIPELINE", "distanceKm", 10));
    }

    @Test
    void upstream_trace_of_a_chain_splits_burden_by_mass() {
        load(chain());
        var t = trace("fi:c", "");

        // F(A) = 80 + 20 = 100; T(f1) = 200 × 50 × 0.1 / 1000 = 1; c(f1) = 200 / 1000 = 0.2
        // local(B) = 50 + 1 = 51; F(B) = 51 + 0.2 × 100 = 71; c(f2) = 100 / 500 = 0.2; T(f2) = 0 (pipeline)
        // F(C) = 10 + 0.2 × 71 = 24.2
        assertThat(t.get("direct").asDouble()).isCloseTo(10, within(EPS));
        assertThat(t.get("transport").asDouble()).isCloseTo(0, within(EPS));
        assertThat(t.get("inherited").asDouble()).isCloseTo(14.2, within(EPS));
        assertThat(t.get("total").asDouble()).isCloseTo(24.2, within(EPS));
        assertThat(t.get("intensity").asDouble()).isCloseTo(24.2 / 200, within(EPS));
        assertThat(t.get("passedOn").isNull()).isTrue();
        // chains: [f2] from B: 51 × 0.2 = 10.2; [f1, f2] from A: 100 × 0.2 × 0.2 = 4
        var paths = t.get("paths");
        assertThat(paths.size()).isEqualTo(2);
        assertThat(paths.get(0).get("contribution").asDouble()).isCloseTo(10.2, within(EPS));
        assertThat(flowsOf(paths.get(1))).containsExactly("fi:f1", "fi:f2");
        assertThat(paths.get(1).get("contribution").asDouble()).isCloseTo(4, within(EPS));
        assertThat(paths.get(1).get("hops").get(0).get("from").get("id").asString()).isEqualTo("fi:a");
        assertThat(paths.get(1).get("hops").get(0).get("share").asDouble()).isCloseTo(0.2, within(EPS));
        // coverage = (10 + 10.2 + 4) / 24.2 = 1: an acyclic upstream listed in full
        assertThat(t.get("coverage").asDouble()).isCloseTo(1, within(EPS));
        assertThat(t.get("truncated").asBoolean()).isFalse();
    }

    @Test
    void transport_counts_at_the_consumer_of_the_flow() {
        load(chain());
        var b = trace("fi:b", "");
        // B: direct 50, transport T(f1) = 1, inherited 0.2 × 100 = 20, total 71
        assertThat(b.get("transport").asDouble()).isCloseTo(1, within(EPS));
        assertThat(b.get("inherited").asDouble()).isCloseTo(20, within(EPS));
        assertThat(b.get("total").asDouble()).isCloseTo(71, within(EPS));
    }

    @Test
    void max_depth_cuts_chains_and_marks_the_trace_truncated() {
        load(chain());
        var t = trace("fi:c", ", maxDepth: 1");
        // only [f2] is explored; [f1, f2] has reach 100 × 0.04 = 4 > 0 and is cut
        assertThat(t.get("paths").size()).isEqualTo(1);
        assertThat(t.get("truncated").asBoolean()).isTrue();
        // coverage = (10 + 10.2) / 24.2
        assertThat(t.get("coverage").asDouble()).isCloseTo(20.2 / 24.2, within(EPS));
        // the total does not depend on the depth: the system is solved, not truncated
        assertThat(t.get("total").asDouble()).isCloseTo(24.2, within(EPS));
    }

    @Test
    void the_cutoff_stops_chains_that_carry_too_little() {
        load(chain());
        // cutoff 0.2 × 24.2 = 4.84: [f2] reaches 14.2 (explored), [f1, f2] reaches 4 (cut)
        var t = trace("fi:c", ", cutoff: 0.2");
        assertThat(t.get("paths").size()).isEqualTo(1);
        assertThat(t.get("truncated").asBoolean()).isTrue();
    }

    @Test
    void cut_off_allocation_passes_no_upstream_burden_but_keeps_transport() {
        load(chain());
        var b = trace("fi:b", ", allocation: CUT_OFF");
        // B: 50 + T(f1) 1 = 51, nothing inherited
        assertThat(b.get("total").asDouble()).isCloseTo(51, within(EPS));
        assertThat(b.get("allocation").asString()).isEqualTo("CUT_OFF");
        var c = trace("fi:c", ", allocation: CUT_OFF");
        assertThat(c.get("total").asDouble()).isCloseTo(10, within(EPS));
        assertThat(c.get("paths").size()).isZero();
        assertThat(c.get("coverage").asDouble()).isCloseTo(1, within(EPS));
    }

    @Test
    void downstream_trace_follows_where_the_footprint_goes() {
        load(chain());
        var t = trace("fi:a", ", direction: DOWNSTREAM");
        // F(A) = 100; passedOn = 0.2 × 100 = 20; chains: [f1] 100 × 0.2 = 20, [f1, f2] 100 × 0.2 × 0.2 = 4
        assertThat(t.get("direction").asString()).isEqualTo("DOWNSTREAM");
        assertThat(t.get("total").asDouble()).isCloseTo(100, within(EPS));
        assertThat(t.get("passedOn").asDouble()).isCloseTo(20, within(EPS));
        assertThat(t.get("paths").get(0).get("contribution").asDouble()).isCloseTo(20, within(EPS));
        assertThat(flowsOf(t.get("paths").get(1))).containsExactly("fi:f1", "fi:f2");
        assertThat(t.get("paths").get(1).get("contribution").asDouble()).isCloseTo(4, within(EPS));
        assertThat(t.get("coverage").asDouble()).isCloseTo(1, within(EPS));
    }

    @Test
    void a_diamond_adds_both_branches() {
        // A (1000 t, 100) -> B: 300 t (0.3), A -> C: 200 t (0.2); B (300 t, 30) -> D: 100 t (1/3); C (200 t, 20) -> D: 50 t (0.25)
        load(new Graph()
                .process("fi:a", 1000.0, 100).process("fi:b", 300.0, 30).process("fi:c", 200.0, 20).process("fi:d", null, 5)
                .stream("fi:sa", "fi:a", 600, "t", null).stream("fi:sb", "fi:b", 100, "t", null).stream("fi:sc", "fi:c", 100, "t", null)
                .flow("fi:ab", "fi:sa", "fi:b", 300).flow("fi:ac", "fi:sa", "fi:c", 200)
                .flow("fi:bd", "fi:sb", "fi:d", 100).flow("fi:cd", "fi:sc", "fi:d", 50));
        var t = trace("fi:d", "");
        // F(B) = 30 + 0.3 × 100 = 60; F(C) = 20 + 0.2 × 100 = 40; F(D) = 5 + 60 / 3 + 0.25 × 40 = 35
        assertThat(t.get("total").asDouble()).isCloseTo(35, within(EPS));
        assertThat(t.get("intensity").isNull()).isTrue(); // D has no outputTonnes
        // contributions: [bd] 30/3 = 10, [ab, bd] 100 × 0.3 / 3 = 10, [cd] 20 × 0.25 = 5, [ac, cd] 100 × 0.2 × 0.25 = 5
        // ties: shorter first
        var paths = t.get("paths");
        assertThat(flowsOf(paths.get(0))).containsExactly("fi:bd");
        assertThat(flowsOf(paths.get(1))).containsExactly("fi:ab", "fi:bd");
        assertThat(flowsOf(paths.get(2))).containsExactly("fi:cd");
        assertThat(flowsOf(paths.get(3))).containsExactly("fi:ac", "fi:cd");
        assertThat(t.get("coverage").asDouble()).isCloseTo(1, within(EPS));
    }

    /** Steam from the power plant P to the refinery R, whose flare gas returns to P. */
    Graph steamLoop() {
        return new Graph()
                .process("fi:p", 1000.0, 1000).process("fi:r", 2000.0, 500)
                .stream("fi:steam", "fi:p", 500, "t", null).stream("fi:flare-gas", "fi:r", 300, "t", null)
                .flow("fi:steam-to-r", "fi:steam", "fi:r", 400).flow("fi:gas-to-p", "fi:flare-gas", "fi:p", 200);
    }

    @Test
    void a_loop_that_passes_on_less_than_its_burden_is_solved_exactly() {
        load(steamLoop());
        var t = trace("fi:r", "");
        // c(steam) = 400 / 1000 = 0.4; c(gas) = 200 / 2000 = 0.1
        // F(P) = 1000 + 0.1 F(R), F(R) = 500 + 0.4 F(P)  =>  F(P) = 1050 / 0.96 = 1093.75, F(R) = 937.5
        assertThat(t.get("total").asDouble()).isCloseTo(937.5, within(EPS));
        assertThat(t.get("inherited").asDouble()).isCloseTo(437.5, within(EPS));
        // chains: [steam] from P: 1000 × 0.4 = 400; [gas, steam] from R: 500 × 0.1 × 0.4 = 20; no flow twice, so it stops there
        assertThat(t.get("paths").get(0).get("contribution").asDouble()).isCloseTo(400, within(EPS));
        assertThat(flowsOf(t.get("paths").get(1))).containsExactly("fi:gas-to-p", "fi:steam-to-r");
        assertThat(t.get("paths").get(1).get("contribution").asDouble()).isCloseTo(20, within(EPS));
        // coverage = (500 + 400 + 20) / 937.5: the rest circulates in the loop
        assertThat(t.get("coverage").asDouble()).isCloseTo(920 / 937.5, within(EPS));
        assertThat(t.get("truncated").asBoolean()).isFalse();
        assertThat(trace("fi:p", "").get("total").asDouble()).isCloseTo(1093.75, within(EPS));
    }

    @Test
    void a_loop_of_five_hundred_processes_is_solved_as_exactly_as_a_small_one() {
        // a ring: each of 500 processes (1000 t, 10 t CO2e) sends 500 t to the next; the last closes the ring.
        // c = 500 / 1000 = 0.5 everywhere, so by symmetry F = 10 + 0.5 F, F = 20 for every process
        // (500 members: beyond the dense solve, the sparse iteration answers)
        var g = new Graph();
        for (int i = 0; i < 500; i++) {
            g.process("fi:ring-" + i, 1000.0, 10).stream("fi:out-" + i, "fi:ring-" + i, 500, "t", null);
        }
        for (int i = 0; i < 500; i++) {
            g.flow("fi:link-" + i, "fi:out-" + i, "fi:ring-" + ((i + 1) % 500), 500);
        }
        load(g);
        var t = trace("fi:ring-123", ", first: 3");
        assertThat(t.get("total").asDouble()).isCloseTo(20, within(EPS));
        assertThat(t.get("inherited").asDouble()).isCloseTo(10, within(EPS));
        // the nearest chain: ring-122 passes 10 × 0.5 = 5
        assertThat(t.get("paths").get(0).get("contribution").asDouble()).isCloseTo(5, within(EPS));
    }

    @Test
    void a_loop_that_passes_on_all_its_burden_is_a_bad_request_naming_its_processes() {
        // P (100 t) sends all 100 t to R; R (100 t) sends all 100 t back: c = 1 both ways
        load(new Graph().process("fi:p", 100.0, 10).process("fi:r", 100.0, 10)
                .stream("fi:sp", "fi:p", 100, "t", null).stream("fi:sr", "fi:r", 100, "t", null)
                .flow("fi:pr", "fi:sp", "fi:r", 100).flow("fi:rp", "fi:sr", "fi:p", 100));
        var e = error("{ traceEmissions(processId: \"fi:r\", year: 2024) { total } }");
        assertThat(e.get("extensions").get("classification").asString()).isEqualTo("BAD_REQUEST");
        assertThat(e.get("message").asString()).startsWith("the loop through fi:p, fi:r passes on all of its burden")
                .doesNotContain("Exception", "org.");
    }

    @Test
    void an_mwh_stream_carries_its_allocation_share() {
        // P: 1000 t CO2e, 5000 t of product; surplus heat 10 000 MWh with allocationShare 0.2; 2500 MWh to district heating H
        load(new Graph().process("fi:p", 5000.0, 1000).process("fi:h", null, 10)
                .stream("fi:heat", "fi:p", 10000, "MWh", 0.2)
                .flow("fi:heat-to-h", "fi:heat", "fi:h", 2500, Map.of("transportMode", "PIPELINE", "distanceKm", 5)));
        var t = trace("fi:h", "");
        // c = 2500 / 10000 × 0.2 = 0.05; inherited 0.05 × 1000 = 50; no transport for MWh; total 60
        assertThat(t.get("inherited").asDouble()).isCloseTo(50, within(EPS));
        assertThat(t.get("total").asDouble()).isCloseTo(60, within(EPS));
    }

    @Test
    void a_tonnes_stream_of_a_producer_without_output_uses_its_allocation_share() {
        // P has no outputTonnes: c = (m / quantity) × share = (50 / 200) × 0.4 = 0.1; without a share c = 0
        load(new Graph().process("fi:p", null, 1000).process("fi:q", null, 0)
                .stream("fi:with-share", "fi:p", 200, "t", 0.4).stream("fi:no-share", "fi:p", 200, "t", null)
                .flow("fi:f1", "fi:with-share", "fi:q", 50).flow("fi:f2", "fi:no-share", "fi:q", 50));
        assertThat(trace("fi:q", "").get("total").asDouble()).isCloseTo(100, within(EPS));
    }

    @Test
    void flows_outside_the_year_are_not_traced() {
        var g = chain();
        ((Map<String, Object>) g.flows.get(1)).put("fromYear", 2025);
        load(g);
        // f2 starts in 2025: in 2024 C carries only its own 10
        assertThat(trace("fi:c", "").get("total").asDouble()).isCloseTo(10, within(EPS));
    }

    @Test
    void unknown_ids_are_not_found_and_nonsense_arguments_bad_requests() {
        load(chain());
        assertThat(error("{ traceEmissions(processId: \"fi:nowhere\", year: 2024) { total } }").get("extensions").get("classification").asString())
                .isEqualTo("NOT_FOUND");
        var depth = error("{ traceEmissions(processId: \"fi:c\", year: 2024, maxDepth: -1) { total } }");
        assertThat(depth.get("message").asString()).isEqualTo("maxDepth must be 0 or more, found -1");
        assertThat(depth.get("extensions").get("classification").asString()).isEqualTo("BAD_REQUEST");
        assertThat(error("{ traceEmissions(processId: \"fi:c\", year: 2024, cutoff: 1.5) { total } }").get("message").asString())
                .isEqualTo("cutoff must be between 0 and 1, found 1.5");
        assertThat(error("{ traceEmissions(processId: \"fi:c\", year: 2024, first: 100000) { total } }").get("message").asString())
                .startsWith("first: 100000 exceeds kb.limits.max-page-size 500");
    }

    @Test
    void database_round_trips_of_a_trace_do_not_grow_with_the_upstream_network() {
        assertThat(statementsForChainOf(3)).isEqualTo(statementsForChainOf(40));
    }

    private long statementsForChainOf(int length) {
        neo4j.query("MATCH (n) DETACH DELETE n").run();
        var g = new Graph();
        for (int i = 0; i < length; i++) {
            g.process("fi:p" + i, 1000.0, 10);
            if (i > 0) {
                g.stream("fi:s" + (i - 1), "fi:p" + (i - 1), 500, "t", null).flow("fi:f" + i, "fi:s" + (i - 1), "fi:p" + i, 500);
            }
        }
        load(g);
        long before = cypher.statementsRun();
        var t = trace("fi:p" + (length - 1), ", maxDepth: 100, cutoff: 0");
        assertThat(t.get("paths").size()).isEqualTo(length - 1);
        return cypher.statementsRun() - before;
    }
}
