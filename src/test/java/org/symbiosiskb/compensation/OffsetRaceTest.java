package org.symbiosiskb.compensation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.symbiosiskb.support.Http;
import org.symbiosiskb.support.KbTest;

/** Offset agreements as a workflow, and a sink that is never over-allocated, even when activations race. */
@KbTest
class OffsetRaceTest {

    @LocalServerPort
    int port;
    @Autowired
    Neo4jClient neo4j;
    Http http;

    @BeforeEach
    void aForestOf750Tonnes() {
        neo4j.query("MATCH (n) DETACH DELETE n").run();
        http = new Http(port);
        var response = http.postRaw("/api/v1/datasets", """
                {"format": "symbiosis-kb/1", "partner": "fi",
                 "organizations": [{"id": "fi:city", "name": "City", "location": {"lat": 65.7, "lon": 24.6}},
                                   {"id": "fi:steel", "name": "Steel works", "location": {"lat": 65.8, "lon": 24.2}}],
                 "carbonSinks": [{"id": "fi:forest", "name": "City forest", "kind": "FOREST", "owner": "fi:city",
                                  "location": {"lat": 65.7, "lon": 24.6}, "tCO2ePerYear": 750}]}""");
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
    }

    String propose(String id, int tonnes) {
        var response = http.graphql("""
                mutation { proposeOffsetAgreement(input: {id: "%s", buyer: "fi:steel", sink: "fi:forest", tCO2ePerYear: %d,
                  fromYear: 2025, toYear: 2030}) { id status } }""".formatted(id, tonnes));
        assertThat(response.body().get("errors")).as(response.raw()).isNull();
        return response.body().get("data").get("proposeOffsetAgreement").get("status").asString();
    }

    @Test
    void twenty_concurrent_activations_succeed_exactly_as_far_as_capacity_allows() throws Exception {
        for (int i = 0; i < 20; i++) {
            assertThat(propose("fi:oa-" + i, 100)).isEqualTo("PROPOSED");
        }
        var start = new CountDownLatch(1);
        List<Future<Http.Response>> answers = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(20)) {
            for (int i = 0; i < 20; i++) {
                String id = "fi:oa-" + i;
                answers.add(pool.submit(() -> {
                    start.await();
                    return new Http(port).graphql("mutation { activateOffsetAgreement(id: \"" + id + "\") { status } }");
                }));
            }
            start.countDown();
            int activated = 0;
            var refusals = new ArrayList<String>();
            for (var answer : answers) {
                var body = answer.get().body();
                if (body.get("errors") == null) {
                    assertThat(body.get("data").get("activateOffsetAgreement").get("status").asString()).isEqualTo("ACTIVE");
                    activated++;
                } else {
                    assertThat(body.get("errors").get(0).get("extensions").get("classification").asString()).isEqualTo("BAD_REQUEST");
                    refusals.add(body.get("errors").get(0).get("message").asString());
                }
            }
            // 750 t a year hold 7 agreements of 100 t; the 8th would make 800
            assertThat(activated).isEqualTo(7);
            assertThat(refusals).hasSize(13).allMatch(m -> m.endsWith("; 50 tCO2e free"), "names the free capacity");
        }
        long active = neo4j.query("MATCH (a:OffsetAgreement {status: 'ACTIVE'}) RETURN count(a)").fetchAs(Long.class).one().orElseThrow();
        assertThat(active).isEqualTo(7);
    }

    @Test
    void an_ended_agreement_frees_its_capacity_and_cannot_come_back() {
        propose("fi:big", 700);
        propose("fi:small", 100);
        assertThat(http.graphql("mutation { activateOffsetAgreement(id: \"fi:big\") { status } }").body().get("errors")).isNull();
        var refused = http.graphql("mutation { activateOffsetAgreement(id: \"fi:small\") { status } }").body().get("errors").get(0);
        assertThat(refused.get("message").asString()).contains("add up to 800 tCO2e", "50 tCO2e free");

        var ended = http.graphql("mutation { endOffsetAgreement(id: \"fi:big\") { status } }").body();
        assertThat(ended.get("data").get("endOffsetAgreement").get("status").asString()).isEqualTo("ENDED");
        assertThat(http.graphql("mutation { activateOffsetAgreement(id: \"fi:small\") { status } }").body()
                .get("data").get("activateOffsetAgreement").get("status").asString()).isEqualTo("ACTIVE");
        var again = http.graphql("mutation { activateOffsetAgreement(id: \"fi:big\") { status } }").body().get("errors").get(0);
        assertThat(again.get("message").asString()).isEqualTo("fi:big has ENDED; propose a new agreement instead");
    }

    @Test
    void a_proposal_uses_no_capacity_and_must_be_proposed() {
        propose("fi:huge", 5000);
        var response = http.graphql("""
                mutation { proposeOffsetAgreement(input: {id: "fi:x", buyer: "fi:steel", sink: "fi:forest", tCO2ePerYear: 1,
                  fromYear: 2025, toYear: 2030, status: ACTIVE}) { id } }""");
        assertThat(response.body().get("errors").get(0).get("message").asString()).startsWith("input.status:");
        assertThat(http.graphql("mutation { activateOffsetAgreement(id: \"fi:nothing\") { id } }").body().get("errors").get(0)
                .get("extensions").get("classification").asString()).isEqualTo("NOT_FOUND");
    }

}
