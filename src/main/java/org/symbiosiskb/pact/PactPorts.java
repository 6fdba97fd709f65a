package org.symbiosiskb.pact;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.symbiosiskb.api.ErrorBodies;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each connector to its own paths: the PACT connector (TLS) serves {@code /pact/**} only, and every
 * other connector (the plain HTTP port) refuses {@code /pact/**}, so a PACT client's credentials and
 * footprints never travel in clear text, and the PACT port exposes nothing else. Runs before every
 * other filter.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class PactPorts extends OncePerRequestFilter {

    private final PactConnector connector;
    private final PactSwitch on;
    private final JsonMapper json;

    PactPorts(PactConnector connector, PactSwitch on, JsonMapper json) {
        this.connector = connector;
        this.on = on;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean pactPath = ErrorBodies.pact(path);
        boolean pactPort = on.on() && request.getLocalPort() == connector.port();
        if (pactPath == pactPort) {
            chain.doFilter(request, response);
        } else if (pactPort) {
            ErrorBodies.write(response, json, "/pact" + path, 404, "nothing at " + ErrorBodies.quote(path)
                    + ": this port serves only the PACT host, under /pact", Map.of());
        } else if (!on.on()) {
            ErrorBodies.write(response, json, path, 404, "the PACT host is off: " + on.why(), Map.of());
        } else {
            ErrorBodies.write(response, json, path, 403, "PACT is served only over HTTPS, on port " + connector.port()
                    + " (https://<host>:" + connector.port() + "/pact); plain HTTP is refused", Map.of());
        }
    }
}
