package org.symbiosiskb.graph;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.symbiosiskb.SymbiosisKbApplication;
import org.symbiosiskb.support.Http;
import org.symbiosiskb.support.TestDatabase;

/**
 * The docker-compose configuration without Docker: the service reaches Neo4j only through the
 * variables docker-compose.yml sets (NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD, SERVER_ADDRESS,
 * KB_SECURITY_KEYS, KB_SECURITY_ANONYMOUS, KB_EXAMPLE_DATA_ENABLED), here pointing at the test
 * database over Bolt, with the example key of .env.example.
 */
class ServerModeTest {

    @Test
    void with_neo4j_uri_set_it_uses_that_server_and_starts_nothing_embedded() {
        try (var service = new SpringApplicationBuilder(SymbiosisKbApplication.class).run(
                "--server.port=0",
                "--NEO4J_URI=" + TestDatabase.boltUri(),
                "--NEO4J_USERNAME=neo4j",
                "--NEO4J_PASSWORD=compose-password",
                "--SERVER_ADDRESS=127.0.0.1",
                // .env.example's key entry: the hash of "change-me-example-admin-key"
                "--KB_SECURITY_KEYS=fi:ADMIN:8f851e979070efec23ce1f3ab91600bf48a769f2476a12661b754ba2eee58895",
                "--KB_SECURITY_ANONYMOUS=true",
                "--KB_EXAMPLE_DATA_ENABLED=false")) {
            assertThat(service.getBeansOfType(DatabaseManagementService.class)).isEmpty();
            assertThat(service.getBeansOfType(EmbeddedBolt.class)).isEmpty();
            assertThat(service.getBeansOfType(InProcessDatabase.class)).as("a server is read over Bolt only").isEmpty();

            var http = new Http(((WebServerApplicationContext) service).getWebServer().getPort());
            // the health details are for an ADMIN key
            var health = http.withKey("change-me-example-admin-key").get("/actuator/health");
            assertThat(health.body().get("components").get("neo4j").get("details").get("server").asString())
                    .endsWith(TestDatabase.get().boltURI().getAuthority());
            assertThat(http.graphql("{ formatVersion }").body().get("data").get("formatVersion").asString()).isEqualTo("symbiosis-kb/1");
            // keys are enforced: without one a write is refused, with the example key it is not
            String write = "mutation { createNetwork(input: {id: \"fi:compose-net\", name: \"Compose\"}) { id } }";
            assertThat(http.graphql(write).body().get("errors").get(0).get("extensions").get("classification").asString()).isEqualTo("FORBIDDEN");
            var admin = http.withKey("change-me-example-admin-key");
            assertThat(admin.graphql(write).body().get("errors")).isNull();
            admin.graphql("mutation { deleteNetwork(id: \"fi:compose-net\") { deleted } }");
        }
    }
}
