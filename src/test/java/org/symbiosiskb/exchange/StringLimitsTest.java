package org.symbiosiskb.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.symbiosiskb.exchange.Refusals.problemAt;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.symbiosiskb.support.Http;
import org.symbiosiskb.support.KbTest;
import tools.jackson.databind.JsonNode;

/**
 * Text in exchange documents and mutations: names and other single-line strings hold at most 500
 * characters, notes and the description 10,000; no string holds NUL, other control characters
 * (single-line strings not even tab or newline), DEL, C1 controls, bidirectional embeddings,
 * overrides or isolates, or unpaired surrogates. Each refusal names the field (JSON pointer, or
 * the GraphQL input path) and is checked by the parser, so a dry run says what the write says.
 */
@KbTest
class StringLimitsTest {

    @LocalServerPort
    int port;
    @Autowired
    Neo4jClient neo4j;
    Http http;
    Refusals refusals;

    @BeforeEach
    void empty() {
        neo4j.query("MATCH (n) DETACH DELETE n").run();
        http = new Http(port);
        refusals = new Refusals(http, neo4j);
    }

    static Map<String, Object> document(String array, List<Map<String, Object>> records) {
        var doc = new LinkedHashMap<String, Object>();
        doc.put("format", "symbiosis-kb/1");
        doc.put("partner", "sl");
        doc.put(array, records);
        return doc;
    }

    static Map<String, Object> network(String id, String name, String notes) {
        var network = new LinkedHashMap<String, Object>();
        network.put("id", id);
        network.put("name", name);
        if (notes != null) {
            network.put("notes", notes);
        }
        return network;
    }

    @Test
    void a_32_kb_name_is_refused_naming_the_field_by_the_dry_run_and_the_write_alike() {
        var errors = refusals.byDryRunAndWrite(document("networks", List.of(network("sl:long", "x".repeat(32 * 1024), null))));
        problemAt(errors, "/networks/0/name", "at most 500 characters, found 32768");
        // the refusal does not echo the 32 KB back
        assertThat(errors.toString().length()).isLessThan(1000);
    }

    @Test
    void names_of_500_characters_are_accepted_counting_characters_not_bytes() {
        // "ä" is 2 bytes in UTF-8, "🌲" 4 bytes and two Java chars: 500 characters each way
        refusals.accepted(document("networks", List.of(network("sl:a", "ä".repeat(500), null), network("sl:b", "🌲".repeat(500), null))));
        neo4j.query("MATCH (n) DETACH DELETE n").run();
        var refused = refusals.byDryRunAndWrite(document("networks", List.of(network("sl:c", "🌲".repeat(501), null))));
        problemAt(refused, "/networks/0/name", "found 501");
    }

    @Test
    void notes_hold_up_to_10000_characters_with_newlines_and_tabs() {
        String lines = "Source: E-PRTR 2023\n\tillustrative\r\n";
        refusals.accepted(document("networks", List.of(network("sl:n", "Notes", lines + "n".repeat(10_000 - lines.length())))));
        neo4j.query("MATCH (n) DETACH DELETE n").run();
        var errors = refusals.byDryRunAndWrite(document("networks", List.of(
                network("sl:n1", "Notes", "n".repeat(10_001)),
                network("sl:n2", "Five megabytes", "n".repeat(1_000_000)))));
        problemAt(errors, "/networks/0/notes", "at most 10000 characters, found 10001");
        problemAt(errors, "/networks/1/notes", "at most 10000 characters");
    }

    @Test
    void control_and_bidirectional_override_characters_are_refused_in_names() {
        var errors = refusals.byDryRunAndWrite(document("networks", List.of(
                network("sl:nul", "Kemi\u0000Tornio", null),
                network("sl:esc", "\u001b[31mKemi\u001b[0m", null),
                network("sl:rlo", "Kemi \u202Egpj.exe", null),
                network("sl:rli", "Kemi \u2067Tornio\u2069", null),
                network("sl:del", "Kemi\u007f", null),
                network("sl:c1", "Kemi\u0085Tornio", null),
                network("sl:newline", "Kemi\nTornio", null),
                network("sl:tab", "Kemi\tTornio", null))));
        problemAt(errors, "/networks/0/name", "U+0000");
        problemAt(errors, "/networks/1/name", "U+001B");
        problemAt(errors, "/networks/2/name", "U+202E");
        problemAt(errors, "/networks/3/name", "U+2067");
        problemAt(errors, "/networks/4/name", "U+007F");
        problemAt(errors, "/networks/5/name", "U+0085");
        problemAt(errors, "/networks/6/name", "U+000A");
        problemAt(errors, "/networks/7/name", "U+0009");
        // the messages say where, and do not carry the characters themselves
        assertThat(errors.toString()).doesNotContain("\u202E", "\u2067", "\u001b", "\\u001B", "\\u0000");
        // half of a surrogate pair, escaped in the JSON text (a UTF-8 encoder would not write it)
        var surrogate = http.postRaw("/api/v1/datasets?dryRun=true",
                "{\"format\": \"symbiosis-kb/1\", \"partner\": \"sl\", \"networks\": [{\"id\": \"sl:s\", \"name\": \"Kemi \\uD83C\"}]}");
        assertThat(surrogate.status()).as(surrogate.raw()).isEqualTo(422);
        problemAt(surrogate.body().get("errors"), "/networks/0/name", "unpaired surrogate");
        // right-to-left text itself is fine, and so are its marks
        refusals.accepted(document("networks", List.of(network("sl:rtl", "شبكة التكافل الصناعي \u200F(Kemi)", null))));
    }

    @Test
    void notes_keep_newlines_and_tabs_but_not_other_controls_or_overrides() {
        var errors = refusals.byDryRunAndWrite(document("networks", List.of(
                network("sl:n1", "A", "line one\nline two\u0000"),
                network("sl:n2", "B", "see \u001b]8;;http://evil.example\u0007here"),
                network("sl:n3", "C", "figure \u202D1234\u202C"))));
        problemAt(errors, "/networks/0/notes", "U+0000");
        problemAt(errors, "/networks/1/notes", "U+001B");
        problemAt(errors, "/networks/2/notes", "U+202D");
    }

    @Test
    void every_string_field_is_limited_not_only_names() {
        var organization = new LinkedHashMap<String, Object>(Map.of("id", "sl:org", "name", "Org", "businessId", "1".repeat(501),
                "nace", "C24\u202E"));
        var doc = document("organizations", List.of(organization));
        doc.put("description", "d".repeat(10_001));
        var errors = refusals.byDryRunAndWrite(doc);
        problemAt(errors, "/organizations/0/businessId", "at most 500 characters");
        problemAt(errors, "/organizations/0/nace", "U+202E");
        problemAt(errors, "/description", "at most 10000 characters");
    }

    @Test
    void mutations_refuse_the_same_strings_naming_the_input_field() {
        var response = http.graphql("mutation($name: String!) { createNetwork(input: {id: \"sl:m\", name: $name}) { id } }",
                Map.of("name", "x".repeat(32 * 1024)));
        JsonNode error = response.body().get("errors").get(0);
        assertThat(error.get("extensions").get("classification").asString()).as(response.raw()).isEqualTo("BAD_REQUEST");
        assertThat(error.get("extensions").get("problems").get(0).get("field").asString()).isEqualTo("input.name");
        assertThat(error.get("message").asString()).contains("input.name: must hold at most 500 characters");

        var override = http.graphql("mutation($notes: String) { createNetwork(input: {id: \"sl:m\", name: \"M\", notes: $notes}) { id } }",
                Map.of("notes", "ok\u202E"));
        assertThat(override.body().get("errors").get(0).get("message").asString()).as(override.raw()).contains("input.notes").contains("U+202E");
        assertThat(neo4j.query("MATCH (n:Record) RETURN count(n)").fetchAs(Long.class).one().orElseThrow()).isZero();
    }
}
