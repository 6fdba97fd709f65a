package org.symbiosiskb.security;

import java.net.InetAddress;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.ConfigurableWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Local mode (no keys configured): every request acts as an administrator of every partner, so
 * HTTP listens on the loopback interface only, whatever {@code server.address} says, and the log
 * says so. Configuring one key switches enforcement on everywhere.
 */
@Component
class LocalMode implements WebServerFactoryCustomizer<ConfigurableWebServerFactory>, Ordered {

    private static final Logger log = LoggerFactory.getLogger(LocalMode.class);
    private final SecurityProperties properties;

    LocalMode(SecurityProperties properties) {
        this.properties = properties;
    }

    @Override
    public void customize(ConfigurableWebServerFactory factory) {
        if (properties.localMode()) {
            factory.setAddress(InetAddress.getLoopbackAddress());
            log.warn("LOCAL MODE: no keys configured (kb.security.keys), so every request acts as an administrator of every "
                    + "partner and HTTP listens on {} only. Configure a key to enforce keys, roles and visibility.",
                    InetAddress.getLoopbackAddress().getHostAddress());
        } else {
            log.info("Keys configured: {} key(s); anonymous clients {}", properties.keys().size(),
                    properties.anonymous() ? "may read PUBLIC records" : "are refused");
        }
    }

    @Override
    public int getOrder() {
        // after Boot's own customizer, which applies server.address
        return Ordered.LOWEST_PRECEDENCE;
    }
}
