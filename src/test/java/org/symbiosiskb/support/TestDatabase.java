package org.symbiosiskb.support;

import java.time.Duration;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.harness.Neo4j;
import org.neo4j.harness.Neo4jBuilders;
import org.symbiosiskb.analytics.AnalyticsProcedures;

/**
 * One Neo4j (the harness, a real database reached over Bolt) for the whole test run: Spring's
 * cached test contexts outlive any per-class harness, so the harness lives as long as the JVM.
 */
public final class TestDatabase {

    private static Neo4j neo4j;

    private TestDatabase() {
    }

    public static synchronized Neo4j get() {
        if (neo4j == null) {
            neo4j = Neo4jBuilders.newInProcessBuilder()
                    .withDisabledServer()
                    .withProcedure(AnalyticsProcedures.class)
                    .withConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(1))
                    .withConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(1))
                    // as the embedded database: transactions past their timeout are terminated within 0.1 s
                    .withConfig(GraphDatabaseSettings.transaction_monitor_check_interval, Duration.ofMillis(100))
                    .build();
            Runtime.getRuntime().addShutdownHook(new Thread(neo4j::close));
        }
        return neo4j;
    }

    public static String boltUri() {
        return get().boltURI().toString();
    }
}
