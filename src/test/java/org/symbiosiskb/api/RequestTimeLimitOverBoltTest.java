package org.symbiosiskb.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;
import org.symbiosiskb.graph.InProcessDatabase;
import org.symbiosiskb.support.HarnessInitializer;

/**
 * The same request time limit on a service that reads its database over Bolt only, as with a Neo4j server: its
 * statements get the time left through Spring's transaction manager, not the embedded API.
 */
@TestPropertySource(properties = HarnessInitializer.BOLT_ONLY + "=true")
class RequestTimeLimitOverBoltTest extends RequestTimeLimitTest {

    @Autowired
    ApplicationContext context;

    @Test
    void this_service_reads_over_bolt_only() {
        assertThat(context.getBeansOfType(InProcessDatabase.class)).isEmpty();
    }
}
