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

    /** A test property: {@code true} leaves the in-process database out, so the service reads over Bolt only, as with a server. */
    public static final String BOLT_ONLY = "kb.test.bolt-only";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertyValues.of("spring.neo4j.uri=" + TestDatabase.boltUri()).applyTo(context);
        if (!context.getEnvironment().getProperty(BOLT_ONLY, Boolean.class, false)) {
            context.getBeanFactory().registerSingleton("inProcessDatabase", new InProcessDatabase(TestDatabase.get().defaultDatabaseService()));
        }
    }
}
