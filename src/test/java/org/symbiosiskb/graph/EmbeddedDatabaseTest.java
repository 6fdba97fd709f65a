package org.symbiosiskb.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.GraphDatabase;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.symbiosiskb.SymbiosisKbApplication;
import org.symbiosiskb.support.Http;

/**
 * The default mode, as README command 1 starts it: no NEO4J_URI, an embedded database in a data
 * folder, example data on first start, Bolt open for researchers, and a restart that finds
 * everything again.
 */
class EmbeddedDatabaseTest {

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(SymbiosisKbApplication.class).run(
                "--server.port=0", "--kb.embedded.bolt-port=0", "--kb.embedded.data-dir=" + dataDir,
                "--spring.neo4j.uri=");
    }

    @Test
    void starts_embedded_with_example_data_serves_bolt_and_keeps_data_across_a_restart() {
        String boltUri;
        try (var service = start()) {
            assertThat(service.getBeansOfType(DatabaseManagementService.class)).hasSize(1);
            boltUri = service.getBean(EmbeddedBolt.class).uri();
            assertThat(boltUri).startsWith("bolt://127.0.0.1:");

            // a researcher's Bolt client, while the service runs
            try (var driver = GraphDatabase.driver(boltUri, AuthTokens.none()); var session = driver.session()) {
                assertThat(session.run("MATCH (p:Park) RETURN count(p) AS parks").single().get("parks").asLong()).isEqualTo(12);
                session.run("CREATE (:ResearcherNote {text: 'written over Bolt'})").consume();
            }
            var http = new Http(((WebServerApplicationContext) service).getWebServer().getPort());
            var park = http.graphql("{ park(id: \"fi:kemi-tornio\") { name } }");
            assertThat(park.body().get("data").get("park").get("name").asString()).startsWith("Kemi-Tornio");
            var health = http.get("/actuator/health");
            assertThat(health.body().get("components").get("neo4j").get("status").asString()).isEqualTo("UP");
        }
        assertThat(dataDir.resolve("databases/neo4j")).isDirectory();

        try (var restarted = start()) {
            try (var driver = GraphDatabase.driver(restarted.getBean(EmbeddedBolt.class).uri(), AuthTokens.none());
                 var session = driver.session()) {
                assertThat(session.run("MATCH (n:ResearcherNote) RETURN n.text AS text").single().get("text").asString())
                        .isEqualTo("written over Bolt");
                // the example data is loaded once, not again over what users changed
                assertThat(session.run("MATCH (p:Park) RETURN count(p) AS parks").single().get("parks").asLong()).isEqualTo(12);
            }
        }
    }
}
