package org.symbiosiskb.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Map;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.symbiosiskb.support.Http;
import tools.jackson.databind.JsonNode;

/** A document sent as a dry run and as a write, which must answer the same: refused (nothing written) or accepted. */
record Refusals(Http http, Neo4jClient neo4j) {

    /** The problems; the dry run's and the write's must be the same, and the database must hold no record. */
    JsonNode byDryRunAndWrite(Map<String, Object> document) {
        var dryRun = http.post("/api/v1/datasets?dryRun=true", document);
        var write = http.post("/api/v1/datasets", document);
        assertThat(dryRun.status()).as(dryRun.raw()).isEqualTo(422);
        assertThat(write.status()).as(write.raw()).isEqualTo(422);
        assertThat(write.body()).isEqualTo(dryRun.body());
        assertThat(neo4j.query("MATCH (n:Record) RETURN count(n)").fetchAs(Long.class).one().orElseThrow()).isZero();
        return write.body().get("errors");
    }

    /** Accepted by the dry run and the write, with the same counts. */
    void accepted(Map<String, Object> document) {
        var dryRun = http.post("/api/v1/datasets?dryRun=true", document);
        assertThat(dryRun.status()).as(dryRun.raw()).isEqualTo(200);
        var write = http.post("/api/v1/datasets", document);
        assertThat(write.status()).as(write.raw()).isEqualTo(200);
        assertThat(write.body()).isEqualTo(dryRun.body());
    }

    /** Exactly one problem at {@code pointer}, whose message contains {@code expected}. */
    static void problemAt(JsonNode errors, String pointer, String expected) {
        var messages = new ArrayList<String>();
        errors.forEach(e -> {
            if (e.get("pointer").asString().equals(pointer)) {
                messages.add(e.get("message").asString());
            }
        });
        assertThat(messages).as(pointer + " in " + errors).hasSize(1);
        assertThat(messages.getFirst()).contains(expected);
    }
}
