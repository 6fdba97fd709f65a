package org.symbiosiskb.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.symbiosiskb.support.Http;
import org.symbiosiskb.support.KbTest;
import tools.jackson.databind.JsonNode;

/**
 * Mutation fields run one after another and each commits on its own, so an answer must say
 * which committed: the failed field is null with its error and the others keep their data. That
 * needs nullable mutation fields; with {@code Network!} a failure nulls the whole {@code data}
 * (GraphQL's null propagation), hiding the write that did happen.
 */
@KbTest
class PartialMutationResultsTest {

    @LocalServerPort
    int port;
    @Autowired
    Neo4jClient neo4j;

    @BeforeEach
    void empty() {
        neo4j.query("MATCH (n) DETACH DELETE n").run();
    }

    @Test
    void a_failed_mutation_field_does_not_hide_the_one_that_committed() {
        var response = new Http(port).graphql("""
                mutation {
                  a: createNetwork(input: {id: "pm:a", name: "Committed"}) { id name }
                  b: createNetwork(input: {id: "pm:b", name: ""}) { id }
                  c: deleteNetwork(id: "pm:a") { deleted }
                }""");
        JsonNode data = response.body().get("data");
        assertThat(data.isObject()).as(response.raw()).isTrue();
        assertThat(data.get("a").get("name").asString()).isEqualTo("Committed");
        assertThat(data.get("b").isNull()).isTrue();
        assertThat(data.get("c").get("deleted").asBoolean()).isTrue();
        JsonNode errors = response.body().get("errors");
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).get("path").get(0).asString()).isEqualTo("b");
        assertThat(errors.get(0).get("extensions").get("classification").asString()).isEqualTo("BAD_REQUEST");
        assertThat(errors.get(0).get("message").asString()).contains("input.name");
    }

    @Test
    void every_mutation_field_is_nullable() {
        var response = new Http(port).graphql("{ __schema { mutationType { fields { name type { kind } } } } }");
        var nonNull = new ArrayList<String>();
        response.body().get("data").get("__schema").get("mutationType").get("fields").forEach(f -> {
            if ("NON_NULL".equals(f.get("type").get("kind").asString())) {
                nonNull.add(f.get("name").asString());
            }
        });
        assertThat(nonNull).as("mutation fields declared non-null (a failure would null the whole answer)").isEmpty();
    }
}
