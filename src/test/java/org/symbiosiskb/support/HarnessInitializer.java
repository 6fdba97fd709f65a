package org.symbiosiskb.support;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** Points the service at the shared test database, exactly as {@code NEO4J_URI} does in production. */
public class HarnessInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertyValues.of("spring.neo4j.uri=" + TestDatabase.boltUri()).applyTo(context);
    }
}
