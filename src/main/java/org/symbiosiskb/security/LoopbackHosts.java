package org.symbiosiskb.security;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.symbiosiskb.api.ErrorBodies;
import tools.jackson.databind.json.JsonMapper;

/**
 * Local mode answers every request as an administrator and listens on loopback only ({@link
 * LocalMode}); that alone does not stop DNS rebinding, where a page from another site renames its
 * own host to 127.0.0.1 and so reaches the service from the user's browser. Such requests carry the
 * other site's name in {@code Host}, so in local mode only loopback names are answered:
 * {@code localhost}, {@code 127.0.0.1} and {@code [::1]}, with any port. With keys configured the
 * service sits behind names of its own and keys guard it, so any Host is answered.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class LoopbackHosts extends OncePerRequestFilter {

    static final Set<String> NAMES = Set.of("localhost", "127.0.0.1", "[::1]");
    private final SecurityProperties properties;
    private final JsonMapper json;

    LoopbackHosts(SecurityProperties properties, JsonMapper json) {
        this.properties = properties;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !properties.localMode();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String host = request.getHeader(HttpHeaders.HOST);
        if (loopback(host)) {
            chain.doFilter(request, response);
            return;
        }
        ErrorBodies.write(response, json, request.getRequestURI().substring(request.getContextPath().length()), 403,
                "Host " + ErrorBodies.quote(host) + " is not a loopback name: in local mode (no keys configured) every request acts "
                        + "as an administrator, so the service answers only requests addressed to localhost, 127.0.0.1 or [::1] "
                        + "(which stops DNS rebinding). Use http://localhost:" + request.getLocalPort()
                        + "/, or configure keys (kb.security.keys) to serve other names.", Map.of());
    }

    /** localhost, 127.0.0.1 or [::1], optionally with a port. */
    static boolean loopback(String host) {
        if (host == null) {
            return false;
        }
        String name = host.strip().toLowerCase(Locale.ROOT);
        int portAt = name.startsWith("[") ? name.indexOf("]:") + 1 : name.lastIndexOf(':');
        if (portAt > 0) {
            String port = name.substring(portAt + 1);
            if (port.isEmpty() || port.length() > 5 || !port.chars().allMatch(Character::isDigit)) {
                return false;
            }
            name = name.substring(0, portAt);
        }
        return NAMES.contains(name);
    }
}
