package org.symbiosiskb.pact;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A client of another PACT host at a base URL: finds its token endpoint (OpenID discovery, else
 * {@code {base}/auth/token}), keeps a token until shortly before it expires, lists its footprints page by page
 * ({@code Link: rel="next"}) and sends it events. Used to call data recipients back and to pull PACT suppliers
 * (federation, peers of kind {@code pact}). Tolerant of what hosts omit: a token answer without
 * {@code token_type} or {@code expires_in} (the conformance tool's receiver sends only {@code access_token}).
 */
public final class PactClient implements EventTarget {

    /** A call the other host refused or did not answer; the message says which and why. */
    public static final class PactCallException extends IOException {
        PactCallException(String message) {
            super(message);
        }

        PactCallException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final Pattern NEXT = Pattern.compile("<([^>]*)>\\s*;\\s*rel=\"?next\"?", Pattern.CASE_INSENSITIVE);
    private static final int MAX_PAGES = 10_000;

    private final HttpClient http;
    private final URI base;
    private final String clientId;
    private final String secret;
    private final JsonMapper json;
    private final Clock clock;
    private final Duration timeout;
    private String token;
    private Instant tokenExpires = Instant.MIN;

    PactClient(HttpClient http, URI base, String clientId, String secret, JsonMapper json, Clock clock, Duration timeout) {
        this.http = http;
        this.base = Urls.normal(base);
        this.clientId = clientId;
        this.secret = secret;
        this.json = json;
        this.clock = clock;
        this.timeout = timeout;
    }

    @Override
    public URI base() {
        return base;
    }

    /** Every footprint the host lists for us, following its pages. */
    public List<JsonNode> footprints() throws PactCallException {
        var all = new ArrayList<JsonNode>();
        URI next = URI.create(base + "/3/footprints");
        for (int page = 0; next != null; page++) {
            if (page == MAX_PAGES) {
                throw new PactCallException("ListFootprints at " + base + " gave more than " + MAX_PAGES + " pages");
            }
            var response = send(HttpRequest.newBuilder(next).GET().header("Accept", "application/json"), true);
            if (response.statusCode() != 200) {
                throw refused("ListFootprints", response);
            }
            JsonNode body = parse("ListFootprints", response);
            if (!body.path("data").isArray()) {
                throw new PactCallException("ListFootprints at " + base + " answered without a data array");
            }
            body.path("data").forEach(all::add);
            next = response.headers().allValues("Link").stream().map(NEXT::matcher).filter(java.util.regex.Matcher::find)
                    .map(m -> URI.create(m.group(1))).findFirst().orElse(null);
            if (next != null && !next.getHost().equalsIgnoreCase(base.getHost())) {
                throw new PactCallException("ListFootprints at " + base + " sent a next page on another host: " + next);
            }
        }
        return all;
    }

    /** POSTs a CloudEvent to {@code {base}/3/events}; anything but 2xx is a failure (the sender retries). */
    @Override
    public void sendEvent(Map<String, Object> event) throws PactCallException {
        var request = HttpRequest.newBuilder(URI.create(base + "/3/events"))
                .header("Content-Type", "application/cloudevents+json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(event)));
        var response = send(request, true);
        if (response.statusCode() / 100 != 2) {
            throw refused("Events", response);
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request, boolean retryWithNewToken) throws PactCallException {
        try {
            var built = request.copy().timeout(timeout).header("Authorization", "Bearer " + token()).build();
            var response = http.send(built, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() == 401 && retryWithNewToken) {
                synchronized (this) {
                    tokenExpires = Instant.MIN; // expired or revoked: once more with a fresh token
                }
                return send(request, false);
            }
            return response;
        } catch (IOException e) {
            throw new PactCallException(base + " could not be reached: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PactCallException("interrupted", e);
        }
    }

    private synchronized String token() throws IOException, InterruptedException {
        if (token != null && clock.instant().isBefore(tokenExpires)) {
            return token;
        }
        URI endpoint = tokenEndpoint();
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        var response = http.send(HttpRequest.newBuilder(endpoint).timeout(timeout)
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw refused("Authenticate (" + endpoint + ")", response);
        }
        JsonNode body = parse("Authenticate", response);
        if (!body.path("access_token").isString() || body.path("access_token").asString().isEmpty()) {
            throw new PactCallException("Authenticate at " + endpoint + " answered without an access_token");
        }
        token = body.path("access_token").asString();
        long seconds = body.path("expires_in").isNumber() ? body.path("expires_in").asLong() : 300;
        tokenExpires = clock.instant().plusSeconds(Math.max(0, seconds - 30));
        return token;
    }

    /** PACT: the OpenID configuration's token_endpoint when the host has one, else {@code {base}/auth/token}. */
    private URI tokenEndpoint() throws InterruptedException {
        try {
            var response = http.send(HttpRequest.newBuilder(URI.create(base + "/.well-known/openid-configuration")).timeout(timeout).GET()
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 == 2) {
                JsonNode endpoint = json.readTree(response.body()).path("token_endpoint");
                if (endpoint.isString() && !endpoint.asString().isBlank()) {
                    URI uri = URI.create(endpoint.asString());
                    if ("https".equals(uri.getScheme()) || base.getScheme().equals(uri.getScheme())) {
                        return uri;
                    }
                }
            }
        } catch (IOException | IllegalArgumentException | JacksonException e) {
            // no discovery document: the default endpoint
        }
        return URI.create(base + "/auth/token");
    }

    private JsonNode parse(String action, HttpResponse<String> response) throws PactCallException {
        try {
            return json.readTree(response.body());
        } catch (JacksonException e) {
            throw new PactCallException(action + " at " + base + " answered with something other than JSON (cut off?)", e);
        }
    }

    private PactCallException refused(String action, HttpResponse<String> response) {
        String body = response.body() == null ? "" : response.body().strip();
        return new PactCallException(action + " at " + base + " answered HTTP " + response.statusCode()
                + (body.isEmpty() ? "" : ": " + body.substring(0, Math.min(200, body.length()))));
    }
}
