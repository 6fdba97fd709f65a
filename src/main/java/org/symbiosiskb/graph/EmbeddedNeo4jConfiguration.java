package org.symbiosiskb.graph;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.kernel.api.procedure.GlobalProcedures;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.symbiosiskb.analytics.AnalyticsProcedures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The default store: Neo4j running inside the service, reached through its own Bolt port exactly
 * like a server, so the service, cypher-shell and Neo4j Browser all see the same database.
 *
 * <p>The driver bean takes the database as a constructor argument, so Spring starts the database
 * before the driver and shuts it down after the driver is closed; {@code shutdown()} checkpoints
 * the store, so a restart finds every committed write.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedCondition.class)
class EmbeddedNeo4jConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedNeo4jConfiguration.class);

    @Bean(destroyMethod = "shutdown")
    DatabaseManagementService embeddedNeo4j(EmbeddedNeo4jProperties properties) {
        Path home = properties.dataDir().toAbsolutePath().normalize();
        log.info("Starting embedded Neo4j with its data in {}", home);
        var dbms = build(home, properties);
        registerAnalytics(dbms);
        // the flow projection's listener needs nothing here: Neo4j starts analytics.FlowProjectionExtension
        // for every database, found on the classpath as a server finds it in the plugin jar
        return dbms;
    }

    /**
     * The analytics procedures (kb.trace, ...), the same classes the server plugin jar holds.
     * GlobalProcedures is Neo4j's internal registry, the hook its own test harness uses.
     */
    private static void registerAnalytics(DatabaseManagementService dbms) {
        var api = (GraphDatabaseAPI) dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        try {
            api.getDependencyResolver().resolveDependency(GlobalProcedures.class).registerProcedure(AnalyticsProcedures.class);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot register the analytics procedures", e);
        }
    }

    /** How often Neo4j terminates transactions past their timeout (the test harness uses the same). */
    static final Duration TRANSACTION_MONITOR_INTERVAL = Duration.ofMillis(100);

    private static DatabaseManagementService build(Path home, EmbeddedNeo4jProperties properties) {
        return new DatabaseManagementServiceBuilder(home)
                .setConfig(GraphDatabaseSettings.data_directory, home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address,
                        new SocketAddress(properties.boltAddress(), properties.boltPort()))
                .setConfig(HttpConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                // Bolt waits 2 x 5 s for idle connections by default; 1 s keeps shutdown quick.
                .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(1))
                .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(1))
                // Neo4j looks for transactions past their timeout every 2 s by default; the request
                // time limit (kb.limits.request-timeout) should stop the work soon after it passes.
                .setConfig(GraphDatabaseSettings.transaction_monitor_check_interval, TRANSACTION_MONITOR_INTERVAL)
                .build();
    }

    /** The service's own reads go to the database directly (see {@link Cypher}); researchers and tools use Bolt. */
    @Bean
    InProcessDatabase inProcessDatabase(DatabaseManagementService embeddedNeo4j) {
        return new InProcessDatabase(embeddedNeo4j.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME));
    }

    /** Write transactions in-process too (see {@link InProcessTransactionManager}); Spring Data Neo4j's over Bolt steps aside. */
    @Bean(name = "transactionManager")
    PlatformTransactionManager transactionManager(InProcessDatabase inProcess) {
        return new InProcessTransactionManager(inProcess);
    }

    @Bean
    EmbeddedBolt embeddedBolt(DatabaseManagementService embeddedNeo4j) {
        var api = (GraphDatabaseAPI) embeddedNeo4j.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        var address = api.getDependencyResolver().resolveDependency(ConnectorPortRegister.class)
                .getLocalAddress(ConnectorType.BOLT);
        var bolt = new EmbeddedBolt(new InetSocketAddress(address.getHost(), address.getPort()));
        log.info("Embedded Neo4j is up. Bolt for researchers: {} (no authentication; bound to {})",
                bolt.uri(), address.getHost());
        return bolt;
    }

    @Bean(destroyMethod = "close")
    Driver neo4jDriver(EmbeddedBolt embeddedBolt) {
        return GraphDatabase.driver(embeddedBolt.uri(), AuthTokens.none(),
                DriverLogging.apply(Config.builder().withMaxConnectionPoolSize(64)).build());
    }
}
