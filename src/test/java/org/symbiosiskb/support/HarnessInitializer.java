package org.symbiosiskb.support;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.symbiosiskb.graph.InProcessDatabase;

/**
 * Points the service at the shared test database as the default deployment has it: its transactions over Bolt
 * ({@code NEO4J_URI}, exactly as with a server) and its reads in-process, as with the embedded database, since the
 * harness runs in this JVM too. ReadPathsAgreeTest compares every read path with a service that has Bolt only.
 */
public class HarnessInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertyValues.of("spring.neo4j.uri=" + TestDatabase.boltUri()).applyTo(context);
        context.getBeanFactory().registerSingleton("inProcessDatabase", new InProcessDatabase(TestDatabase.get().defaultDatabaseService()));
    }
}
