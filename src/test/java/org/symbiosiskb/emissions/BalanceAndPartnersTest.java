package org.symbiosiskb.emissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.symbiosiskb.support.Http;
import org.symbiosiskb.support.KbTest;
import tools.jackson.databind.JsonNode;

/**
 * carbonBalance, compensationPartners, sideStreamMatches and sideStreamTable (docs/spec/analytics.md §2–4) on
 * two small parks worked out by hand.
 *
 * <pre>
 * park K at (60.0, 25.0): o1 (operates p1, p1b), o2 (owns s1, operates q1, q5), o3 sits in park L
 * park L at (60.5, 25.0), 55.597 km north of K (6371.0088 km × 0.5° × π/180)
 * p1 IN_PARK K: 2024 scope 1 100 (PROCESS), scope 2 50 (ENERGY), scope 3 30
 * p2 operated by o2b, located in K, no IN_PARK: scope 1 200 (ENERGY); takes 100 t of p1's slag, substitutesFactor 0.5
 * sinks: s1 in K 80 t/y (o2); s2 in K 40 t/y active until 2023 (o2); s3 in L 100 t/y (o3), at L;
 *        s4 at (62.0, 25.0), 222 km away, 500 t/y (o3); s5 owned by o1 itself, in K, 300 t/y
 * agreements 2024: a1 o3 buys 30 from s1 (sold outside); a2 o1 buys 25 from s3 (purchased);
 *                  a3 o1 buys 10 from s1 (inside the park: changes nothing); a4 o1 PROPOSED 50 from s3;
 *                  a5 o1 15 from s3 in 2020–2023 only
 * </pre>
 */
@KbTest
class BalanceAndPartnersTest {

    static final double EPS = 1e-9;

    @LocalServerPort
    int port;
    @Autowired
    Neo4jClient neo4j;
    Http http;

    @BeforeEach
    void twoParks() {
        neo4j.query("MATCH (n) DETACH DELETE n").run();
        http = new Http(port);
        var response = http.postRaw("/api/v1/datasets", """
                {"format": "symbiosis-kb/1", "partner": "fi",
                 "parks": [{"id": "fi:k", "name": "K", "location": {"lat": 60.0, "lon": 25.0}},
                           {"id": "fi:l", "name": "L", "location": {"lat": 60.5, "lon": 25.0}}],
                 "organizations": [{"id": "fi:o1", "name": "O1", "park": "fi:k"}, {"id": "fi:o2", "name": "O2", "park": "fi:k"},
                                   {"id": "fi:o2b", "name": "O2b", "park": "fi:k"}, {"id": "fi:o3", "name": "O3", "park": "fi:l"},
                                   {"id": "fi:o4", "name": "O4", "location": {"lat": 60.05, "lon": 25.0}}],
                 "processes": [{"id": "fi:p1", "name": "P1", "operator": "fi:o1", "park": "fi:k", "outputTonnes": 1000},
                               {"id": "fi:p1b", "name": "P1b", "operator": "fi:o1"},
                               {"id": "fi:p2", "name": "P2", "operator": "fi:o2b"},
                               {"id": "fi:q1", "name": "Q1", "operator": "fi:o2", "location": {"lat": 60.1, "lon": 25.0}},
                               {"id": "fi:q2", "name": "Q2", "operator": "fi:o3", "location": {"lat": 60.2, "lon": 25.0}},
                               {"id": "fi:q3", "name": "Q3", "operator": "fi:o3", "location": {"lat": 63.0, "lon": 25.0}},
                               {"id": "fi:q4", "name": "Q4", "operator": "fi:o4"},
                               {"id": "fi:q5", "name": "Q5", "operator": "fi:o2"},
                               {"id": "fi:p9", "name": "P9", "operator": "fi:o4"}],
                 "emissions": [{"process": "fi:p1", "year": 2024, "scope": 1, "tCO2e": 100, "source": "PROCESS"},
                               {"process": "fi:p1", "year": 2024, "scope": 2, "tCO2e": 50, "source": "ENERGY"},
                               {"process": "fi:p1", "year": 2024, "scope": 3, "category": 4, "tCO2e": 30, "source": "LOGISTICS"},
                               {"process": "fi:p1", "year": 2023, "scope": 1, "tCO2e": 999, "source": "PROCESS"},
                               {"process": "fi:p2", "year": 2024, "scope": 1, "tCO2e": 200, "source": "ENERGY"}],
                 "sideStreams": [{"id": "fi:slag", "name": "Slag", "producer": "fi:p1", "quantity": 300, "unit": "t", "ewc": "10 02 02"},
                                 {"id": "fi:heat", "name": "Heat", "producer": "fi:p1", "quantity": 1000, "unit": "MWh", "material": "Surplus heat "},
                                 {"id": "fi:other-slag", "name": "Other slag", "producer": "fi:p9", "quantity": 100, "unit": "t", "ewc": "10 02 02*"},
                                 {"id": "fi:other-heat", "name": "Other heat", "producer": "fi:p9", "quantity": 100, "unit": "MWh", "material": "SURPLUS HEAT"}],
                 "flows": [{"id": "fi:slag-p2", "sideStream": "fi:slag", "consumer": "fi:p2", "quantity": 100, "substitutesFactor": 0.5},
                           {"id": "fi:slag-q5", "sideStream": "fi:slag", "consumer": "fi:q5", "quantity": 30},
                           {"id": "fi:slag-old", "sideStream": "fi:slag", "consumer": "fi:q2", "quantity": 50, "toYear": 2023},
                           {"id": "fi:other-q4", "sideStream": "fi:other-slag", "consumer": "fi:q4", "quantity": 20},
                           {"id": "fi:other-q5", "sideStream": "fi:other-slag", "consumer": "fi:q5", "quantity": 20},
                           {"id": "fi:other-heat-q4", "sideStream": "fi:other-heat", "consumer": "fi:q4", "quantity": 20}],
                 "needs": [{"id": "fi:n1", "process": "fi:q1", "quantity": 50, "unit": "t", "ewc": "10 02 02"},
                           {"id": "fi:n2", "process": "fi:q2", "quantity": 200, "unit": "t", "ewc": "10 02"},
                           {"id": "fi:n3", "process": "fi:q1", "quantity": 10, "unit": "t", "ewc": "10 02 99"},
                           {"id": "fi:n4", "process": "fi:q2", "quantity": 5, "unit": "t", "ewc": "10 01 01"},
                           {"id": "fi:n5", "process": "fi:q3", "quantity": 5, "unit": "t", "ewc": "10 02 02"},
                           {"id": "fi:n6", "process": "fi:p1b", "quantity": 5, "unit": "t", "ewc": "10 02 02"},
                           {"id": "fi:n7", "process": "fi:q1", "quantity": 5, "unit": "MWh", "ewc": "10 02 02"},
                           {"id": "fi:n8", "process": "fi:q2", "quantity": 300, "unit": "MWh", "material": "surplus heat"}],
                 "carbonSinks": [{"id": "fi:s1", "name": "S1", "kind": "FOREST", "owner": "fi:o2", "park": "fi:k", "location": {"lat": 60.0, "lon": 25.0}, "tCO2ePerYear": 80},
                                 {"id": "fi:s2", "name": "S2", "kind": "WETLAND", "owner": "fi:o2", "park": "fi:k", "location": {"lat": 60.0, "lon": 25.0}, "tCO2ePerYear": 40, "activeTo": 2023},
                                 {"id": "fi:s3", "name": "S3", "kind": "FOREST", "owner": "fi:o3", "park": "fi:l", "location": {"lat": 60.5, "lon": 25.0}, "tCO2ePerYear": 100},
                                 {"id": "fi:s4", "name": "S4", "kind": "FOREST", "owner": "fi:o3", "location": {"lat": 62.0, "lon": 25.0}, "tCO2ePerYear": 500},
                                 {"id": "fi:s5", "name": "S5", "kind": "SOIL", "owner": "fi:o1", "park": "fi:k", "location": {"lat": 60.0, "lon": 25.0}, "tCO2ePerYear": 300}],
                 "offsetAgreements": [{"id": "fi:a1", "buyer": "fi:o3", "sink": "fi:s1", "tCO2ePerYear": 30, "fromYear": 2024, "toYear": 2030, "status": "ACTIVE"},
                                      {"id": "fi:a2", "buyer": "fi:o1", "sink": "fi:s3", "tCO2ePerYear": 25, "fromYear": 2024, "toYear": 2030, "status": "ACTIVE"},
                                      {"id": "fi:a3", "buyer": "fi:o1", "sink": "fi:s1", "tCO2ePerYear": 10, "fromYear": 2024, "toYear": 2030, "status": "ACTIVE"},
                                      {"id": "fi:a4", "buyer": "fi:o1", "sink": "fi:s3", "tCO2ePerYear": 50, "fromYear": 2024, "toYear": 2030, "status": "PROPOSED"},
                                      {"id": "fi:a5", "buyer": "fi:o1", "sink": "fi:s3", "tCO2ePerYear": 15, "fromYear": 2020, "toYear": 2023, "status": "ACTIVE"}]}
                """);
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
    }

    JsonNode data(String query) {
        var response = http.graphql(query);
        assertThat(response.body().get("errors")).as(response.raw()).isNull();
        return response.body().get("data");
    }

    static final String BALANCE = """
            { carbonBalance(parkId: "%s", year: 2024%s) { park { id } gross sequestration soldOutside retained purchasedOffsets
              avoided net climatePositive carbonNeutral byProcess { process { id } tCO2e } bySource { source tCO2e } } }""";

    @Test
    void carbon_balance_counts_sinks_and_offsets_once() {
        var b = data(BALANCE.formatted("fi:k", "")).get("carbonBalance");
        // gross = p1 (100 + 50) + p2 200 (in K through its operator o2b) = 350; scope 3 left out
        assertThat(b.get("gross").asDouble()).isCloseTo(350, within(EPS));
        // sequestration = s1 80 + s5 300 (s2 ended in 2023) = 380
        assertThat(b.get("sequestration").asDouble()).isCloseTo(380, within(EPS));
        // soldOutside = a1 (o3 is in L) 30; a3 is inside the park and changes nothing
        assertThat(b.get("soldOutside").asDouble()).isCloseTo(30, within(EPS));
        assertThat(b.get("retained").asDouble()).isCloseTo(350, within(EPS));
        // purchased = a2 25 (a4 only proposed, a5 over)
        assertThat(b.get("purchasedOffsets").asDouble()).isCloseTo(25, within(EPS));
        // avoided = 100 t × 0.5 = 50, reported beside the net
        assertThat(b.get("avoided").asDouble()).isCloseTo(50, within(EPS));
        // net = 350 − 350 − 25 = −25: climate positive
        assertThat(b.get("net").asDouble()).isCloseTo(-25, within(EPS));
        assertThat(b.get("climatePositive").asBoolean()).isTrue();
        assertThat(b.get("carbonNeutral").asBoolean()).isTrue();
        assertThat(b.get("byProcess").get(0).get("process").get("id").asString()).isEqualTo("fi:p2");
        assertThat(b.get("byProcess").get(1).get("tCO2e").asDouble()).isCloseTo(150, within(EPS));
        // by source: ENERGY 50 + 200 = 250, PROCESS 100
        assertThat(b.get("bySource").get(0).get("source").asString()).isEqualTo("ENERGY");
        assertThat(b.get("bySource").get(0).get("tCO2e").asDouble()).isCloseTo(250, within(EPS));
    }

    @Test
    void scope_3_and_avoided_emissions_enter_the_net_only_when_asked() {
        var b = data(BALANCE.formatted("fi:k", ", includeScope3: true, includeAvoided: true")).get("carbonBalance");
        // gross 350 + 30 = 380; net = 380 − 350 − 25 − 50 = −45
        assertThat(b.get("gross").asDouble()).isCloseTo(380, within(EPS));
        assertThat(b.get("net").asDouble()).isCloseTo(-45, within(EPS));
    }

    @Test
    void a_park_whose_sink_is_sold_elsewhere_keeps_only_the_rest() {
        var b = data(BALANCE.formatted("fi:l", "")).get("carbonBalance");
        // L: no emissions; s3 100 (s4 has no park); a2 sells 25 to o1 in K: retained 75;
        // o3 in L buys 30 from s1 in K (a1): purchased 30; net = 0 − 75 − 30 = −105
        assertThat(b.get("gross").asDouble()).isZero();
        assertThat(b.get("soldOutside").asDouble()).isCloseTo(25, within(EPS));
        assertThat(b.get("purchasedOffsets").asDouble()).isCloseTo(30, within(EPS));
        assertThat(b.get("net").asDouble()).isCloseTo(-105, within(EPS));
        assertThat(b.get("climatePositive").asBoolean()).isTrue();
    }

    @Test
    void compensation_partners_are_the_nearest_free_sinks_with_greedy_suggestions() {
        var plan = data("""
                { compensationPartners(organizationId: "fi:o1", year: 2024) { organization { id } emissions contracted residual uncovered
                  candidates { sink { id } owner { id } distanceKm free suggestedTonnes networkHops networkPath } } }""")
                .get("compensationPartners");
        // emissions = p1 150 (p1b none); contracted = a2 25 + a3 10 = 35; residual = 115
        assertThat(plan.get("emissions").asDouble()).isCloseTo(150, within(EPS));
        assertThat(plan.get("contracted").asDouble()).isCloseTo(35, within(EPS));
        assertThat(plan.get("residual").asDouble()).isCloseTo(115, within(EPS));
        // s1 at 0 km, free 80 − 30 − 10 = 40; s3 at 55.597 km, free 100 − 25 = 75; s2 inactive, s4 beyond 100 km, s5 o1's own
        var c = plan.get("candidates");
        assertThat(c.size()).isEqualTo(2);
        assertThat(c.get(0).get("sink").get("id").asString()).isEqualTo("fi:s1");
        assertThat(c.get(0).get("free").asDouble()).isCloseTo(40, within(EPS));
        assertThat(c.get(0).get("suggestedTonnes").asDouble()).isCloseTo(40, within(EPS));
        assertThat(c.get(1).get("distanceKm").asDouble()).isCloseTo(6371.0088 * 0.5 * Math.PI / 180, within(1e-6));
        // the rest, 115 − 40 = 75, fits s3 exactly
        assertThat(c.get(1).get("suggestedTonnes").asDouble()).isCloseTo(75, within(EPS));
        assertThat(plan.get("uncovered").asDouble()).isCloseTo(0, within(EPS));
        // o1 -LOCATED_IN-> K <-LOCATED_IN- o2: 2 hops; o1 <-BUYER- a2 -FROM_SINK-> s3 <-OWNS- o3: 3 hops
        assertThat(c.get(0).get("networkHops").asInt()).isEqualTo(2);
        assertThat(strings(c.get(0).get("networkPath"))).containsExactly("fi:o1", "fi:k", "fi:o2");
        assertThat(strings(c.get(1).get("networkPath"))).containsExactly("fi:o1", "fi:a2", "fi:s3", "fi:o3");
    }

    @Test
    void a_short_list_leaves_the_rest_uncovered() {
        var plan = data("{ compensationPartners(organizationId: \"fi:o1\", year: 2024, first: 1) { uncovered candidates { suggestedTonnes } } }")
                .get("compensationPartners");
        // only s1: 40 of 115; 75 uncovered
        assertThat(plan.get("uncovered").asDouble()).isCloseTo(75, within(EPS));
    }

    @Test
    void side_stream_matches_come_in_level_then_distance_order() {
        var matches = data("""
                { sideStreamMatches(sideStreamId: "fi:slag", year: 2024) { level need { id } process { id } distanceKm wanted supplyable } }""")
                .get("sideStreamMatches");
        // available = 300 − (100 + 30) = 170 (the flow to q2 ended in 2023)
        // ENTRY n1 at q1 (11.1 km); SUB_CHAPTER n3 (q1, 11.1 km, "10 02 99") before n2 (q2, 22.2 km, "10 02");
        // PRECEDENT q4 (takes "10 02 02*" from p9; q5 also does but already takes from fi:slag); CHAPTER n4 ("10 01 01")
        // left out: n5 (q3 is 333 km away), n6 (o1's own process), n7 (MWh)
        var levels = new ArrayList<String>();
        var keys = new ArrayList<String>();
        matches.forEach(m -> {
            levels.add(m.get("level").asString());
            keys.add(m.get("need").isNull() ? m.get("process").get("id").asString() : m.get("need").get("id").asString());
        });
        assertThat(levels).containsExactly("ENTRY", "SUB_CHAPTER", "SUB_CHAPTER", "PRECEDENT", "CHAPTER");
        assertThat(keys).containsExactly("fi:n1", "fi:n3", "fi:n2", "fi:q4", "fi:n4");
        // supplyable = min(available 170, wanted): n1 50, n2 min(170, 200) = 170; a precedent gets all 170
        assertThat(matches.get(0).get("supplyable").asDouble()).isCloseTo(50, within(EPS));
        assertThat(matches.get(2).get("supplyable").asDouble()).isCloseTo(170, within(EPS));
        assertThat(matches.get(3).get("wanted").isNull()).isTrue();
        assertThat(matches.get(3).get("supplyable").asDouble()).isCloseTo(170, within(EPS));
        assertThat(matches.get(0).get("distanceKm").asDouble()).isCloseTo(6371.0088 * 0.1 * Math.PI / 180, within(1e-6));
    }

    @Test
    void streams_without_a_waste_code_match_by_material() {
        var matches = data("{ sideStreamMatches(sideStreamId: \"fi:heat\", year: 2024) { level need { id } process { id } supplyable } }")
                .get("sideStreamMatches");
        // "Surplus heat " matches n8's "surplus heat" (trimmed, any case) and q4's intake of p9's "SURPLUS HEAT"
        assertThat(matches.size()).isEqualTo(2);
        assertThat(matches.get(0).get("level").asString()).isEqualTo("ENTRY");
        assertThat(matches.get(0).get("need").get("id").asString()).isEqualTo("fi:n8");
        assertThat(matches.get(0).get("supplyable").asDouble()).isCloseTo(300, within(EPS));
        assertThat(matches.get(1).get("level").asString()).isEqualTo("PRECEDENT");
        assertThat(matches.get(1).get("process").get("id").asString()).isEqualTo("fi:q4");
    }

    @Test
    void a_match_distance_limit_keeps_only_near_candidates() {
        var matches = data("{ sideStreamMatches(sideStreamId: \"fi:slag\", year: 2024, maxDistanceKm: 12) { need { id } process { id } } }")
                .get("sideStreamMatches");
        // within 12 km: q1 (11.1 km: n1, n3) and q4 (5.6 km); q2 at 22.2 km is out
        assertThat(matches.size()).isEqualTo(3);
    }

    @Test
    void the_side_stream_table_shows_what_is_left_in_the_year() {
        var rows = data("{ sideStreamTable(parkId: \"fi:k\", year: 2024) { sideStream { id } produced used available unit } }")
                .get("sideStreamTable");
        // park K's streams: slag (p1) 300 t, 130 t used in 2024, 170 left; heat 1000 MWh unused
        assertThat(rows.size()).isEqualTo(2);
        var slag = rows.get(0).get("sideStream").get("id").asString().equals("fi:slag") ? rows.get(0) : rows.get(1);
        assertThat(slag.get("used").asDouble()).isCloseTo(130, within(EPS));
        assertThat(slag.get("available").asDouble()).isCloseTo(170, within(EPS));
        // in 2023 the flow to q2 (50 t) still ran: 180 used
        var rows2023 = data("{ sideStreamTable(parkId: \"fi:k\", year: 2023, ewcChapter: \"10\") { used } }").get("sideStreamTable");
        assertThat(rows2023.size()).isEqualTo(1);
        assertThat(rows2023.get(0).get("used").asDouble()).isCloseTo(180, within(EPS));
    }

    @Test
    void analytics_answer_not_found_for_unknown_ids() {
        for (String query : List.of(
                "{ carbonBalance(parkId: \"fi:nowhere\", year: 2024) { net } }",
                "{ compensationPartners(organizationId: \"fi:nobody\", year: 2024) { residual } }",
                "{ sideStreamMatches(sideStreamId: \"fi:nothing\") { level } }",
                "{ sideStreamTable(parkId: \"fi:nowhere\", year: 2024) { used } }")) {
            var response = http.graphql(query);
            assertThat(response.body().get("errors").get(0).get("extensions").get("classification").asString())
                    .as(query).isEqualTo("NOT_FOUND");
        }
    }

    static List<String> strings(JsonNode array) {
        var list = new ArrayList<String>();
        array.forEach(v -> list.add(v.asString()));
        return list;
    }
}
