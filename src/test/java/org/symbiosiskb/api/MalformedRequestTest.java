package org.symbiosiskb.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.symbiosiskb.support.Http;
import org.symbiosiskb.support.KbTest;
import tools.jackson.databind.JsonNode;

/**
 * Every malformed request to /graphql and /api/v1/** is answered in the service's own error
 * shape (GraphQL errors with {@code extensions.classification} on /graphql, {@code {"errors":
 * [{"pointer", "message"}]}} on the REST API), with a message a person can act on and nothing of
 * the framework: no Spring default body, no Jackson wording or class names, no 500.
 */
@KbTest
class MalformedRequestTest {

    /** What the framework's own answers and messages are recognised by. */
    static final List<String> INTERNALS = List.of("timestamp", "jackson", "Jackson", "tools.", "org.springframework", "java.",
            "Exception", "JsonToken", "SerializableGraphQlRequest", "LinkedHashMap", "deserialize", "end-of-input", "<html");

    @LocalServerPort
    int port;
    final HttpClient client = HttpClient.newHttpClient();

    record Answer(int status, String raw) {
        JsonNode error() {
            return Http.json().readTree(raw).get("errors").get(0);
        }
    }

    Answer send(String method, String path, String contentType, String body, String... headers) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        var response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }

    /** A GraphQL-shaped refusal with this status whose message contains {@code expected}. */
    void graphqlRefusal(Answer answer, int status, String expected) {
        assertThat(answer.status()).as(answer.raw()).isEqualTo(status);
        assertThat(INTERNALS).as(answer.raw()).noneMatch(answer.raw()::contains);
        assertThat(answer.error().get("extensions").get("classification").asString()).as(answer.raw()).isEqualTo("BAD_REQUEST");
        assertThat(answer.error().get("message").asString()).contains(expected);
    }

    /** A REST-shaped refusal ({@code errors[].pointer/message}) with this status whose message contains {@code expected}. */
    void restRefusal(Answer answer, int status, String expected) {
        assertThat(answer.status()).as(answer.raw()).isEqualTo(status);
        assertThat(INTERNALS).as(answer.raw()).noneMatch(answer.raw()::contains);
        assertThat(answer.error().get("pointer").asString()).isEmpty();
        assertThat(answer.error().get("message").asString()).contains(expected);
    }

    @Test
    void malformed_graphql_bodies_are_bad_requests_in_the_graphql_error_shape() throws Exception {
        String json = "application/json";
        graphqlRefusal(send("POST", "/graphql", json, "null"), 400, "must be a JSON object");
        graphqlRefusal(send("POST", "/graphql", json, "\"{ formatVersion }\""), 400, "must be a JSON object");
        graphqlRefusal(send("POST", "/graphql", json, "{\"query\": \"{ formatVersion }\""), 400, "not valid JSON");
        graphqlRefusal(send("POST", "/graphql", json, "{bad"), 400, "line 1, column 2");
        graphqlRefusal(send("POST", "/graphql", json, "[{\"query\": \"{ formatVersion }\"}]"), 400, "batched");
        graphqlRefusal(send("POST", "/graphql", json, ""), 400, "empty");
        graphqlRefusal(send("POST", "/graphql", json, "{}"), 400, "query is required");
        graphqlRefusal(send("POST", "/graphql", json, "{\"query\": null}"), 400, "query is required");
        graphqlRefusal(send("POST", "/graphql", json, "{\"query\": 5}"), 400, "query must be a string");
        graphqlRefusal(send("POST", "/graphql", json, "{\"query\": \"{ formatVersion }\", \"variables\": \"x\"}"), 400,
                "variables must be a JSON object");
        graphqlRefusal(send("POST", "/graphql", json, "{\"query\": \"{ formatVersion }\", \"variables\": [1]}"), 400,
                "variables must be a JSON object");
        graphqlRefusal(send("POST", "/graphql", json, "{\"query\": \"{ formatVersion }\", \"operationName\": 5}"), 400,
                "operationName must be a string");
        graphqlRefusal(send("POST", "/graphql", json, "{\"query\": \"{ formatVersion }\", \"extensions\": 5}"), 400,
                "extensions must be a JSON object");
        // still answered: explicit nulls, a charset
        var ok = send("POST", "/graphql", "application/json; charset=utf-8",
                "{\"query\": \"{ formatVersion }\", \"variables\": null, \"operationName\": null}");
        assertThat(ok.status()).as(ok.raw()).isEqualTo(200);
        assertThat(ok.raw()).contains("symbiosis-kb/1");
    }

    @Test
    void wrong_content_type_and_method_on_graphql_are_refused_in_the_graphql_error_shape() throws Exception {
        graphqlRefusal(send("POST", "/graphql", "text/plain", "{\"query\": \"{ formatVersion }\"}"), 415, "application/json");
        graphqlRefusal(send("POST", "/graphql", null, "{\"query\": \"{ formatVersion }\"}"), 415, "application/json");
        graphqlRefusal(send("PUT", "/graphql", "application/json", "{\"query\": \"{ formatVersion }\"}"), 405, "POST");
        graphqlRefusal(send("POST", "/graphql", "application/json", "{\"query\": \"{ formatVersion }\"}", "Accept", "application/xml"), 406,
                "application/graphql-response+json");
        var graphqlResponse = send("POST", "/graphql", "application/json", "{\"query\": \"{ formatVersion }\"}",
                "Accept", "application/graphql-response+json");
        assertThat(graphqlResponse.status()).as(graphqlResponse.raw()).isEqualTo(200);
    }

    @Test
    void requests_the_servlet_container_refuses_are_answered_in_the_service_shape_too() throws Exception {
        restRefusal(send("GET", "/api/v1/datasets/fi%00", null, null), 400, "malformed URL");
        restRefusal(send("POST", "/api/v1/peers/a%2Fb/sync", null, null), 400, "malformed URL");
        restRefusal(send("GET", "/api/v1/datasets/fi", null, null, "X-Padding", "x".repeat(10_000)), 400, "size limit");
    }

    @Test
    void malformed_requests_to_the_rest_api_are_refused_in_its_error_shape() throws Exception {
        restRefusal(send("POST", "/api/v1/datasets", "text/plain", "{}"), 415, "application/json");
        restRefusal(send("GET", "/api/v1/datasets", null, null), 405, "POST");
        restRefusal(send("DELETE", "/api/v1/datasets/fi", null, null), 405, "GET");
        restRefusal(send("GET", "/api/v1/no-such-thing", null, null), 404, "/api/v1/no-such-thing");
        restRefusal(send("POST", "/api/v1/datasets?dryRun=maybe", "application/json", "{}"), 400, "dryRun must be true or false");
        restRefusal(send("POST", "/api/v1/datasets", "application/json", "{bad"), 400, "line 1, column 2");
        restRefusal(send("POST", "/api/v1/datasets", "application/json", ""), 400, "empty");
        restRefusal(send("GET", "/api/v1/datasets/fi", null, null, "Accept", "application/xml"), 406, "Accept: application/json");
    }
}
