package org.symbiosiskb.federation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.symbiosiskb.support.Http;
import org.symbiosiskb.support.KbTest;
import org.symbiosiskb.support.NodeScripts;
import tools.jackson.databind.JsonNode;

/**
 * Apollo's own tools accept the service as a subgraph: src/test/federation/check.mjs composes the
 * served {@code _service { sdl }} with a business-registry subgraph that owns
 * {@code Organization.employees} ({@code @apollo/composition}), and runs one query through
 * {@code @apollo/gateway} that needs both subgraphs, against this test's running service over real
 * HTTP. It needs Node 20+ and {@code npm ci} in src/test/federation (.ci/run does it); on CI
 * (CI=true) their absence fails the test, elsewhere it skips with the command to run.
 */
@KbTest
class CompositionCheckTest {

    static final Path CHECK = Path.of("src/test/federation");

    @LocalServerPort
    int port;
    @Autowired
    Neo4jClient neo4j;
    Http http;

    @BeforeEach
    void graph() {
        NodeScripts.require(CHECK, "@apollo/gateway", "The federation check");
        neo4j.query("MATCH (n) DETACH DELETE n").run();
        http = new Http(port);
        var response = http.post("/api/v1/datasets", Map.of("format", "symbiosis-kb/1", "partner", "fi",
                "parks", List.of(Map.of("id", "fi:park", "name", "Test park", "location", Map.of("lat", 65.7, "lon", 24.6))),
                "organizations", List.of(
                        Map.of("id", "fi:coord", "name", "Coordinator", "park", "fi:park"),
                        Map.of("id", "fi:roads", "name", "Road builder", "park", "fi:park"),
                        Map.of("id", "fi:steel", "name", "Steel works", "park", "fi:park"))));
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
    }

    @Test
    void apollo_composes_the_service_with_a_registry_subgraph_and_the_gateway_answers_from_both(@TempDir Path temp)
            throws Exception {
        Path registry = temp.resolve("registry.json");
        Files.writeString(registry, """
                {"fi:steel": [{"name": "Person A", "title": "Furnace engineer"}, {"name": "Person B", "title": null}],
                 "fi:roads": [{"name": "Person C", "title": "Buyer"}]}
                """);

        JsonNode report = run(registry);

        assertThat(report.get("composed").asBoolean()).isTrue();
        assertThat(report.get("errors")).isEmpty();
        // organizations from the knowledge base, employees from the registry (the gateway asks the
        // registry's _entities with the ids the knowledge base answered)
        var organizations = report.at("/data/organizations/nodes");
        assertThat(organizations.findValuesAsString("id")).containsExactly("fi:coord", "fi:roads", "fi:steel");
        assertThat(organizations.get(0).get("employees")).isEmpty();
        assertThat(organizations.get(2).get("name").asString()).isEqualTo("Steel works");
        assertThat(organizations.get(2).get("employees").findValuesAsString("name")).containsExactly("Person A", "Person B");
        assertThat(organizations.get(1).at("/employees/0/title").asString()).isEqualTo("Buyer");
        // the registry's organizations, named by the knowledge base through our _entities
        var registered = report.at("/data/registeredOrganizations");
        assertThat(registered.findValuesAsString("id")).containsExactly("fi:roads", "fi:steel");
        assertThat(registered.get(0).get("name").asString()).isEqualTo("Road builder");
        assertThat(registered.get(1).at("/park/name").asString()).isEqualTo("Test park");
        assertThat(registered.get(1).get("employees").size()).isEqualTo(2);
    }

    JsonNode run(Path registry) throws IOException, InterruptedException {
        return Http.json().readTree(NodeScripts.run(CHECK, List.of("check.mjs", "http://localhost:" + port + "/graphql", registry.toString())));
    }
}
