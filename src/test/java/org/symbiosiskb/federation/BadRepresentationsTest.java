package org.symbiosiskb.federation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
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
 * {@code _entities} representations that cannot be looked up (a type that is not an entity, such
 * as Emission; not an object; a typename or id that is not a string) are each a BAD_REQUEST for
 * that representation, at its index, never an INTERNAL_ERROR; the good representations beside
 * them are still answered in their places.
 */
@KbTest
class BadRepresentationsTest {

    @LocalServerPort
    int port;
    @Autowired
    Neo4jClient neo4j;
    Http http;

    @BeforeEach
    void onePark() {
        neo4j.query("MATCH (n) DETACH DELETE n").run();
        http = new Http(port);
        var response = http.post("/api/v1/datasets", Map.of("format", "symbiosis-kb/1", "partner", "br",
                "parks", List.of(Map.of("id", "br:park", "name", "Bad Representation Park", "location", Map.of("lat", 65.7, "lon", 24.6),
                        "visibility", "PUBLIC"))));
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
    }

    /** Sends the representations as a variable; answers the response after checking the park beside them was found. */
    JsonNode entities(Object... representations) {
        var all = new ArrayList<Object>(Arrays.asList(representations));
        all.add(Map.of("__typename", "Park", "id", "br:park"));
        var response = http.graphql("query($r: [_Any!]!) { _entities(representations: $r) { __typename ... on Park { name } } }",
                Map.of("r", all));
        assertThat(response.status()).isEqualTo(200);
        JsonNode found = response.body().get("data").get("_entities");
        assertThat(found).as(response.raw()).hasSize(all.size());
        assertThat(found.get(all.size() - 1).get("name").asString()).as(response.raw()).isEqualTo("Bad Representation Park");
        return response.body();
    }

    /** The one error of the representation at {@code index}: a BAD_REQUEST at path [_entities, index] whose message says {@code expected}. */
    static void refusedAt(JsonNode body, int index, String expected) {
        assertThat(body.get("data").get("_entities").get(index).isNull()).as(body.toString()).isTrue();
        var errors = new ArrayList<JsonNode>();
        body.get("errors").forEach(e -> {
            if (e.get("path").size() == 2 && e.get("path").get(1).asInt() == index) {
                errors.add(e);
            }
        });
        assertThat(errors).as(body.toString()).hasSize(1);
        assertThat(errors.getFirst().get("extensions").get("classification").asString()).isEqualTo("BAD_REQUEST");
        assertThat(errors.getFirst().get("message").asString()).contains("representations[" + index + "]").contains(expected);
        assertThat(body.toString()).doesNotContain("INTERNAL_ERROR");
    }

    @Test
    void a_type_that_is_not_an_entity_is_a_bad_request_for_that_representation() {
        var body = entities(Map.of("__typename", "Emission", "id", "br:park@2024/1/-/PROCESS"), Map.of("__typename", "NoSuchType", "id", "x"));
        refusedAt(body, 0, "Emission is not an entity type");
        refusedAt(body, 1, "NoSuchType is not an entity type");
        assertThat(body.get("errors").get(0).get("message").asString()).contains("Park").contains("CarbonSink");
    }

    @Test
    void a_representation_that_is_not_an_object_is_a_bad_request_for_that_representation() {
        var body = entities(5, "br:park", List.of(1, 2));
        refusedAt(body, 0, "must be an object");
        refusedAt(body, 1, "must be an object");
        refusedAt(body, 2, "must be an object");
    }

    @Test
    void a_typename_or_id_that_is_not_a_string_is_a_bad_request_for_that_representation() {
        var body = entities(Map.of("__typename", 5, "id", "br:park"), Map.of("id", "br:park"), Map.of("__typename", "Park", "id", List.of("br:park")));
        refusedAt(body, 0, "__typename");
        refusedAt(body, 1, "__typename");
        refusedAt(body, 2, "id must be a string");
    }

    @Test
    void a_representations_argument_written_in_the_query_is_checked_the_same_way() {
        var response = http.graphql("{ _entities(representations: [{__typename: \"Emission\", id: \"x\"}, 7, {__typename: \"Park\", id: \"br:park\"}]) "
                + "{ ... on Park { name } } }");
        refusedAt(response.body(), 0, "Emission is not an entity type");
        refusedAt(response.body(), 1, "must be an object");
        assertThat(response.body().get("data").get("_entities").get(2).get("name").asString()).isEqualTo("Bad Representation Park");
    }
}
