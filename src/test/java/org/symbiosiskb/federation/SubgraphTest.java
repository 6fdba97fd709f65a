package org.symbiosiskb.federation;

import static org.assertj.core.api.Assertions.assertThat;

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

/** The Apollo Federation 2 subgraph over real HTTP: {@code _service { sdl }} and batched {@code _entities}. */
@KbTest
class SubgraphTest {

    /** Asks for the plain fields of every keyed type, so that only the entity lookups run statements. */
    static final String ENTITIES = """
            query Entities($representations: [_Any!]!) {
              _entities(representations: $representations) {
                __typename
                ... on Park { id name }
                ... on Network { id name }
                ... on Organization { id name }
                ... on Process { id name }
                ... on SideStream { id name }
                ... on CarbonSink { id name }
              }
            }""";

    @LocalServerPort
    int port;
    @Autowired
    Neo4jClient neo4j;
    @Autowired
    Cypher cypher;
    Http http;

    /** One network, one park, 40 organizations each operating a process that produces a side stream, one sink. */
    @BeforeEach
    void graph() {
        neo4j.query("MATCH (n) DETACH DELETE n").run();
        http = new Http(port);
        var doc = new LinkedHashMap<String, Object>();
        doc.put("format", "symbiosis-kb/1");
        doc.put("partner", "fi");
        doc.put("networks", List.of(Map.of("id", "fi:net", "name", "Network", "scope", "NATIONAL")));
        doc.put("parks", List.of(Map.of("id", "fi:park", "name", "Park", "location", Map.of("lat", 65.7, "lon", 24.6), "networks", List.of("fi:net"))));
        var organizations = new ArrayList<Object>();
        var processes = new ArrayList<Object>();
        var streams = new ArrayList<Object>();
        for (int i = 0; i < 40; i++) {
            organizations.add(Map.of("id", "fi:org-%02d".formatted(i), "name", "Company " + i, "park", "fi:park"));
            processes.add(Map.of("id", "fi:process-%02d".formatted(i), "name", "Process " + i, "operator", "fi:org-%02d".formatted(i)));
            streams.add(Map.of("id", "fi:stream-%02d".formatted(i), "name", "Stream " + i, "producer", "fi:process-%02d".formatted(i),
                    "quantity", 10, "unit", "t"));
        }
        doc.put("organizations", organizations);
        doc.put("processes", processes);
        doc.put("sideStreams", streams);
        doc.put("carbonSinks", List.of(Map.of("id", "fi:forest", "name", "Forest", "kind", "FOREST", "owner", "fi:org-00",
                "tCO2ePerYear", 100, "park", "fi:park", "location", Map.of("lat", 65.7, "lon", 24.6))));
        var response = http.post("/api/v1/datasets", doc);
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
    }

    JsonNode entities(List<Map<String, Object>> representations) {
        var response = http.graphql(ENTITIES, Map.of("representations", representations));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().get("errors")).as(response.raw()).isNull();
        return response.body().get("data").get("_entities");
    }

    static Map<String, Object> ref(String type, String id) {
        return Map.of("__typename", type, "id", id);
    }

    @Test
    void service_sdl_is_a_federation_2_subgraph_with_the_keyed_and_shareable_types() {
        var response = http.graphql("{ _service { sdl } }");
        assertThat(response.body().get("errors")).as(response.raw()).isNull();
        String sdl = response.body().get("data").get("_service").get("sdl").asString();

        assertThat(sdl).containsPattern("schema @link\\(import ?: ?\\[\"@key\", \"@shareable\"], url ?: ?\"https://specs.apollo.dev/federation/v2.9\"\\)");
        for (String type : List.of("Park", "Organization", "Process", "SideStream", "CarbonSink", "Network")) {
            assertThat(sdl).as(type).containsPattern("type " + type + " @key\\(fields ?: ?\"id\"");
        }
        for (String type : List.of("PageInfo", "Location", "DeleteResult")) {
            assertThat(sdl).as(type).contains("type " + type + " @shareable");
        }
    }

    @Test
    void entities_of_every_keyed_type_come_back_in_the_order_asked_with_null_for_unknown_ids() {
        var found = entities(List.of(
                ref("Organization", "fi:org-07"), ref("Park", "fi:park"), ref("Organization", "fi:nobody"),
                ref("SideStream", "fi:stream-03"), ref("Process", "fi:process-39"), ref("CarbonSink", "fi:forest"),
                ref("Network", "fi:net"), ref("Park", "fi:no-park"), ref("Organization", "fi:org-02")));

        assertThat(found.size()).isEqualTo(9);
        assertThat(found.get(0).get("__typename").asString()).isEqualTo("Organization");
        assertThat(found.get(0).get("name").asString()).isEqualTo("Company 7");
        assertThat(found.get(1).get("name").asString()).isEqualTo("Park");
        assertThat(found.get(2).isNull()).as("an unknown organization").isTrue();
        assertThat(found.get(3).get("name").asString()).isEqualTo("Stream 3");
        assertThat(found.get(4).get("name").asString()).isEqualTo("Process 39");
        assertThat(found.get(5).get("name").asString()).isEqualTo("Forest");
        assertThat(found.get(6).get("name").asString()).isEqualTo("Network");
        assertThat(found.get(7).isNull()).as("an unknown park").isTrue();
        assertThat(found.get(8).get("id").asString()).isEqualTo("fi:org-02");
    }

    @Test
    void a_representation_without_its_key_is_a_bad_request_for_its_type_only() {
        var response = http.graphql(ENTITIES, Map.of("representations", List.of(
                Map.of("__typename", "Park"), ref("Organization", "fi:org-01"), ref("Park", "fi:park"))));

        var errors = response.body().get("errors");
        assertThat(errors).as(response.raw()).hasSize(2); // one for each Park representation
        assertThat(errors.get(0).at("/extensions/classification").asString()).isEqualTo("BAD_REQUEST");
        assertThat(errors.get(0).get("message").asString()).contains("Park", "id");
        assertThat(errors.get(0).get("path").toString()).isEqualTo("[\"_entities\",0]");
        var found = response.body().at("/data/_entities");
        assertThat(found.get(0).isNull()).isTrue();
        assertThat(found.get(1).get("name").asString()).isEqualTo("Company 1");
        assertThat(found.get(2).isNull()).isTrue();
    }

    @Test
    void an_id_asked_twice_is_answered_twice() {
        var found = entities(List.of(ref("Process", "fi:process-05"), ref("Process", "fi:process-05")));

        assertThat(found.get(0).get("name").asString()).isEqualTo("Process 5");
        assertThat(found.get(1).get("name").asString()).isEqualTo("Process 5");
    }

    @Test
    void entities_run_one_statement_per_type_however_many_representations() {
        long small = statements(representations(1));
        long large = statements(representations(40));

        // six types, one lookup each: 1 or 40 representations of a type cost the same statement
        assertThat(small).isEqualTo(6);
        assertThat(large).isEqualTo(6);
    }

    @Test
    void fields_below_an_entity_stay_batched() {
        String query = """
                query Entities($representations: [_Any!]!) {
                  _entities(representations: $representations) { ... on Organization { id park { id } processes { id } } }
                }""";
        var representations = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < 40; i++) {
            representations.add(ref("Organization", "fi:org-%02d".formatted(i)));
        }
        long before = cypher.statementsRun();
        var response = http.graphql(query, Map.of("representations", representations));
        long statements = cypher.statementsRun() - before;

        assertThat(response.body().get("errors")).as(response.raw()).isNull();
        var found = response.body().get("data").get("_entities");
        assertThat(found.get(39).get("processes").get(0).get("id").asString()).isEqualTo("fi:process-39");
        assertThat(found.get(39).get("park").get("id").asString()).isEqualTo("fi:park");
        // the lookup, then one statement each for park and processes of all 40 organizations
        assertThat(statements).isEqualTo(3);
    }

    /** {@code perType} representations of each of the six keyed types, some of them unknown. */
    static List<Map<String, Object>> representations(int perType) {
        var list = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < perType; i++) {
            list.add(ref("Organization", "fi:org-%02d".formatted(i)));
            list.add(ref("Process", "fi:process-%02d".formatted(i)));
            list.add(ref("SideStream", "fi:stream-%02d".formatted(i)));
            list.add(ref("Park", i == 0 ? "fi:park" : "fi:park-" + i));
            list.add(ref("Network", i == 0 ? "fi:net" : "fi:net-" + i));
            list.add(ref("CarbonSink", i == 0 ? "fi:forest" : "fi:sink-" + i));
        }
        return list;
    }

    long statements(List<Map<String, Object>> representations) {
        long before = cypher.statementsRun();
        var found = entities(representations);
        long after = cypher.statementsRun();
        assertThat(found.size()).isEqualTo(representations.size());
        assertThat(found.get(0).get("name").asString()).isEqualTo("Company 0");
        return after - before;
    }
}
