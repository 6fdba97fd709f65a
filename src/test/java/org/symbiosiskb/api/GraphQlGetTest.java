package org.symbiosiskb.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.test.context.ContextConfiguration;
import org.symbiosiskb.graph.Cypher;
import org.symbiosiskb.support.HarnessInitializer;
import org.symbiosiskb.support.Http;
import tools.jackson.databind.JsonNode;

/**
 * GraphQL over GET ({@code /graphql?query=…&variables=…&operationName=…}): queries are answered exactly
 * as the same POST, a mutation never runs (405, {@code Allow: POST}), malformed parameters are 400 in the
 * GraphQL error shape, and keys, the query limits, the size limit and the request time limit apply to a
 * GET as to a POST: each case is asked both ways and must get the same answer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "kb.example-data.enabled=false", "kb.limits.max-graphql-body-size=2KB", "kb.limits.request-timeout=2s",
        // sha256("get-editor-key"), sha256("get-reader-key")
        "kb.security.keys=getfi:EDITOR:3d83c8d8222bc849f4ed4094560463d9a03e0127c6eaa23e7e1b2813c00cb45e,"
                + "getse:READER:d10f1c81b270a16c24309f2aae79e455449b73427cd979d2fac633ff128d7e81"})
@ContextConfiguration(initializers = HarnessInitializer.class)
class GraphQlGetTest {

    static final String EDITOR = "get-editor-key";
    static final String READER = "get-reader-key";

    @LocalServerPort
    int port;
    @Autowired
    Neo4jClient neo4j;
    @Autowired
    Cypher cypher;

    @BeforeEach
    void aPublicParkWithANetworkCompany() {
        neo4j.query("MATCH (n) DETACH DELETE n").run();
        var response = new Http(port, EDITOR).post("/api/v1/datasets", Map.of("format", "symbiosis-kb/1", "partner", "getfi",
                "parks", List.of(Map.of("id", "getfi:park", "name", "Kemi park", "location", Map.of("lat", 65.7, "lon", 24.6),
                        "visibility", "PUBLIC")),
                "organizations", List.of(Map.of("id", "getfi:org", "name", "Kemi steel", "park", "getfi:park"))));
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
    }

    /** The request as a GET, its parameters in the URL ({@code null} values left out). */
    Http.Response get(String key, Map<String, String> parameters) {
        var url = new StringBuilder("/graphql?");
        parameters.forEach((name, value) -> url.append(url.length() > 9 ? "&" : "").append(name).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return new Http(port, key).get(url.toString());
    }

    /** The same request asked as a GET and as a POST; both answers, GET first. */
    List<Http.Response> bothWays(String key, String query, Map<String, Object> variables, String operationName) {
        var parameters = new LinkedHashMap<String, String>();
        var body = new LinkedHashMap<String, Object>();
        parameters.put("query", query);
        body.put("query", query);
        if (variables != null) {
            parameters.put("variables", Http.json().writeValueAsString(variables));
            body.put("variables", variables);
        }
        if (operationName != null) {
            parameters.put("operationName", operationName);
            body.put("operationName", operationName);
        }
        return List.of(get(key, parameters), new Http(port, key).post("/graphql", body));
    }

    /** Asked both ways, the answers are the same (status and body), and that answer is returned. */
    Http.Response same(String key, String query, Map<String, Object> variables, String operationName) {
        var answers = bothWays(key, query, variables, operationName);
        assertThat(answers.get(0).status()).as("GET " + answers.get(0).raw()).isEqualTo(answers.get(1).status());
        assertThat(answers.get(0).body()).as("GET, against the POST").isEqualTo(answers.get(1).body());
        return answers.get(0);
    }

    /** For the headers: the request as sent, without a key. */
    HttpResponse<String> raw(String method, String path) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static void refusal(Http.Response answer, int status, String classification, String message) {
        assertThat(answer.status()).as(answer.raw()).isEqualTo(status);
        JsonNode error = answer.body().get("errors").get(0);
        assertThat(error.get("extensions").get("classification").asString()).as(answer.raw()).isEqualTo(classification);
        assertThat(error.get("message").asString()).contains(message);
    }

    @Test
    void a_query_over_get_is_answered_as_the_same_post() {
        var answer = same(READER, """
                query Park($id: ID!) { park(id: $id) { name organizations { name } } }
                mutation Rename { updatePark(input: {id: "getfi:park", name: "Renamed"}) { id } }""",
                Map.of("id", "getfi:park"), "Park");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().at("/data/park/name").asString()).isEqualTo("Kemi park");
        assertThat(answer.body().at("/data/park/organizations/0/name").asString()).isEqualTo("Kemi steel");
        // parameters the request does not know are left alone (a cache-buster), empty ones count as not given
        var plain = get(null, Map.of("query", "{ formatVersion }", "_", "1712345", "operationName", "", "variables", ""));
        assertThat(plain.status()).as(plain.raw()).isEqualTo(200);
        assertThat(plain.body().at("/data/formatVersion").asString()).isEqualTo("symbiosis-kb/1");
    }

    @Test
    void a_mutation_over_get_is_refused_with_405_and_writes_nothing() {
        String create = "mutation Create { createNetwork(input: {id: \"getfi:net\", name: \"Kemi network\"}) { id } }";
        String read = "query Read { formatVersion }";
        var refused = new ArrayList<Http.Response>();
        refused.add(get(EDITOR, Map.of("query", create)));
        refused.add(get(EDITOR, Map.of("query", create, "operationName", "Create")));
        // the query comes first, but without an operation name the mutation is one of those that could run
        refused.add(get(EDITOR, Map.of("query", read + " " + create)));
        refused.add(get(EDITOR, Map.of("query", create + " " + read, "operationName", "")));
        refused.add(get(EDITOR, Map.of("query", "subscription { formatVersion }")));
        for (var answer : refused) {
            refusal(answer, 405, "BAD_REQUEST", "a GET runs queries only");
            assertThat(answer.raw()).containsAnyOf("send the mutation Create as a POST", "send the subscription as a POST");
        }
        assertThat(raw("GET", "/graphql?query=" + URLEncoder.encode(create, StandardCharsets.UTF_8)).headers()
                .firstValue("Allow")).contains("POST");
        assertThat(neo4j.query("MATCH (n:Network) RETURN count(n) AS n").fetchAs(Long.class).one()).contains(0L);

        // the query of the same document runs over GET; the mutation itself is valid: as a POST it writes
        var query = get(EDITOR, Map.of("query", read + " " + create, "operationName", "Read"));
        assertThat(query.body().at("/data/formatVersion").asString()).as(query.raw()).isEqualTo("symbiosis-kb/1");
        var post = new Http(port, EDITOR).graphql(create);
        assertThat(post.body().at("/data/createNetwork/id").asString()).as(post.raw()).isEqualTo("getfi:net");
    }

    @Test
    void malformed_get_parameters_are_bad_requests_in_the_graphql_error_shape() {
        refusal(get(null, Map.of()), 400, "BAD_REQUEST", "query is required");
        refusal(get(null, Map.of("operationName", "A")), 400, "BAD_REQUEST", "?query=");
        refusal(new Http(port).get("/graphql?query=%7B+formatVersion+%7D&query=%7B+formatVersion+%7D"), 400, "BAD_REQUEST",
                "query is given 2 times in the URL");
        refusal(new Http(port).get("/graphql?query=%7B+formatVersion+%7D&operationName=A&operationName=B"), 400, "BAD_REQUEST",
                "operationName is given 2 times in the URL");
        refusal(get(null, Map.of("query", "{ formatVersion }", "variables", "{\"id\": ")), 400, "BAD_REQUEST",
                "variables must be a JSON object, URL-encoded; it is not valid JSON (line 1, column");
        refusal(get(null, Map.of("query", "{ formatVersion }", "variables", "[1]")), 400, "BAD_REQUEST",
                "variables must be a JSON object (or null), found an array");
        refusal(get(null, Map.of("query", "{ formatVersion }", "extensions", "5")), 400, "BAD_REQUEST",
                "extensions must be a JSON object (or null), found a number");
        var put = raw("PUT", "/graphql?query=%7B+formatVersion+%7D");
        assertThat(put.headers().firstValue("Allow")).contains("GET, POST");
        refusal(new Http.Response(put.statusCode(), Http.json().readTree(put.body()), put.body()), 405, "BAD_REQUEST",
                "or a GET with ?query=… for a query");
    }

    @Test
    void keys_apply_to_a_get_as_to_a_post() {
        String query = "{ organization(id: \"getfi:org\") { name } park(id: \"getfi:park\") { name } }";
        // anonymous: the PUBLIC park only
        var anonymous = same(null, query, null, null);
        assertThat(anonymous.body().at("/data/organization").isNull()).as(anonymous.raw()).isTrue();
        assertThat(anonymous.body().at("/data/park/name").asString()).isEqualTo("Kemi park");
        // another partner's key: the NETWORK company too
        assertThat(same(READER, query, null, null).body().at("/data/organization/name").asString()).isEqualTo("Kemi steel");
        // a key that is not configured
        refusal(same("not-a-key", query, null, null), 401, "UNAUTHORIZED", "not a configured key");
    }

    @Test
    void the_query_limits_apply_to_a_get_as_to_a_post() {
        long before = cypher.statementsRun();
        var deep = same(READER, "{ park(id: \"getfi:park\") {" + " coordinator { park {".repeat(5) + " coordinator { id }"
                + " } }".repeat(5) + " } }", null, null);
        assertThat(deep.body().at("/errors/0/message").asString()).isEqualTo("query depth 13 exceeds kb.limits.max-depth 12");

        var complex = same(READER, """
                { park(id: "getfi:park") { organizationsConnection(first: 297) {
                    nodes { id processes(first: 20) { id sideStreams(first: 20) { id name } } } } } }""", null, null);
        assertThat(complex.body().at("/errors/0/message").asString())
                .startsWith("query complexity 250077 exceeds kb.limits.max-complexity 250000");

        var aliases = new StringBuilder("{");
        for (int i = 0; i <= 30; i++) {
            aliases.append(" a").append(i).append(": formatVersion");
        }
        var aliased = same(READER, aliases + " }", null, null);
        assertThat(aliased.body().at("/errors/0/message").asString()).isEqualTo("aliases 31 exceeds kb.limits.max-aliases 30");
        assertThat(cypher.statementsRun()).as("statements run for refused queries").isEqualTo(before);
    }

    @Test
    void the_size_limit_applies_to_a_get_as_to_a_post() {
        // {"pad": "aaa…"} beside { formatVersion }: as a POST body {"query":"{ formatVersion }","variables":{"pad":"…"}}
        // is 52 bytes besides the padding, as a GET query string query=%7B+formatVersion+%7D&variables=%7B%22pad%22%3A%22…%22%7D 62
        String query = "{ formatVersion }";
        for (var answer : bothWays(READER, query, Map.of("pad", "a".repeat(2048 - 62)), null)) { // GET 2048 bytes, POST 2038
            assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
        }
        var get = bothWays(READER, query, Map.of("pad", "a".repeat(2048 - 62 + 1)), null).get(0); // 2049 bytes
        refusal(get, 414, "BAD_REQUEST", "the URL's query string size exceeds kb.limits.max-graphql-body-size 2KB; send the request as a POST");
        assertThat(get.body().at("/errors/0/extensions/found").asLong()).isEqualTo(2049);
        var post = bothWays(READER, query, Map.of("pad", "a".repeat(2048 - 52 + 1)), null).get(1); // 2049 bytes
        refusal(post, 413, "BAD_REQUEST", "request body size exceeds kb.limits.max-graphql-body-size 2KB");
        assertThat(post.body().at("/errors/0/extensions/found").asLong()).isEqualTo(2049);
        for (var answer : List.of(get, post)) {
            assertThat(answer.body().at("/errors/0/extensions/limit").asString()).isEqualTo("kb.limits.max-graphql-body-size");
        }
        // a URL over the container's own limit (request line and headers, 8 KB) is refused before the path is read,
        // so in the REST shape, in the service's words all the same
        var overContainerLimit = get(READER, Map.of("query", query, "variables", "{\"pad\": \"" + "a".repeat(10_000) + "\"}"));
        assertThat(overContainerLimit.status()).isEqualTo(400);
        assertThat(overContainerLimit.body().at("/errors/0/message").asString()).contains("request line and headers over their size limit");
    }

    @Test
    void the_request_time_limit_applies_to_a_get_as_to_a_post() {
        var loop = new LinkedHashMap<String, Object>(Map.of("format", "symbiosis-kb/1", "partner", "getfi"));
        loop.putAll(CompleteLoop.records("getfi", 40));
        var imported = new Http(port, EDITOR).post("/api/v1/datasets", loop);
        assertThat(imported.status()).as(imported.raw()).isEqualTo(200);

        // five traces of up to 200 000 chains each, one after another: far beyond 2 s on any machine
        var traces = new StringBuilder("{");
        for (int i = 0; i < 5; i++) {
            traces.append(" t").append(i).append(": traceEmissions(processId: \"getfi:p").append(i)
                    .append("\", year: 2024, maxDepth: 1000, cutoff: 0) { total }");
        }
        for (var answer : bothWays(EDITOR, traces + " }", null, null)) {
            JsonNode error = answer.body().at("/errors/0");
            assertThat(error.has("message")).as(answer.raw()).isTrue();
            assertThat(error.get("message").asString()).startsWith("request time exceeds kb.limits.request-timeout 2s");
            assertThat(error.get("extensions").get("limit").asString()).isEqualTo("kb.limits.request-timeout");
        }
    }
}
