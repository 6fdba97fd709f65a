package org.symbiosiskb.graph;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the embedded database lives and where its Bolt port listens. Used only when no
 * {@code NEO4J_URI} is configured.
 *
 * @param dataDir     home of the store, transaction logs and {@code logs/debug.log}
 * @param boltAddress interface Bolt binds to; loopback by default because Bolt bypasses the
 *                    service's keys and visibility rules
 * @param boltPort    Bolt port; 0 picks a free one (tests)
 */
@ConfigurationProperties("kb.embedded")
public record EmbeddedNeo4jProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("127.0.0.1") String boltAddress,
        @DefaultValue("7687") int boltPort) {
}
