package org.symbiosiskb.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Values;
import org.neo4j.graphdb.GraphDatabaseService;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.symbiosiskb.SymbiosisKbApplication;

/**
 * With the embedded database, a Spring-managed transaction is a Neo4j transaction in this JVM, and {@link Cypher}'s
 * statements run in it rather than over Bolt (issue 15: over Bolt each of an import's statements cost a round trip).
 */
class InProcessTransactionTest {

    @TempDir
    static Path dataDir;

    private static ConfigurableApplicationContext service;
    private static Cypher cypher;
    private static GraphDatabaseService database;
    private static TransactionTemplate template;

    @BeforeAll
    static void start() {
        service = new SpringApplicationBuilder(SymbiosisKbApplication.class).run("--server.port=0", "--kb.embedded.bolt-port=0",
                "--kb.embedded.data-dir=" + dataDir, "--kb.example-data.enabled=false", "--spring.neo4j.uri=");
        cypher = service.getBean(Cypher.class).unguarded();
        database = service.getBean(InProcessDatabase.class).database();
        template = new TransactionTemplate(service.getBean(PlatformTransactionManager.class));
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void a_transactions_statements_run_in_its_in_process_neo4j_transaction_and_roll_back_with_it() {
        long seen = template.execute(status -> {
            // a location as the import writes it: the driver's point, converted for the embedded API
            cypher.run("CREATE (:Probe {at: $at})", Map.of("at", Values.point(4326, 24.56, 65.73)));
            var joined = InProcessTransactionManager.joined(database);
            assertThat(joined).as("the thread's in-process Neo4j transaction").isNotNull();
            status.setRollbackOnly();
            // the uncommitted write is in that very transaction
            return (Long) joined.execute("MATCH (p:Probe) WHERE p.at.latitude = 65.73 RETURN count(p) AS n").next().get("n");
        });
        assertThat(seen).isEqualTo(1L);
        assertThat(InProcessTransactionManager.joined(database)).as("unbound after the transaction").isNull();
        assertThat(cypher.one("MATCH (p:Probe) RETURN count(p) AS n", Map.of(), r -> r.get("n").asLong())).contains(0L);
    }

    @Test
    void a_commit_that_fails_reports_its_own_error_and_leaves_nothing_bound_or_written() {
        cypher.run("CREATE (:Refused {name: 'kept'})-[:PROBED]->(:Refused {name: 'other'})", Map.of());
        // Neo4j refuses a node deleted with its relationships left only when the transaction commits; Spring then
        // rolls the same transaction back, and that rollback must not replace the commit's error with its own
        assertThatThrownBy(() -> template.executeWithoutResult(status -> {
            cypher.run("CREATE (:Refused {name: 'written before the failure'})", Map.of());
            cypher.run("MATCH (p:Refused {name: 'kept'}) DELETE p", Map.of());
        })).rootCause().hasMessageContaining("still has relationships");
        assertThat(InProcessTransactionManager.joined(database)).as("unbound after the failed commit").isNull();
        assertThat(cypher.list("MATCH (p:Refused) RETURN p.name AS name ORDER BY name", Map.of(), r -> r.get("name").asString()))
                .containsExactly("kept", "other");
    }
}
