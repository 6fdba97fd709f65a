package org.symbiosiskb.api;

import static org.assertj.core.api.Assertions.assertThat;

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
 * The import refuses figures that could overflow (NumberLimitsTest), but a database written by
 * other means (Bolt, an older version) may still hold them. A figure that is not a finite number
 * cannot be written as a GraphQL Float: the answer then carries an INTERNAL_ERROR for that field
 * with a reference to the service log, the rest of the answer stays (as far as GraphQL's null
 * propagation allows), and nothing of graphql-java's wording ("Can't serialize value … 'Double'")
 * or a misleading BAD_REQUEST reaches the client.
 */
@KbTest
class NonFiniteFiguresTest {

    @LocalServerPort
    int port;
    @Autowired
    Neo4jClient neo4j;
    Http http;

    @BeforeEach
    void aParkWhoseEmissionsWereWrittenPastTheLimitsOverBolt() {
        neo4j.query("MATCH (n) DETACH DELETE n").run();
        http = new Http(port);
        var imported = http.post("/api/v1/datasets", Map.of("format", "symbiosis-kb/1", "partner", "nf",
                "parks", List.of(Map.of("id", "nf:park", "name", "Park", "location", Map.of("lat", 65.7, "lon", 24.6))),
                "organizations", List.of(Map.of("id", "nf:org", "name", "Org", "park", "nf:park")),
                "processes", List.of(Map.of("id", "nf:p", "name", "P", "operator", "nf:org", "park", "nf:park")),
                "emissions", List.of(Map.of("process", "nf:p", "year", 2024, "scope", 1, "tCO2e", 1),
                        Map.of("process", "nf:p", "year", 2024, "scope", 2, "tCO2e", 1))));
        assertThat(imported.status()).as(imported.raw()).isEqualTo(200);
        // 1e308 + 1e308 overflows to Infinity in the balance
        neo4j.query("MATCH (e:Emission) SET e.tCO2e = 1.0e308").run();
    }

    @Test
    void a_figure_that_overflowed_is_an_internal_error_for_that_field_and_the_rest_is_answered() {
        // byProcess.tCO2e is nullable: only it is lost; 1e308 + 1e308 (scopes 1 and 2) is Infinity
        var response = http.graphql("{ carbonBalance(parkId: \"nf:park\", year: 2024) { byProcess { process { name } tCO2e } } }");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.raw()).doesNotContain("serialize", "Double", "BAD_REQUEST");
        JsonNode errors = response.body().get("errors");
        assertThat(errors).as(response.raw()).hasSize(1);
        assertThat(errors.get(0).get("extensions").get("classification").asString()).isEqualTo("INTERNAL_ERROR");
        assertThat(errors.get(0).get("message").asString()).startsWith("carbonBalance.byProcess[0].tCO2e: ")
                .contains("not a finite number").contains("reference");
        JsonNode row = response.body().get("data").get("carbonBalance").get("byProcess").get(0);
        assertThat(row.get("process").get("name").asString()).isEqualTo("P");
        assertThat(row.get("tCO2e").isNull()).isTrue();
    }

    @Test
    void a_non_null_figure_that_overflowed_is_an_internal_error_too() {
        // gross is Float!: GraphQL's null propagation takes the non-null carbonBalance with it
        var response = http.graphql("{ carbonBalance(parkId: \"nf:park\", year: 2024) { gross } }");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.raw()).doesNotContain("serialize", "Double", "BAD_REQUEST");
        JsonNode error = response.body().get("errors").get(0);
        assertThat(error.get("extensions").get("classification").asString()).as(response.raw()).isEqualTo("INTERNAL_ERROR");
        assertThat(error.get("message").asString()).startsWith("carbonBalance.gross: ");
    }
}
