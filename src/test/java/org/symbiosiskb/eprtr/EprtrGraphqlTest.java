package org.symbiosiskb.eprtr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.symbiosiskb.graph.Cypher;
import org.symbiosiskb.support.Http;
import org.symbiosiskb.support.KbTest;
import tools.jackson.databind.JsonNode;

/**
 * Process.releases with its filters, the release mutations, and facilitiesNear, over GraphQL, on a
 * park worked out by hand.
 *
 * <pre>
 * park K at (60.0, 25.0); member m (IN_PARK, eprtrId X1)
 * facility a at (60.1, 25.0): 6371.0088 × 0.1 × π/180 = 11.1195 km north; eprtrId X2
 *   2022 scope 1 REPORTED 100 (biogenic 10); 2023 scope 1 REPORTED 200 and ILLUSTRATIVE 999
 *   waste 2023: HW recovery 30 t, NONHW disposal 20 t; 2022: HW disposal 5 t
 *   releases 2023: NOX 1500 kg AIR, ZN 12 kg WATER; 2022: NOX 1400 kg AIR
 * facility b at (60.3, 25.0): 33.3585 km; eprtrId X3; no emission records, waste 2021: NONHW recovery 7 t
 * facility c at (60.0, 25.0) with eprtrId X1: the same register site as the member m, so not offered
 * process d at (60.05, 25.0) without an eprtrId: not a reporting facility
 * facility e at (61.0, 25.0): 111.195 km, outside a 50 km radius
 * </pre>
 */
@KbTest
class EprtrGraphqlTest {

    static final double EPS = 1e-9;
    /** km per degree of latitude on the sphere of docs/spec/analytics.md */
    static final double KM_PER_DEGREE = 6371.0088 * Math.PI / 180;

    @LocalServerPort
    int port;
    @Autowired
    Neo4jClient neo4j;
    @Autowired
    Cypher cypher;
    Http http;

    @BeforeEach
    void park() {
        neo4j.query("MATCH (n) DETACH DELETE n").run();
        http = new Http(port);
        var response = http.postRaw("/api/v1/datasets", """
                {"format": "symbiosis-kb/1", "partner": "fi",
                 "parks": [{"id": "fi:k", "name": "K", "location": {"lat": 60.0, "lon": 25.0}}],
                 "organizations": [{"id": "fi:o", "name": "O"}],
                 "processes": [
                   {"id": "fi:m", "name": "Member", "operator": "fi:o", "park": "fi:k", "eprtrId": "X1", "location": {"lat": 60.0, "lon": 25.0}},
                   {"id": "fi:a", "name": "A", "operator": "fi:o", "eprtrId": "X2", "location": {"lat": 60.1, "lon": 25.0}},
                   {"id": "fi:b", "name": "B", "operator": "fi:o", "eprtrId": "X3", "location": {"lat": 60.3, "lon": 25.0}},
                   {"id": "fi:c", "name": "C", "operator": "fi:o", "eprtrId": "X1", "location": {"lat": 60.0, "lon": 25.0}},
                   {"id": "fi:d", "name": "D", "operator": "fi:o", "location": {"lat": 60.05, "lon": 25.0}},
                   {"id": "fi:e", "name": "E", "operator": "fi:o", "eprtrId": "X5", "location": {"lat": 61.0, "lon": 25.0}}],
                 "emissions": [
                   {"process": "fi:a", "year": 2022, "scope": 1, "tCO2e": 100, "biogenicCO2": 10, "provenance": {"kind": "REPORTED", "source": "E-PRTR 2022"}},
                   {"process": "fi:a", "year": 2023, "scope": 1, "tCO2e": 200, "provenance": {"kind": "REPORTED", "source": "E-PRTR 2023"}},
                   {"process": "fi:a", "year": 2023, "scope": 1, "tCO2e": 999}],
                 "releases": [
                   {"process": "fi:a", "year": 2023, "pollutant": "NOX", "pollutantName": "Nitrogen oxides", "medium": "AIR", "kg": 1500, "method": "MEASURED"},
                   {"process": "fi:a", "year": 2023, "pollutant": "ZNANDCOMPOUNDS", "medium": "WATER", "kg": 12},
                   {"process": "fi:a", "year": 2022, "pollutant": "NOX", "medium": "AIR", "kg": 1400}],
                 "sideStreams": [
                   {"id": "fi:a-2023-hw-r", "name": "HW R 2023", "producer": "fi:a", "quantity": 30, "unit": "t", "year": 2023, "hazardous": true, "treatment": "RECOVERY"},
                   {"id": "fi:a-2023-nonhw-d", "name": "NONHW D 2023", "producer": "fi:a", "quantity": 20, "unit": "t", "year": 2023, "hazardous": false, "treatment": "DISPOSAL"},
                   {"id": "fi:a-2022-hw-d", "name": "HW D 2022", "producer": "fi:a", "quantity": 5, "unit": "t", "year": 2022, "hazardous": true, "treatment": "DISPOSAL"},
                   {"id": "fi:b-2021-nonhw-r", "name": "NONHW R 2021", "producer": "fi:b", "quantity": 7, "unit": "t", "year": 2021, "hazardous": false, "treatment": "RECOVERY"}]}
                """);
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
    }

    JsonNode data(String query) {
        var response = http.graphql(query);
        assertThat(response.body().get("errors")).as(response.raw()).isNull();
        return response.body().get("data");
    }

    @Test
    void releases_are_queried_with_filters_in_one_statement_per_top_level_field() {
        long before = cypher.statementsRun();
        var processes = data("""
                { processes(first: 10) { nodes { id
                    all: releases { year pollutant medium kg method pollutantName }
                    air2023: releases(year: 2023, medium: AIR) { pollutant kg }
                    nox: releases(pollutant: "NOX") { year kg process { id } } } } }""").get("processes").get("nodes");
        long statements = cypher.statementsRun() - before;

        JsonNode a = null;
        for (JsonNode p : processes) {
            if (p.get("id").asString().equals("fi:a")) {
                a = p;
            }
        }
        assertThat(a).isNotNull();
        // ordered by year, medium, pollutant: 2022 NOX AIR; 2023 NOX AIR; 2023 ZN WATER
        var all = new ArrayList<String>();
        a.get("all").forEach(r -> all.add(r.get("year").asInt() + " " + r.get("pollutant").asString() + " " + r.get("medium").asString()
                + " " + r.get("kg").asDouble()));
        assertThat(all).containsExactly("2022 NOX AIR 1400.0", "2023 NOX AIR 1500.0", "2023 ZNANDCOMPOUNDS WATER 12.0");
        assertThat(a.get("all").get(1).get("method").asString()).isEqualTo("MEASURED");
        assertThat(a.get("all").get(1).get("pollutantName").asString()).isEqualTo("Nitrogen oxides");
        assertThat(a.get("air2023").size()).isEqualTo(1);
        assertThat(a.get("air2023").get(0).get("kg").asDouble()).isEqualTo(1500);
        assertThat(a.get("nox").size()).isEqualTo(2);
        assertThat(a.get("nox").get(0).get("process").get("id").asString()).isEqualTo("fi:a");
        // one top-level field, one statement: the page, the three aliased release fields of its processes and their processes
        assertThat(statements).isEqualTo(1);
    }

    @Test
    void a_release_is_set_and_deleted_by_its_key() {
        var set = data("""
                mutation { setRelease(input: {process: "fi:b", year: 2023, pollutant: "SOX", medium: AIR, kg: 2500, method: ESTIMATED}) {
                  year pollutant kg method process { id } } }""").get("setRelease");
        assertThat(set.get("kg").asDouble()).isEqualTo(2500);
        assertThat(set.get("method").asString()).isEqualTo("ESTIMATED");
        var unknownMedium = http.graphql("mutation { setRelease(input: {process: \"fi:b\", year: 2023, pollutant: \"SOX\", medium: AIR, kg: -1}) { kg } }");
        assertThat(unknownMedium.body().get("errors").get(0).get("message").asString()).contains("input.kg: must be at least 0, found -1");
        var deleted = data("mutation { deleteRelease(key: {process: \"fi:b\", year: 2023, pollutant: \"SOX\", medium: AIR}) { deleted } }");
        assertThat(deleted.get("deleteRelease").get("deleted").asBoolean()).isTrue();
        assertThat(data("{ process(id: \"fi:b\") { releases { pollutant } } }").get("process").get("releases").size()).isZero();
    }

    @Test
    void facilities_near_a_park_are_the_reporting_sites_outside_it_nearest_first() {
        var near = data("""
                { facilitiesNear(parkId: "fi:k", radiusKm: 50) {
                    process { id } distanceKm year reportedTCO2e biogenicCO2 wasteTonnes hazardousWasteTonnes
                    wasteTransfers { id quantity year hazardous treatment } } }""").get("facilitiesNear");

        // m is a member, c is m's register site, d reports nothing, e is 111 km away: a and b remain
        assertThat(near.size()).isEqualTo(2);
        var a = near.get(0);
        assertThat(a.get("process").get("id").asString()).isEqualTo("fi:a");
        // 0.1° of latitude: 6371.0088 × 0.1 × π / 180 = 11.1195 km
        assertThat(a.get("distanceKm").asDouble()).isCloseTo(0.1 * KM_PER_DEGREE, within(1e-6));
        // the latest year with a reported scope-1 record: 2023, 200 t (the illustrative 999 is not reported)
        assertThat(a.get("year").asInt()).isEqualTo(2023);
        assertThat(a.get("reportedTCO2e").asDouble()).isCloseTo(200, within(EPS));
        assertThat(a.get("biogenicCO2").isNull()).isTrue();
        // 2023 waste transfers: 30 + 20 = 50 t, of which hazardous 30 t
        assertThat(a.get("wasteTonnes").asDouble()).isCloseTo(50, within(EPS));
        assertThat(a.get("hazardousWasteTonnes").asDouble()).isCloseTo(30, within(EPS));
        assertThat(a.get("wasteTransfers").size()).isEqualTo(2);
        var b = near.get(1);
        assertThat(b.get("process").get("id").asString()).isEqualTo("fi:b");
        assertThat(b.get("distanceKm").asDouble()).isCloseTo(0.3 * KM_PER_DEGREE, within(1e-6));
        // no emission records: the latest year with waste transfers, 2021, 7 t
        assertThat(b.get("year").asInt()).isEqualTo(2021);
        assertThat(b.get("reportedTCO2e").isNull()).isTrue();
        assertThat(b.get("wasteTonnes").asDouble()).isCloseTo(7, within(EPS));

        var in2022 = data("{ facilitiesNear(parkId: \"fi:k\", radiusKm: 20, year: 2022) { process { id } year reportedTCO2e biogenicCO2 wasteTonnes } }")
                .get("facilitiesNear");
        // 20 km: only a (11.1 km); 2022: 100 t, biogenic 10 t, waste 5 t
        assertThat(in2022.size()).isEqualTo(1);
        assertThat(in2022.get(0).get("reportedTCO2e").asDouble()).isCloseTo(100, within(EPS));
        assertThat(in2022.get(0).get("biogenicCO2").asDouble()).isCloseTo(10, within(EPS));
        assertThat(in2022.get(0).get("wasteTonnes").asDouble()).isCloseTo(5, within(EPS));
        // 120 km takes e too (111.2 km), still nearest first
        var wide = new ArrayList<String>();
        data("{ facilitiesNear(parkId: \"fi:k\", radiusKm: 120) { process { id } } }").get("facilitiesNear")
                .forEach(f -> wide.add(f.get("process").get("id").asString()));
        assertThat(wide).containsExactly("fi:a", "fi:b", "fi:e");
    }

    @Test
    void facilities_near_refuses_nonsense_and_unknown_parks() {
        var unknown = http.graphql("{ facilitiesNear(parkId: \"fi:nowhere\", radiusKm: 10) { distanceKm } }");
        assertThat(unknown.body().get("errors").get(0).get("extensions").get("classification").asString()).isEqualTo("NOT_FOUND");
        var negative = http.graphql("{ facilitiesNear(parkId: \"fi:k\", radiusKm: -1) { distanceKm } }");
        assertThat(negative.body().get("errors").get(0).get("message").asString()).isEqualTo("radiusKm must be 0 or more, found -1.0");
        assertThat(List.of(negative.body().get("errors").get(0).get("extensions").get("classification").asString())).containsExactly("BAD_REQUEST");
    }
}
