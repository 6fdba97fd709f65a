package org.symbiosiskb.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.symbiosiskb.support.Http;
import org.symbiosiskb.support.KbTest;
import tools.jackson.databind.JsonNode;

/** Single-record mutations: the exchange import's validation, with GraphQL input paths in the errors. */
@KbTest
class MutationTest {

    @LocalServerPort
    int port;
    @Autowired
    Neo4jClient neo4j;
    Http http;

    @BeforeEach
    void onePark() {
        neo4j.query("MATCH (n) DETACH DELETE n").run();
        http = new Http(port);
        ok("""
                mutation {
                  createPark(input: {id: "fi:park", name: "Park", location: {lat: 65.7, lon: 24.6}}) { id }
                  createOrganization(input: {id: "fi:steel", name: "Steel", park: "fi:park", role: ANCHOR}) { id }
                  createProcess(input: {id: "fi:smelter", name: "Smelter", operator: "fi:steel", outputTonnes: 1000}) { id }
                }""");
    }

    JsonNode ok(String query) {
        var response = http.graphql(query);
        assertThat(response.body().get("errors")).as(response.raw()).isNull();
        return response.body().get("data");
    }

    JsonNode error(String query) {
        var response = http.graphql(query);
        assertThat(response.body().get("errors")).as(response.raw()).isNotNull();
        return response.body().get("errors").get(0);
    }

    long count(String cypher) {
        return neo4j.query(cypher).fetchAs(Long.class).one().orElseThrow();
    }

    @Test
    void created_records_come_back_with_their_neighbours() {
        var process = ok("{ process(id: \"fi:smelter\") { name outputTonnes operator { id park { id } } park { id } location { lat } source visibility } }").get("process");

        assertThat(process.get("operator").get("park").get("id").asString()).isEqualTo("fi:park");
        assertThat(process.get("park").get("id").asString()).isEqualTo("fi:park");   // through its operator
        assertThat(process.get("location").get("lat").asDouble()).isEqualTo(65.7);    // the operator's park's
        assertThat(process.get("source").asString()).isEqualTo("fi");
        assertThat(process.get("visibility").asString()).isEqualTo("NETWORK");
    }

    @Test
    void update_changes_only_the_given_fields_and_null_removes_one() {
        ok("mutation { updateProcess(input: {id: \"fi:smelter\", mainProduct: \"ferrochrome\"}) { id } }");
        var process = ok("{ process(id: \"fi:smelter\") { name mainProduct outputTonnes } }").get("process");
        assertThat(process.get("name").asString()).isEqualTo("Smelter");
        assertThat(process.get("mainProduct").asString()).isEqualTo("ferrochrome");

        ok("mutation { updateProcess(input: {id: \"fi:smelter\", outputTonnes: null}) { id } }");
        assertThat(ok("{ process(id: \"fi:smelter\") { outputTonnes } }").get("process").get("outputTonnes").isNull()).isTrue();
    }

    @Test
    void a_mutation_is_validated_like_an_imported_record() {
        var invalid = error("mutation { createSideStream(input: {id: \"fi:slag\", name: \"Slag\", producer: \"fi:smelter\", quantity: -3, unit: t, ewc: \"10-02-02\"}) { id } }");

        assertThat(invalid.get("extensions").get("classification").asString()).isEqualTo("BAD_REQUEST");
        assertThat(invalid.get("message").asString()).contains("input.quantity: must be greater than 0", "input.ewc: must be a List of Waste code");
        assertThat(invalid.get("extensions").get("problems").get(0).get("field").asString()).isEqualTo("input.quantity");
        assertThat(count("MATCH (s:SideStream) RETURN count(s)")).isZero();
    }

    @Test
    void a_mutation_respects_the_capacity_rules_of_the_import() {
        ok("mutation { createSideStream(input: {id: \"fi:slag\", name: \"Slag\", producer: \"fi:smelter\", quantity: 600, unit: t}) { id } }");

        // 600 t of slag + 500 t of dust exceed the smelter's output of 1000 t
        var overfull = error("mutation { createSideStream(input: {id: \"fi:dust\", name: \"Dust\", producer: \"fi:smelter\", quantity: 500, unit: t}) { id } }");

        assertThat(overfull.get("message").asString())
                .isEqualTo("input.quantity: side streams in tonnes of fi:smelter add up to 1100 t, more than its outputTonnes of 1000 t; 400 t free");
    }

    @Test
    void creating_an_existing_id_or_updating_a_missing_one_says_what_to_do() {
        var duplicate = error("mutation { createPark(input: {id: \"fi:park\", name: \"Again\", location: {lat: 1, lon: 1}}) { id } }");
        assertThat(duplicate.get("message").asString()).isEqualTo("input.id: fi:park already exists; use updatePark to change it");
        assertThat(duplicate.get("extensions").get("classification").asString()).isEqualTo("BAD_REQUEST");

        var missing = error("mutation { updatePark(input: {id: \"fi:elsewhere\", name: \"X\"}) { id } }");
        assertThat(missing.get("extensions").get("classification").asString()).isEqualTo("NOT_FOUND");
    }

    @Test
    void emissions_are_set_by_their_key_and_deleted() {
        ok("mutation { setEmission(input: {process: \"fi:smelter\", year: 2024, scope: 1, tCO2e: 100, source: PROCESS}) { tCO2e } }");
        var replaced = ok("mutation { setEmission(input: {process: \"fi:smelter\", year: 2024, scope: 1, tCO2e: 120, source: PROCESS}) { tCO2e process { id } } }");
        assertThat(replaced.get("setEmission").get("tCO2e").asDouble()).isEqualTo(120);
        assertThat(count("MATCH (:Process {id: 'fi:smelter'})-[:REPORTED]->(e:Emission) RETURN count(e)")).isEqualTo(1);

        var deleted = ok("mutation { deleteEmission(key: {process: \"fi:smelter\", year: 2024, scope: 1, source: PROCESS}) { deleted } }");
        assertThat(deleted.get("deleteEmission").get("deleted").asBoolean()).isTrue();
        assertThat(count("MATCH (e:Emission) RETURN count(e)")).isZero();
    }

    @Test
    void delete_refuses_a_record_others_require_and_removes_a_free_one() {
        var refused = error("mutation { deleteOrganization(id: \"fi:steel\") { deleted } }");
        assertThat(refused.get("message").asString()).contains("fi:steel cannot be deleted: fi:smelter still requires it");

        var flow = ok("mutation { deleteProcess(id: \"fi:smelter\") { id deleted } }").get("deleteProcess");
        assertThat(flow.get("deleted").asBoolean()).isTrue();
        assertThat(ok("mutation { deleteProcess(id: \"fi:smelter\") { deleted } }").get("deleteProcess").get("deleted").asBoolean()).isFalse();
    }

    @Test
    void flows_are_written_and_read_as_relationships() {
        ok("""
                mutation {
                  createSideStream(input: {id: "fi:slag", name: "Slag", producer: "fi:smelter", quantity: 600, unit: t, ewc: "10 02 02"}) { id }
                  createProcess(input: {id: "fi:roads", name: "Roads", operator: "fi:steel"}) { id }
                  createFlow(input: {id: "fi:slag-roads", sideStream: "fi:slag", consumer: "fi:roads", quantity: 400, transportMode: ROAD, distanceKm: 12}) { id }
                }""");

        var stream = ok("{ sideStream(id: \"fi:slag\") { wasteCode { code level parent { code parent { code } } } flows { quantity consumer { id } sideStream { id } } } }").get("sideStream");
        assertThat(stream.get("flows").get(0).get("consumer").get("id").asString()).isEqualTo("fi:roads");
        assertThat(stream.get("flows").get(0).get("quantity").asDouble()).isEqualTo(400);
        assertThat(stream.get("wasteCode").get("parent").get("parent").get("code").asString()).isEqualTo("10");
        assertThat(ok("{ process(id: \"fi:roads\") { inputs { id } } }").get("process").get("inputs").get(0).get("id").asString()).isEqualTo("fi:slag-roads");
        assertThat(count("MATCH (:SideStream {id:'fi:slag'})-[f:SUPPLIES]->(:Process {id:'fi:roads'}) RETURN count(f)")).isEqualTo(1);
    }

    @Test
    void variables_carry_input_objects_too() {
        var response = http.graphql("mutation($in: CarbonSinkInput!) { createCarbonSink(input: $in) { id owner { id } location { lat } } }",
                Map.of("in", Map.of("id", "fi:forest", "name", "Forest", "kind", "FOREST", "owner", "fi:steel",
                        "location", Map.of("lat", 65.5, "lon", 24.1), "tCO2ePerYear", 800)));
        assertThat(response.body().get("data").get("createCarbonSink").get("owner").get("id").asString()).as(response.raw()).isEqualTo("fi:steel");
    }
}
