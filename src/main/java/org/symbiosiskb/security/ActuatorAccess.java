package org.symbiosiskb.security;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.symbiosiskb.api.ErrorBodies;
import tools.jackson.databind.json.JsonMapper;

/**
 * The actuator's operational endpoints (metrics and whatever else is exposed) describe the
 * machine: memory, threads, request paths, library versions. They are for ADMIN keys (and local
 * mode) only; {@code health} (UP or DOWN for anyone, details for ADMIN: application.yaml) and
 * {@code info} stay open, so load balancers and probes need no key.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class ActuatorAccess extends OncePerRequestFilter {

    private final String base;
    private final JsonMapper json;

    ActuatorAccess(@Value("${management.endpoints.web.base-path:/actuator}") String base, JsonMapper json) {
        this.base = base;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.equals(base) && !path.startsWith(base + "/")) {
            return true;
        }
        String endpoint = path.substring(base.length());
        return endpoint.equals("/health") || endpoint.startsWith("/health/") || endpoint.equals("/info");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Caller caller = Callers.current();
        if (caller.admin()) {
            chain.doFilter(request, response);
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!caller.authenticated()) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            ErrorBodies.write(response, json, path, 401, "the service's operational endpoints need an ADMIN key: send Authorization: Bearer <key>", Map.of());
        } else {
            ErrorBodies.write(response, json, path, 403, caller.describe() + " may not read the service's operational endpoints: they need an ADMIN key", Map.of());
        }
    }
}
