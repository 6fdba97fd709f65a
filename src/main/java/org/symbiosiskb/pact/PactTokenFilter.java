package org.symbiosiskb.pact;

import java.io.IOException;
import java.util.Map;

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
import org.symbiosiskb.security.Callers;
import tools.jackson.databind.json.JsonMapper;

/**
 * The PACT actions under {@code /pact/3/} need {@code Authorization: Bearer <access token>} from
 * {@code POST /pact/auth/token}; the token's partner and role are the caller of the action. Refusals as PACT
 * has them: 401 with {@code TokenExpired} for an expired token and {@code BadRequest} for a missing or unknown one
 * ("all other cases"), with {@code WWW-Authenticate: Bearer}. The service's ordinary key filter leaves /pact alone.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 11)
class PactTokenFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";
    private final PactTokens tokens;
    private final JsonMapper json;

    PactTokenFilter(PactTokens tokens, JsonMapper json) {
        this.tokens = tokens;
        this.json = json;
    }

    private static void asCaller(PactTokens.Valid valid, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            Callers.run(valid.caller(), () -> chain.doFilter(request, response));
        } catch (IOException | ServletException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new ServletException(e);
        }
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().substring(request.getContextPath().length()).startsWith("/pact/3/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"pact\"");
            ErrorBodies.write(response, json, path, 401, "send Authorization: Bearer <access token>, the token from POST /pact/auth/token",
                    Map.of());
            return;
        }
        switch (tokens.check(header.substring(BEARER.length()).strip())) {
            case PactTokens.Valid valid -> asCaller(valid, request, response, chain);
            case PactTokens.Expired expired -> {
                response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"pact\", error=\"invalid_token\", "
                        + "error_description=\"The access token expired\"");
                response.resetBuffer();
                response.setStatus(401);
                response.setContentType("application/json");
                json.writeValue(response.getOutputStream(), Map.of("code", "TokenExpired", "message",
                        "The specified access token has expired; get a new one from POST /pact/auth/token"));
            }
            case PactTokens.Unknown unknown -> {
                response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"pact\", error=\"invalid_token\"");
                ErrorBodies.write(response, json, path, 401, "Invalid access token: not one this host issued "
                        + "(POST /pact/auth/token gives one)", Map.of());
            }
        }
    }
}
