package org.symbiosiskb.emissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
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
 * Provenance on emission records (issue 12): the exchange field and its graph properties, keys of
 * their own for REPORTED and CALCULATED records, the counting rule (the best provenance of a
 * process, year and scope counts) in balances, traces and compensation, and reportedShare, on a
 * graph worked out by hand.
 *
 * <pre>
 * park K: org O operates A (output 1000 t) and S (output 2000 t)
 * A 2023: scope 1 REPORTED 300 (E-PRTR 2023, MEASURED), scope 2 ILLUSTRATIVE 100
 * S 2023: scope 1 REPORTED 600 (biogenic CO2 50), CALCULATED 700, ILLUSTRATIVE 800 (no provenance); scope 2 ILLUSTRATIVE 100
 * flow A's slag → S: 200 t, 50 km ROAD at 0.1 kg/tkm
 * </pre>
 */
@KbTest
class ProvenanceTest {

    static final double EPS = 1e-9;

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

    static Map<String, Object> document() {
        return parse("""
                {"format": "symbiosis-kb/1", "partner": "fi",
                 "parks": [{"id": "fi:k", "name": "K", "location": {"lat": 60.0, "lon": 25.0}}],
                 "organizations": [{"id": "fi:o", "name": "O", "park": "fi:k", "location": {"lat": 60.0, "lon": 25.0}}],
                 "processes": [{"id": "fi:a", "name": "A", "operator": "fi:o", "outputTonnes": 1000},
                               {"id": "fi:s", "name": "S", "operator": "fi:o", "outputTonnes": 2000}],
                 "emissions": [
                   {"process": "fi:a", "year": 2023, "scope": 1, "tCO2e": 300,
                    "provenance": {"kind": "REPORTED", "source": "E-PRTR 2023", "method": "MEASURED"}},
                   {"process": "fi:a", "year": 2023, "scope": 2, "tCO2e": 100},
                   {"process": "fi:s", "year": 2023, "scope": 1, "tCO2e": 600, "biogenicCO2": 50,
                    "provenance": {"kind": "REPORTED", "source": "E-PRTR 2023", "method": "CALCULATED"}},
                   {"process": "fi:s", "year": 2023, "scope": 1, "tCO2e": 700, "provenance": {"kind": "CALCULATED"}},
                   {"process": "fi:s", "year": 2023, "scope": 1, "tCO2e": 800},
                   {"process": "fi:s", "year": 2023, "scope": 2, "tCO2e": 100}],
                 "sideStreams": [{"id": "fi:slag", "name": "Slag", "producer": "fi:a", "quantity": 400, "unit": "t"}],
                 "flows": [{"id": "fi:slag-to-s", "sideStream": "fi:slag", "consumer": "fi:s", "quantity": 200,
                            "transportMode": "ROAD", "distanceKm": 50, "transportFactor": 0.1}]}
                """);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> parse(String json) {
        return (Map<String, Object>) Http.json().readValue(json, LinkedHashMap.class);
    }

    void load(Map<String, Object> doc) {
        var response = http.post("/api/v1/datasets", doc);
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
    }

    JsonNode data(String query) {
        var response = http.graphql(query);
        assertThat(response.body().get("errors")).as(response.raw()).isNull();
        return response.body().get("data");
    }

    List<String> strings(String cypher) {
        return new ArrayList<>(neo4j.query(cypher).fetchAs(String.class).all());
    }

    @Test
    void reported_and_calculated_records_have_keys_of_their_own_and_flattened_properties() {
        load(document());

        // today's key for the record without provenance; the kind appended for REPORTED and CALCULATED
        assertThat(strings("MATCH (:Process {id: 'fi:s'})-[:REPORTED]->(e:Emission {scope: 1}) RETURN e.id ORDER BY e.id"))
                .containsExactly("fi:s@2023/1/-/-", "fi:s@2023/1/-/-/CALCULATED", "fi:s@2023/1/-/-/REPORTED");
        assertThat(strings("""
                MATCH (e:Emission {id: 'fi:s@2023/1/-/-/REPORTED'})
                RETURN e.provenance + '|' + e.provenanceSource + '|' + e.provenanceMethod + '|' + toString(e.biogenicCO2)"""))
                .containsExactly("REPORTED|E-PRTR 2023|CALCULATED|50.0");
        assertThat(strings("MATCH (e:Emission {id: 'fi:s@2023/1/-/-'}) RETURN coalesce(e.provenance, 'nothing stored')"))
                .as("ILLUSTRATIVE is how a record without provenance is read, not stored").containsExactly("nothing stored");
    }

    @Test
    void provenance_round_trips_through_export_and_import() {
        load(document());
        var exported = http.get("/api/v1/datasets/fi").body();
        var reported = new ArrayList<JsonNode>();
        exported.get("emissions").forEach(e -> {
            if (e.has("provenance") && e.get("provenance").get("kind").asString().equals("REPORTED") && e.get("process").asString().equals("fi:s")) {
                reported.add(e);
            }
        });
        assertThat(reported).hasSize(1);
        assertThat(reported.getFirst().get("provenance").get("source").asString()).isEqualTo("E-PRTR 2023");
        assertThat(reported.getFirst().get("provenance").get("method").asString()).isEqualTo("CALCULATED");
        assertThat(reported.getFirst().get("biogenicCO2").asDouble()).isEqualTo(50);

        neo4j.query("MATCH (n) DETACH DELETE n").run();
        load(parse(exported.toString()));
        var again = http.post("/api/v1/datasets", parse(exported.toString()));
        // 1 park + 1 organization + 2 processes + 6 emissions + 1 stream + 1 flow, all unchanged the second time
        assertThat(again.body().get("unchanged").asInt()).as(again.raw()).isEqualTo(12);
        assertThat(http.get("/api/v1/datasets/fi").body()).isEqualTo(exported);
    }

    @Test
    void a_document_from_before_provenance_imports_again_unchanged() {
        var old = document();
        @SuppressWarnings("unchecked")
        var emissions = (List<Map<String, Object>>) old.get("emissions");
        emissions.removeIf(e -> e.containsKey("provenance"));
        load(old);

        var again = http.post("/api/v1/datasets", old);

        // A scope 2, S's record without provenance and S scope 2
        assertThat(again.body().get("byType").get("emissions").get("unchanged").asInt()).as(again.raw()).isEqualTo(3);
        assertThat(again.body().get("created").asInt()).isZero();
    }

    @Test
    void graphql_shows_provenance_and_which_record_counts() {
        load(document());
        var emissions = data("""
                { process(id: "fi:s") { emissions { scope tCO2e biogenicCO2 counted provenance { kind source method } } } }""")
                .get("process").get("emissions");

        var byFigure = new LinkedHashMap<Double, JsonNode>();
        emissions.forEach(e -> byFigure.put(e.get("tCO2e").asDouble(), e));
        assertThat(byFigure.get(600.0).get("provenance").get("kind").asString()).isEqualTo("REPORTED");
        assertThat(byFigure.get(600.0).get("provenance").get("source").asString()).isEqualTo("E-PRTR 2023");
        assertThat(byFigure.get(600.0).get("provenance").get("method").asString()).isEqualTo("CALCULATED");
        assertThat(byFigure.get(600.0).get("biogenicCO2").asDouble()).isEqualTo(50);
        // scope 1: REPORTED is the best provenance present, so it counts and the other two are shown beside
        assertThat(byFigure.get(600.0).get("counted").asBoolean()).isTrue();
        assertThat(byFigure.get(700.0).get("counted").asBoolean()).isFalse();
        assertThat(byFigure.get(800.0).get("counted").asBoolean()).isFalse();
        assertThat(byFigure.get(800.0).get("provenance").get("kind").asString()).as("no provenance reads as ILLUSTRATIVE").isEqualTo("ILLUSTRATIVE");
        assertThat(byFigure.get(800.0).get("provenance").get("source").isNull()).isTrue();
        // scope 2 has only an illustrative record: it counts
        assertThat(byFigure.get(100.0).get("counted").asBoolean()).isTrue();
    }

    @Test
    void the_balance_counts_the_best_provenance_and_says_which_share_is_reported() {
        load(document());
        var balance = data("{ carbonBalance(parkId: \"fi:k\", year: 2023) { gross reportedShare byProcess { process { id } tCO2e } } }")
                .get("carbonBalance");
        // A: 300 (REPORTED) + 100; S: 600 (REPORTED; 700 and 800 not added) + 100; gross = 1100, reported = 900
        assertThat(balance.get("gross").asDouble()).isCloseTo(1100, within(EPS));
        assertThat(balance.get("reportedShare").asDouble()).isCloseTo(900.0 / 1100, within(EPS));
        assertThat(balance.get("byProcess").get(0).get("tCO2e").asDouble()).isCloseTo(700, within(EPS));
        // no records in 2022: no share of nothing
        assertThat(data("{ carbonBalance(parkId: \"fi:k\", year: 2022) { gross reportedShare } }").get("carbonBalance").get("reportedShare").isNull())
                .isTrue();
    }

    @Test
    void the_trace_solves_the_reported_part_beside_the_total() {
        load(document());
        var t = data("{ traceEmissions(processId: \"fi:s\", year: 2023) { direct transport inherited total reportedShare } }")
                .get("traceEmissions");
        // E(A) = 300 + 100 = 400; c(f) = 200 / 1000 = 0.2; T(f) = 200 × 50 × 0.1 / 1000 = 1
        // E(S) = 600 + 100 = 700; F(S) = 700 + 1 + 0.2 × 400 = 781
        // reported: 600 + 0.2 × 300 = 660 (transport is never reported)
        assertThat(t.get("direct").asDouble()).isCloseTo(700, within(EPS));
        assertThat(t.get("total").asDouble()).isCloseTo(781, within(EPS));
        assertThat(t.get("reportedShare").asDouble()).isCloseTo(660.0 / 781, within(EPS));
    }

    @Test
    void deleting_the_reported_record_lets_the_calculated_one_count() {
        load(document());
        var deleted = data("""
                mutation { deleteEmission(key: {process: "fi:s", year: 2023, scope: 1, provenance: REPORTED}) { deleted } }""");
        assertThat(deleted.get("deleteEmission").get("deleted").asBoolean()).isTrue();

        var balance = data("{ carbonBalance(parkId: \"fi:k\", year: 2023) { gross reportedShare } }").get("carbonBalance");
        // A 400 (300 reported); S: CALCULATED 700 now counts + 100 = 800; gross 1200, reported 300
        assertThat(balance.get("gross").asDouble()).isCloseTo(1200, within(EPS));
        assertThat(balance.get("reportedShare").asDouble()).isCloseTo(300.0 / 1200, within(EPS));
        var plan = data("{ compensationPartners(organizationId: \"fi:o\", year: 2023) { emissions } }").get("compensationPartners");
        // compensation counts the same records: 400 + 800
        assertThat(plan.get("emissions").asDouble()).isCloseTo(1200, within(EPS));
    }

    @Test
    void set_emission_writes_a_reported_record_beside_the_illustrative_one() {
        load(document());
        var set = data("""
                mutation { setEmission(input: {process: "fi:a", year: 2023, scope: 2, tCO2e: 90,
                                               provenance: {kind: REPORTED, source: "Annual report 2023"}}) {
                  tCO2e counted provenance { kind source method } } }""").get("setEmission");
        assertThat(set.get("counted").asBoolean()).isTrue();
        assertThat(set.get("provenance").get("source").asString()).isEqualTo("Annual report 2023");
        assertThat(set.get("provenance").get("method").isNull()).isTrue();
        // A: scope 1 300 + scope 2 90 (the reported 90 replaces the illustrative 100 in the count); S 700
        var balance = data("{ carbonBalance(parkId: \"fi:k\", year: 2023) { gross reportedShare } }").get("carbonBalance");
        assertThat(balance.get("gross").asDouble()).isCloseTo(1090, within(EPS));
        assertThat(balance.get("reportedShare").asDouble()).isCloseTo(990.0 / 1090, within(EPS));
    }

    @Test
    void a_loop_solves_its_reported_part_exactly() {
        load(parse("""
                {"format": "symbiosis-kb/1", "partner": "fi",
                 "organizations": [{"id": "fi:o", "name": "O"}],
                 "processes": [{"id": "fi:p", "name": "P", "operator": "fi:o", "outputTonnes": 1000},
                               {"id": "fi:r", "name": "R", "operator": "fi:o", "outputTonnes": 2000}],
                 "emissions": [{"process": "fi:p", "year": 2024, "scope": 1, "tCO2e": 1000, "provenance": {"kind": "REPORTED"}},
                               {"process": "fi:r", "year": 2024, "scope": 1, "tCO2e": 500}],
                 "sideStreams": [{"id": "fi:steam", "name": "Steam", "producer": "fi:p", "quantity": 500, "unit": "t"},
                                 {"id": "fi:gas", "name": "Gas", "producer": "fi:r", "quantity": 300, "unit": "t"}],
                 "flows": [{"id": "fi:steam-to-r", "sideStream": "fi:steam", "consumer": "fi:r", "quantity": 400},
                           {"id": "fi:gas-to-p", "sideStream": "fi:gas", "consumer": "fi:p", "quantity": 200}]}
                """));
        var t = data("{ traceEmissions(processId: \"fi:r\", year: 2024) { total reportedShare } }").get("traceEmissions");
        // c(steam) = 0.4, c(gas) = 0.1: F(P) = 1000 + 0.1 F(R), F(R) = 500 + 0.4 F(P) → F(R) = 937.5
        // reported: x(P) = 1000 + 0.1 x(R), x(R) = 0 + 0.4 x(P) → x(P) = 1000 / 0.96, x(R) = 400 / 0.96 = 416.666…
        assertThat(t.get("total").asDouble()).isCloseTo(937.5, within(EPS));
        assertThat(t.get("reportedShare").asDouble()).isCloseTo((400 / 0.96) / 937.5, within(EPS));
    }

    @Test
    void a_malformed_provenance_is_refused_naming_the_field() {
        var doc = document();
        @SuppressWarnings("unchecked")
        var emissions = (List<Map<String, Object>>) doc.get("emissions");
        emissions.get(0).put("provenance", Map.of("kind", "GUESSED", "method", "M", "page", 4));
        emissions.get(1).put("biogenicCO2", -1);

        var response = http.post("/api/v1/datasets", doc);

        assertThat(response.status()).isEqualTo(422);
        var pointers = new ArrayList<String>();
        response.body().get("errors").forEach(e -> pointers.add(e.get("pointer").asString() + ": " + e.get("message").asString()));
        assertThat(pointers).anySatisfy(p -> assertThat(p).startsWith("/emissions/0/provenance/kind: must be one of [REPORTED, CALCULATED, ILLUSTRATIVE]"));
        assertThat(pointers).anySatisfy(p -> assertThat(p).startsWith("/emissions/0/provenance/method: must be one of [MEASURED, CALCULATED, ESTIMATED]"));
        assertThat(pointers).anySatisfy(p -> assertThat(p).startsWith("/emissions/0/provenance/page: unknown field"));
        assertThat(pointers).anySatisfy(p -> assertThat(p).startsWith("/emissions/1/biogenicCO2: must be at least 0"));
        assertThat(neo4j.query("MATCH (n) RETURN count(n)").fetchAs(Long.class).one().orElseThrow()).isZero();
    }
}
