package org.symbiosiskb.security;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns {@code Authorization: Bearer <key>} into the request's {@link Caller}. A key that is not
 * configured is refused (401) rather than treated as anonymous, so a mistyped key is noticed; so is
 * a request without a key when anonymous access is switched off. Pages and static assets stay open
 * so that a browser can load the page that asks for a key.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class CallerFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";
    private final Keys keys;
    private final SecurityProperties properties;
    private final JsonMapper json;

    CallerFilter(Keys keys, SecurityProperties properties, JsonMapper json) {
        this.keys = keys;
        this.properties = properties;
        this.json = json;
    }

    /**
     * The PACT host's actions (org.symbiosiskb.pact) authenticate with tokens of their own, issued for a key
     * by {@code POST /pact/auth/token}, and answer refusals in PACT's shape: its own filter sets the caller.
     */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/pact") || path.startsWith("/pact/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Caller caller;
        if (properties.localMode()) {
            caller = Caller.LOCAL;
        } else {
            String header = request.getHeader(HttpHeaders.AUTHORIZATION);
            if (header != null && !header.isBlank()) {
                caller = header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                        ? keys.callerOf(header.substring(BEARER.length()).strip()) : null;
                if (caller == null) {
                    refuse(request, response, "the key in the Authorization header is not a configured key (send Authorization: Bearer <key>)");
                    return;
                }
            } else if (properties.anonymous() || !guarded(request)) {
                caller = Caller.ANONYMOUS;
            } else {
                refuse(request, response, "this service requires a key (kb.security.anonymous is false): send Authorization: Bearer <key>");
                return;
            }
        }
        Callers.set(caller);
        try {
            chain.doFilter(new CallerRequest(request, caller), response);
        } finally {
            Callers.clear();
        }
    }

    private static boolean guarded(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/graphql") || path.startsWith("/api/");
    }

    /** 401 in the shape the endpoint answers errors in: GraphQL errors on /graphql, problems on the exchange API. */
    private void refuse(HttpServletRequest request, HttpServletResponse response, String message) throws IOException {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        var error = request.getRequestURI().substring(request.getContextPath().length()).startsWith("/graphql")
                ? Map.of("message", message, "extensions", Map.of("classification", "UNAUTHORIZED"))
                : Map.of("pointer", "", "message", message);
        json.writeValue(response.getWriter(), Map.of("errors", List.of(error)));
    }
}
