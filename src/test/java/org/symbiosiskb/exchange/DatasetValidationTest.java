package org.symbiosiskb.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.symbiosiskb.exchange.Documents.record;
import static org.symbiosiskb.exchange.Documents.records;
import static org.symbiosiskb.exchange.Documents.smallPark;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.symbiosiskb.support.Http;
import org.symbiosiskb.support.KbTest;

/**
 * Every way docs/spec/model.md says a document is invalid: 422, a JSON pointer per problem, nothing written.
 */
@KbTest
class DatasetValidationTest {

    @LocalServerPort
    int port;
    @Autowired
    Neo4jClient neo4j;
    Http http;

    @BeforeEach
    void emptyDatabase() {
        neo4j.query("MATCH (n) DETACH DELETE n").run();
        http = new Http(port);
    }

    /** Posts the document, expects 422 with exactly these pointers, and checks that nothing was written. */
    private List<String> refused(Map<String, Object> doc, String... pointers) {
        long before = neo4j.query("MATCH (n) RETURN count(n)").fetchAs(Long.class).one().orElseThrow();
        var response = http.post("/api/v1/datasets", doc);
        assertThat(response.status()).as(response.raw()).isEqualTo(422);
        var errors = response.body().get("errors");
        var found = new ArrayList<String>();
        var messages = new ArrayList<String>();
        errors.forEach(e -> {
            found.add(e.get("pointer").asString());
            messages.add(e.get("message").asString());
        });
        assertThat(found).as(response.raw()).containsExactlyInAnyOrder(pointers);
        assertThat(neo4j.query("MATCH (n) RETURN count(n)").fetchAs(Long.class).one().orElseThrow()).isEqualTo(before);
        return messages;
    }

    @Test
    void a_wrong_format_is_refused() {
        var doc = smallPark();
        doc.put("format", "symbiosis-kb/2");
        assertThat(refused(doc, "/format").getFirst()).contains("symbiosis-kb/1");
    }

    @Test
    void a_reference_to_a_record_that_exists_nowhere_is_refused() {
        var doc = smallPark();
        record(doc, "flows", 0).put("consumer", "fi:no-such-process");
        assertThat(refused(doc, "/flows/0/consumer").getFirst())
                .isEqualTo("refers to fi:no-such-process, which is neither in this document nor in the database");
    }

    @Test
    void a_reference_to_a_record_of_the_wrong_kind_is_refused() {
        var doc = smallPark();
        record(doc, "processes", 0).put("operator", "fi:park");
        assertThat(refused(doc, "/processes/0/operator").getFirst()).contains("is a Park, not an Organization");
    }

    @Test
    void flows_adding_up_to_more_than_their_side_stream_are_refused() {
        var doc = smallPark();
        // slag: 300 t; the existing flow takes 200 t from 2020 on; a second one of 150 t from 2024 makes 350 t in 2024
        records(doc, "flows").add(new HashMap<>(Map.of("id", "fi:slag-more", "sideStream", "fi:slag",
                "consumer", "fi:paving", "quantity", 150, "fromYear", 2024, "toYear", 2025)));
        assertThat(refused(doc, "/flows/1/quantity").getFirst())
                .isEqualTo("flows from fi:slag add up to 350 t in 2024, more than its quantity of 300 t; 100 t free");
    }

    @Test
    void flows_that_never_overlap_may_each_use_the_whole_stream() {
        var doc = smallPark();
        record(doc, "flows", 0).put("toYear", 2023);
        records(doc, "flows").add(new HashMap<>(Map.of("id", "fi:slag-later", "sideStream", "fi:slag",
                "consumer", "fi:paving", "quantity", 300, "fromYear", 2024)));
        assertThat(http.post("/api/v1/datasets", doc).status()).isEqualTo(200);
    }

    @Test
    void a_flow_exceeding_a_stream_already_in_the_database_is_refused() {
        assertThat(http.post("/api/v1/datasets", smallPark()).status()).isEqualTo(200);
        var doc = Documents.document("fi");
        // 200 t already flow; 101 more exceed the 300 t stream
        records(doc, "flows").add(Map.of("id", "fi:slag-extra", "sideStream", "fi:slag", "consumer", "fi:paving", "quantity", 101));
        assertThat(refused(doc, "/flows/0/quantity").getFirst()).contains("add up to 301 t");
    }

    @Test
    void side_streams_in_tonnes_adding_up_to_more_than_the_process_output_are_refused() {
        var doc = smallPark();
        // smelter output 1000 t: slag 300 t + dust 800 t = 1100 t; the 5000 MWh of heat does not count
        records(doc, "sideStreams").add(new HashMap<>(Map.of("id", "fi:dust", "name", "Dust", "producer", "fi:smelter", "quantity", 800, "unit", "t")));
        records(doc, "sideStreams").add(new HashMap<>(Map.of("id", "fi:heat", "name", "Heat", "producer", "fi:smelter", "quantity", 5000, "unit", "MWh")));
        assertThat(refused(doc, "/sideStreams/1/quantity").getFirst())
                .isEqualTo("side streams in tonnes of fi:smelter add up to 1100 t, more than its outputTonnes of 1000 t; 700 t free");
    }

    @Test
    void active_agreements_adding_up_to_more_than_the_sink_are_refused() {
        var doc = smallPark();
        // forest: 1000 t/year; 600 t active 2024–2030; another 500 t active 2030–2035 makes 1100 t in 2030;
        // a PROPOSED one does not count
        records(doc, "offsetAgreements").add(new HashMap<>(Map.of("id", "fi:oa-2", "buyer", "fi:roads", "sink", "fi:forest",
                "tCO2ePerYear", 500, "fromYear", 2030, "toYear", 2035, "status", "ACTIVE")));
        records(doc, "offsetAgreements").add(new HashMap<>(Map.of("id", "fi:oa-3", "buyer", "fi:roads", "sink", "fi:forest",
                "tCO2ePerYear", 900, "fromYear", 2024, "toYear", 2035, "status", "PROPOSED")));
        assertThat(refused(doc, "/offsetAgreements/1/tCO2ePerYear").getFirst())
                .isEqualTo("offset agreements committed on fi:forest add up to 1100 tCO2e in 2030, more than its 1000 tCO2e per year; 400 tCO2e free");
    }

    @Test
    void an_agreement_from_after_its_to_year_is_refused() {
        var doc = smallPark();
        record(doc, "offsetAgreements", 0).put("fromYear", 2031);
        assertThat(refused(doc, "/offsetAgreements/0/fromYear").getFirst()).isEqualTo("fromYear 2031 is after toYear 2030");
    }

    @Test
    void one_bad_record_among_a_thousand_writes_nothing() {
        var doc = smallPark();
        for (int i = 0; i < 1000; i++) {
            records(doc, "organizations").add(new HashMap<>(Map.of("id", "fi:sme-" + i, "name", "SME " + i, "park", "fi:park")));
        }
        record(doc, "organizations", 700).put("role", "GIANT");
        refused(doc, "/organizations/700/role");
        assertThat(neo4j.query("MATCH (n) RETURN count(n)").fetchAs(Long.class).one().orElseThrow()).isZero();
    }

    @Test
    void published_footprints_name_an_own_stream_a_year_and_a_mass_figure() {
        var doc = smallPark();
        doc.put("footprints", List.of(
                Map.of("sideStream", "se:slag", "year", 2024, "tCO2ePerUnit", 0.1),
                Map.of("sideStream", "fi:slag", "year", 24, "tCO2ePerUnit", -1),
                Map.of("sideStream", "fi:slag", "year", 2023, "tCO2ePerUnit", 0.2, "allocation", "CUT_OFF")));
        var messages = refused(doc, "/footprints/0/sideStream", "/footprints/1/year", "/footprints/1/tCO2ePerUnit",
                "/footprints/2/allocation");
        assertThat(messages).anyMatch(m -> m.contains("own side streams")).anyMatch(m -> m.contains("only MASS"));
        // well-formed, but of a stream that is nowhere
        var nowhere = smallPark();
        nowhere.put("footprints", List.of(Map.of("sideStream", "fi:nowhere", "year", 2024, "tCO2ePerUnit", 0.1)));
        assertThat(refused(nowhere, "/footprints/0/sideStream").getFirst()).contains("fi:nowhere");
    }

    @Test
    void published_footprints_come_back_in_the_export() {
        var doc = smallPark();
        doc.put("footprints", List.of(Map.of("sideStream", "fi:slag", "year", 2024, "tCO2ePerUnit", 0.125, "allocation", "MASS")));
        assertThat(http.post("/api/v1/datasets", doc).status()).isEqualTo(200);
        var export = http.get("/api/v1/datasets/fi").body().get("footprints");
        assertThat(export.get(0).get("sideStream").asString()).isEqualTo("fi:slag");
        assertThat(export.get(0).get("tCO2ePerUnit").asDouble()).isEqualTo(0.125);
    }
}
