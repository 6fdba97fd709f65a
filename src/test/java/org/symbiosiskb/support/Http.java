package org.symbiosiskb.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Real HTTP against the running service: what a partner's script or an analyst's client sends. */
public final class Http {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String base;
    private final String key;

    public Http(int port) {
        this(port, null);
    }

    /** Requests that send {@code Authorization: Bearer <key>} (no header when key is null). */
    public Http(int port, String key) {
        this.base = "http://localhost:" + port;
        this.key = key;
    }

    public Http withKey(String otherKey) {
        return new Http(Integer.parseInt(base.substring(base.lastIndexOf(':') + 1)), otherKey);
    }

    public record Response(int status, JsonNode body, String raw) {
    }

    public Response post(String path, Object body) {
        return postRaw(path, body instanceof String s ? s : JSON.writeValueAsString(body));
    }

    public Response postRaw(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
    }

    /** A GraphQL request; the answer's {@code data} and {@code errors} are in {@link Response#body()}. */
    public Response graphql(String query, Map<String, Object> variables) {
        return post("/graphql", Map.of("query", query, "variables", variables));
    }

    public Response graphql(String query) {
        return graphql(query, Map.of());
    }

    private Response send(HttpRequest request) {
        if (key != null) {
            request = HttpRequest.newBuilder(request, (name, value) -> true).header("Authorization", "Bearer " + key).build();
        }
        try {
            var response = client.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode body = null;
            try {
                body = response.body().isBlank() ? null : JSON.readTree(response.body());
            } catch (RuntimeException notJson) {
                // leave body null; raw holds it
            }
            return new Response(response.statusCode(), body, response.body());
        } catch (Exception e) {
            throw new IllegalStateException("HTTP request failed: " + request.uri(), e);
        }
    }

    public static JsonMapper json() {
        return JSON;
    }
}
