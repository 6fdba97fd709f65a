package org.symbiosiskb.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
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
 * kb.limits over real HTTP with the defaults (max-depth 12, max-complexity 250000, max-aliases 30,
 * max-page-size 500, kb.api.default-page-size 20): each refused as BAD_REQUEST naming the property
 * and its value, before a single statement reaches the database; the costs worked out by hand.
 */
@KbTest
class QueryLimitsTest {

    @LocalServerPort
    int port;
    @Autowired
    Neo4jClient neo4j;
    @Autowired
    Cypher cypher;
    Http http;

    @BeforeEach
    void onePark() {
        neo4j.query("MATCH (n) DETACH DELETE n").run();
        http = new Http(port);
        var response = http.post("/api/v1/datasets", Map.of("format", "symbiosis-kb/1", "partner", "fi",
                "parks", List.of(Map.of("id", "fi:park", "name", "Park", "location", Map.of("lat", 65, "lon", 25))),
                "organizations", List.of(Map.of("id", "fi:org", "name", "Org", "park", "fi:park")),
                "processes", List.of(Map.of("id", "fi:p", "name", "P", "operator", "fi:org"))));
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
    }

    /** The errors of a refused query, after checking that no statement ran and no data came back. */
    private JsonNode refused(String query) {
        long before = cypher.statementsRun();
        var response = http.graphql(query);
        assertThat(cypher.statementsRun()).as("statements run for a refused query").isEqualTo(before);
        assertThat(response.body().get("data") == null || response.body().get("data").isNull()).as(response.raw()).isTrue();
        JsonNode errors = response.body().get("errors");
        assertThat(errors).as(response.raw()).isNotNull();
        for (JsonNode e : errors) {
            assertThat(e.get("extensions").get("classification").asString()).isEqualTo("BAD_REQUEST");
        }
        return errors;
    }

    private JsonNode answered(String query) {
        var response = http.graphql(query);
        assertThat(response.body().get("errors")).as(response.raw()).isNull();
        return response.body().get("data");
    }

    /** park { coordinator { park { ... } } }: objects only, so depth grows and the cost stays tiny. */
    private static String nested(int depth) {
        var query = new StringBuilder("{ park(id: \"fi:park\") {");
        for (int level = 2; level < depth; level++) {
            query.append(level % 2 == 0 ? " coordinator {" : " park {");
        }
        query.append(" id").append(" }".repeat(depth - 1)).append(" }");
        return query.toString();
    }

    @Test
    void a_query_deeper_than_max_depth_is_refused_naming_the_limit() {
        // answered (the park has no coordinator, so the chain ends in null)
        assertThat(answered(nested(12)).get("park").has("coordinator")).isTrue();

        JsonNode errors = refused(nested(13));

        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).get("message").asString()).isEqualTo("query depth 13 exceeds kb.limits.max-depth 12");
        assertThat(errors.get(0).get("extensions").get("limit").asString()).isEqualTo("kb.limits.max-depth");
        assertThat(errors.get(0).get("extensions").get("value").asInt()).isEqualTo(12);
    }

    @Test
    void introspection_has_no_depth_so_graphiql_still_loads_the_schema() {
        // __schema, types, fields, type, eight ofType, name: 13 levels, over max-depth 12 if introspection counted
        String ofTypes = "ofType { ".repeat(8) + "name" + " }".repeat(8);
        assertThat(answered("{ __schema { types { fields { type { " + ofTypes + " } } } } }").get("__schema")).isNotNull();
    }

    @Test
    void more_aliases_than_max_aliases_are_refused_naming_the_limit() {
        var thirty = new ArrayList<String>();
        for (int i = 0; i < 30; i++) {
            thirty.add("a" + i + ": formatVersion");
        }
        assertThat(answered("{ " + String.join(" ", thirty) + " }").get("a29").asString()).isNotBlank();

        JsonNode errors = refused("{ " + String.join(" ", thirty) + " a30: formatVersion }");

        assertThat(errors.get(0).get("message").asString()).isEqualTo("aliases 31 exceeds kb.limits.max-aliases 30");
    }

    @Test
    void a_page_larger_than_max_page_size_is_refused_before_anything_is_fetched() {
        JsonNode errors = refused("{ parks(first: 501) { totalCount } }");

        assertThat(errors.get(0).get("message").asString())
                .isEqualTo("first: 501 exceeds kb.limits.max-page-size 500 (parks); page with `after`");
        // the same cap when first comes in a variable, on an analytics list
        long before = cypher.statementsRun();
        var viaVariable = http.graphql("query($n: Int) { traceEmissions(processId: \"fi:p\", year: 2024, first: $n) { total } }", Map.of("n", 600));
        assertThat(cypher.statementsRun()).isEqualTo(before);
        assertThat(viaVariable.body().get("errors").get(0).get("message").asString())
                .isEqualTo("first: 600 exceeds kb.limits.max-page-size 500 (traceEmissions); page with `after`");
    }

    @Test
    void a_federation_lookup_of_more_representations_than_max_page_size_is_refused() {
        var representations = new java.util.ArrayList<Map<String, Object>>();
        for (int i = 0; i < 501; i++) {
            representations.add(Map.of("__typename", "Park", "id", "fi:p" + i));
        }
        long before = cypher.statementsRun();
        var response = http.graphql("query($r: [_Any!]!) { _entities(representations: $r) { ... on Park { id } } }",
                Map.of("r", representations));
        assertThat(cypher.statementsRun()).isEqualTo(before);
        assertThat(response.body().get("errors").get(0).get("message").asString()).contains("501", "kb.limits.max-page-size 500", "_entities");
        // 500 are looked up
        var fine = http.graphql("query($r: [_Any!]!) { _entities(representations: $r) { ... on Park { id } } }",
                Map.of("r", representations.subList(0, 500)));
        assertThat(fine.body().get("errors")).as(fine.raw()).isNull();
    }

    @Test
    void a_connection_costs_first_times_its_nodes_and_lists_given_a_first_that_first() {
        // sideStreams(first: 20): 1 + 20 × (id + name)                                  =       41
        // processes(first: 20): 1 + 20 × (id 1 + sideStreams 41)                      =      841
        // nodes: a list under organizationsConnection(first: 296): 1 + 296 × (1 + 841) =  249 233
        // organizationsConnection 1 + 249 233; park(id:) 1 + 249 234                   =  249 235  ≤ 250 000
        String query = """
                { park(id: "fi:park") { organizationsConnection(first: %d) {
                    nodes { id processes(first: 20) { id sideStreams(first: 20) { id name } } } } } }""";
        assertThat(answered(query.formatted(296)).get("park").get("organizationsConnection").get("nodes").get(0)
                .get("processes").get(0).get("id").asString()).isEqualTo("fi:p");

        // first: 297 → nodes 1 + 297 × 842 = 250 075, the connection 250 076, park(id:) 250 077 > 250 000
        JsonNode errors = refused(query.formatted(297));

        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).get("message").asString())
                .startsWith("query complexity 250077 exceeds kb.limits.max-complexity 250000");
        assertThat(errors.get(0).get("extensions").get("found").asLong()).isEqualTo(250077);
    }

    @Test
    void a_top_level_page_costs_no_more_records_than_its_label_holds() {
        // one Park in the store: parks(first: 500) pages over at most 1 record, whatever first says:
        // processes(first: 20) 1 + 20 × (id + name) = 41; organizations(first: 20) 1 + 20 × (1 + 41) = 841;
        // nodes 1 + 1 × (1 + 841) = 843; parks 844 (with 500 it would be 421 002, refused)
        var parks = answered("{ parks(first: 500) { nodes { id organizations(first: 20) { id processes(first: 20) { id name } } } } }");
        assertThat(parks.get("parks").get("nodes").get(0).get("id").asString()).isEqualTo("fi:park");

        // 31 of the same are refused for their aliases only: 31 × 844 = 26 164 is well within the complexity limit
        // (counted at first: 500 they would cost 31 × 421 002)
        var aliases = new StringBuilder();
        for (int i = 0; i < 31; i++) {
            aliases.append(" a").append(i).append(": parks(first: 500) { nodes { id organizations(first: 20) { id processes(first: 20) { id name } } } }");
        }
        var limits = new ArrayList<String>();
        refused("{" + aliases + " }").forEach(e -> limits.add(e.get("extensions").get("limit").asString()));
        assertThat(limits).containsExactly("kb.limits.max-aliases");
    }

    /** Two parks of 30 organizations each, every organization operating one process (and nothing else in the store). */
    private void twoParksOfThirty() {
        neo4j.query("MATCH (n) DETACH DELETE n").run();
        var parks = new ArrayList<Object>();
        var organizations = new ArrayList<Object>();
        var processes = new ArrayList<Object>();
        for (String park : List.of("fi:a", "fi:b")) {
            parks.add(Map.of("id", park, "name", park, "location", Map.of("lat", 65, "lon", 25)));
            for (int i = 0; i < 30; i++) {
                organizations.add(Map.of("id", park + "-o" + i, "name", "O", "park", park));
                processes.add(Map.of("id", park + "-p" + i, "name", "P", "operator", park + "-o" + i));
            }
        }
        var response = http.post("/api/v1/datasets", Map.of("format", "symbiosis-kb/1", "partner", "fi",
                "parks", parks, "organizations", organizations, "processes", processes));
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
    }

    /** park → organizations → processes → park, {@code cycles} times, then the organizations' ids: depth 3 × cycles + 3. */
    private static String cycles(int cycles, String innermostOrganizations) {
        return "{ park(id: \"fi:a\") {" + " organizations { processes { park {".repeat(cycles) + " " + innermostOrganizations + " { id }"
                + " } } }".repeat(cycles) + " } }";
    }

    @Test
    void an_unpaged_relationship_list_costs_the_data_fan_out_so_a_query_of_a_million_records_is_refused() {
        twoParksOfThirty();
        // count statistics: 60 LOCATED_IN of 2 parks: Park.organizations 60 / 2 = 30;
        // 60 OPERATES of 60 organizations: Organization.processes 60 / 60 = 1; Process.park is one record
        // innermost organizations: 1 + 30 × id 1 = 31; park: 1 + 31 = 32; processes: 1 + 1 × 32 = 33
        // organizations: 1 + 30 × 33 = 991; park 992; processes 993
        // organizations: 1 + 30 × 993 = 29 791; park 29 792; processes 29 793
        // organizations: 1 + 30 × 29 793 = 893 791; park(id:) 1 + 893 791 = 893 792 > 250 000
        // (the answer would hold 30⁴ = 810 000 organizations at the innermost level alone)
        JsonNode errors = refused(cycles(3, "organizations"));

        assertThat(errors.get(0).get("message").asString()).startsWith("query complexity 893792 exceeds kb.limits.max-complexity 250000");

        // the same with the innermost list paged by first: 9 instead of its fan-out of 30:
        // 1 + 9 × 1 = 10; park 11; processes 12; 1 + 30 × 12 = 361; 362; 363; 1 + 30 × 363 = 10 891; 10 892; 10 893;
        // 1 + 30 × 10 893 = 326 791; park(id:) 326 792
        assertThat(refused(cycles(3, "organizations(first: 9)")).get(0).get("extensions").get("found").asLong()).isEqualTo(326792);

        // one cycle: 1 + 30 × 1 = 31; 32; 33; 1 + 30 × 33 = 991; park(id:) 992: answered, 30 × 30 organizations
        var park = answered(cycles(1, "organizations")).get("park");
        assertThat(park.get("organizations").size()).isEqualTo(30);
        assertThat(park.get("organizations").get(29).get("processes").get(0).get("park").get("organizations").size()).isEqualTo(30);
    }

    @Test
    void a_trace_costs_its_first_times_each_path() {
        // sideStreams(first: 20): 1 + 20 × (id + name) = 41; from: 1 + (id 1 + 41) = 43
        // hops: a list under a list, 1 + 20 × (quantity 1 + from 43) = 881
        // paths: a list under traceEmissions(first: 500): 1 + 500 × (contribution 1 + hops 881) = 441 001
        // traceEmissions: 1 + (total 1 + paths 441 001) = 441 003
        String query = """
                { traceEmissions(processId: "fi:p", year: 2024%s) {
                    total paths { contribution hops { quantity from { id sideStreams(first: 20) { id name } } } } } }""";
        JsonNode errors = refused(query.formatted(", first: 500"));

        assertThat(errors.get(0).get("message").asString()).startsWith("query complexity 441003 exceeds kb.limits.max-complexity 250000");
        // the schema default (first: 50): paths 1 + 50 × 882 = 44 101, the trace 1 + (total 1 + 44 101) = 44 103: answered
        assertThat(answered(query.formatted("")).get("traceEmissions").get("total").asDouble()).isEqualTo(0.0);
    }

    @Test
    void a_list_with_first_costs_first_times_each_item_and_its_own_first_stops_there() {
        // sideStreams(first: 20): 1 + 20 × (id + name) = 41
        // processes(first: 20), its own first, not sideStreamMatches' 500 above it: 1 + 20 × 41 = 821
        // operator 1 + 821 = 822; process 1 + 822 = 823; sideStreamMatches(first: 500): 1 + 500 × 823 = 411 501
        JsonNode errors = refused("""
                { sideStreamMatches(sideStreamId: "fi:s", first: 500) { process { operator { processes(first: 20) { sideStreams(first: 20) { id name } } } } } }""");

        assertThat(errors.get(0).get("extensions").get("found").asLong()).isEqualTo(411501);
    }

    @Test
    void every_limit_exceeded_is_reported_at_once() {
        var aliases = new StringBuilder();
        for (int i = 0; i < 31; i++) {
            aliases.append(" a").append(i).append(": park(id: \"fi:park\") { organizationsConnection(first: 500) { nodes { processes(first: 20) { sideStreams(first: 20) { id } } } } }");
        }
        JsonNode errors = refused("{" + aliases + " }");

        var limits = new ArrayList<String>();
        errors.forEach(e -> limits.add(e.get("extensions").get("limit").asString()));
        assertThat(limits).containsExactly("kb.limits.max-aliases", "kb.limits.max-complexity");
    }
}
