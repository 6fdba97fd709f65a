package org.symbiosiskb.pact;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A PACT client for tests, over real HTTPS: every answer it gets is checked against the PACT v3 schema of its
 * action and status (the contract test of every response), before the test looks at it.
 */
final class PactHttp {

    static final JsonMapper JSON = JsonMapper.builder().build();

    record Response(int status, Map<String, List<String>> headers, String body) {

        JsonNode json() {
            return JSON.readTree(body);
        }

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(e -> e.getValue().getFirst())
                    .findFirst().orElse(null);
        }

        /** The {@code data} of a list, as footprints. */
        List<JsonNode> data() {
            var list = new java.util.ArrayList<JsonNode>();
            json().path("data").forEach(list::add);
            return list;
        }
    }

    private final HttpClient client = HttpClient.newBuilder().sslContext(PactInstance.trustingInstances())
            .version(HttpClient.Version.HTTP_1_1).build();
    private final String base;

    /** @param base {@code https://localhost:<port>/pact} */
    PactHttp(String base) {
        this.base = base;
    }

    String token(String clientId, String secret) {
        var response = tokenRequest(clientId, secret, "grant_type=client_credentials");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().path("access_token").asString();
    }

    Response tokenRequest(String clientId, String secret, String form) {
        var request = HttpRequest.newBuilder(URI.create(base + "/auth/token")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (clientId != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8)));
        }
        return send(request, "/auth/token");
    }

    /** GET {@code path} (after /pact) with a bearer token (or none). */
    Response get(String path, String token) {
        var request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request, path);
    }

    /** GET an absolute URL (a Link header's target) with a bearer token. */
    Response follow(String url, String token) {
        assertThat(url).startsWith(base + "/3/footprints");
        return send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).GET(), url.substring(base.length()));
    }

    Response postEvent(String token, String event) {
        var request = HttpRequest.newBuilder(URI.create(base + "/3/events")).header("Content-Type", "application/cloudevents+json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(event));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request, "/3/events");
    }

    private Response send(HttpRequest.Builder request, String path) {
        try {
            var answer = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            var response = new Response(answer.statusCode(), answer.headers().map(), answer.body());
            checkContract(path, response);
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The schema of each action's answers (PACT v3.0.3; RFC 6749 for the token endpoint). */
    static void checkContract(String path, Response response) {
        String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        int status = response.status();
        if (bare.equals("/auth/token")) {
            PactSchemas.assertValid(status == 200 ? "token-response" : "oauth-error", response.body());
        } else if (bare.equals("/.well-known/openid-configuration") && status == 200) {
            PactSchemas.assertValid("openid-configuration", response.body());
        } else if (status >= 400) {
            PactSchemas.assertValid("error", response.body());
            assertThat(response.header("Content-Type")).startsWith("application/json");
        } else if (bare.equals("/3/footprints")) {
            PactSchemas.assertValid("list-footprints-response", response.body());
        } else if (bare.startsWith("/3/footprints/")) {
            PactSchemas.assertValid("get-footprint-response", response.body());
        } else if (bare.equals("/3/events")) {
            assertThat(response.body()).as("an accepted event is answered with an empty body").isEmpty();
        }
    }
}
