package org.symbiosiskb.graph;

import org.neo4j.driver.Config;
import org.neo4j.driver.Logging;
import org.springframework.boot.neo4j.autoconfigure.ConfigBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Neo4j driver logs through SLF4J, like the rest of the service. Its default logging
 * (java.lang.System.Logger) formats every Bolt message it would log at DEBUG before asking whether
 * DEBUG is on, parameters included: an import's 5,000-row UNWIND batches were turned into strings
 * and thrown away, a tenth of the import's CPU (benchmark profile, issue 15). The SLF4J logger asks
 * first.
 */
@Configuration(proxyBeanMethods = false)
class DriverLogging {

    /** For a driver Spring Boot builds (a server through NEO4J_URI, the test harness). */
    @Bean
    ConfigBuilderCustomizer slf4jDriverLogging() {
        return builder -> apply(builder);
    }

    /** For the embedded database's driver, which EmbeddedNeo4jConfiguration builds itself. */
    static Config.ConfigBuilder apply(Config.ConfigBuilder builder) {
        return builder.withLogging(Logging.slf4j());
    }
}
