package org.symbiosiskb.pact;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.symbiosiskb.security.ClientCredentials;

/**
 * PACT's Action Authenticate, OAuth 2 client credentials (RFC 6749 §4.4): {@code POST /pact/auth/token} with
 * HTTP Basic {@code client_id:client_secret} (or both in the form body) and {@code grant_type=client_credentials}.
 * The client id is a partner ({@code fi}) and the secret one of that partner's keys ({@code kb.security.keys}):
 * the token carries the key's partner and role. Errors are OAuth's: 401 {@code invalid_client} for wrong
 * credentials, 400 {@code invalid_request} or {@code unsupported_grant_type}. Also the optional OpenID
 * configuration document, which names the token endpoint.
 */
@RestController
class PactAuthController {

    private final ClientCredentials credentials;
    private final PactTokens tokens;

    PactAuthController(ClientCredentials credentials, PactTokens tokens) {
        this.credentials = credentials;
        this.tokens = tokens;
    }

    @PostMapping("/pact/auth/token")
    ResponseEntity<Map<String, Object>> token(HttpServletRequest request) {
        String clientId = request.getParameter("client_id");
        String secret = request.getParameter("client_secret");
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return error(HttpStatus.BAD_REQUEST, "invalid_request", "the Basic credentials are not Base64");
            }
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                return error(HttpStatus.BAD_REQUEST, "invalid_request", "the Basic credentials are not client_id:client_secret");
            }
            clientId = decoded.substring(0, colon);
            secret = decoded.substring(colon + 1);
        }
        if (clientId == null || secret == null) {
            return error(HttpStatus.UNAUTHORIZED, "invalid_client",
                    "send the client id (a partner) and secret (one of its keys) as HTTP Basic credentials");
        }
        var caller = credentials.authenticate(clientId, secret);
        if (caller.isEmpty()) {
            return error(HttpStatus.UNAUTHORIZED, "invalid_client", "Authentication failed");
        }
        String grant = request.getParameter("grant_type");
        if (grant == null || grant.isBlank()) {
            return error(HttpStatus.BAD_REQUEST, "invalid_request", "grant_type is required: grant_type=client_credentials");
        }
        if (!grant.equals("client_credentials")) {
            return error(HttpStatus.BAD_REQUEST, "unsupported_grant_type", "only grant_type=client_credentials is supported");
        }
        var issued = tokens.issue(caller.get());
        var body = new LinkedHashMap<String, Object>();
        body.put("access_token", issued.token());
        body.put("token_type", "Bearer");
        body.put("expires_in", issued.lifetime().toSeconds());
        body.put("scope", "footprint:list footprint:read");
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).header(HttpHeaders.PRAGMA, "no-cache")
                .contentType(MediaType.APPLICATION_JSON).body(body);
    }

    /** OpenID Connect Discovery, as far as a client-credentials host has it: where the token endpoint is. */
    @GetMapping("/pact/.well-known/openid-configuration")
    Map<String, Object> openidConfiguration(HttpServletRequest request) {
        String host = request.getHeader(HttpHeaders.HOST);
        String base = "https://" + (host == null || host.isBlank() ? request.getServerName() + ":" + request.getServerPort() : host) + "/pact";
        var body = new LinkedHashMap<String, Object>();
        body.put("issuer", base);
        body.put("token_endpoint", base + "/auth/token");
        body.put("grant_types_supported", List.of("client_credentials"));
        body.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post"));
        body.put("scopes_supported", List.of("footprint:list", "footprint:read"));
        return body;
    }

    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String error, String description) {
        var response = ResponseEntity.status(status).cacheControl(CacheControl.noStore()).contentType(MediaType.APPLICATION_JSON);
        if (status == HttpStatus.UNAUTHORIZED) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"pact\"");
        }
        return response.body(Map.of("error", error, "error_description", description));
    }
}
