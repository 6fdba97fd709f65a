package org.symbiosiskb.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
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
 * Every number of an exchange document (and so of every mutation) is finite and bounded: at most
 * 10^12 in magnitude (t, MWh, t CO2e, EUR, ha…), tighter where the unit says so (distances 40,000
 * km, transport factors 100 kg CO2e per t·km, substitution factors and published footprints 10^5 t
 * CO2e per unit, areas 10^8 ha), and either 0 or at least 10^-9 in magnitude, so that no sum, product
 * or ratio the analytics form overflows. Each refusal names the field; the dry run says what the
 * write says. Issue 11's reproduction: a 1e308 emission that broke every caller's carbon balance.
 */
@KbTest
class NumberLimitsTest {

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

    /**
     * A park with two processes of the same organization: p produces stream s, which flows to q.
     * Each figure is given by the caller so a test can put it at or past its bound.
     */
    static Map<String, Object> park(double pOutput, double qOutput, double streamQuantity, double flowQuantity, double distanceKm,
                                    double transportFactor, double pEmission, double qEmission) {
        var doc = new LinkedHashMap<String, Object>();
        doc.put("format", "symbiosis-kb/1");
        doc.put("partner", "nl");
        doc.put("parks", List.of(Map.of("id", "nl:park", "name", "Park", "location", Map.of("lat", 65.7, "lon", 24.6))));
        doc.put("organizations", List.of(Map.of("id", "nl:org", "name", "Org", "park", "nl:park")));
        doc.put("processes", List.of(
                Map.of("id", "nl:p", "name", "P", "operator", "nl:org", "park", "nl:park", "outputTonnes", pOutput),
                Map.of("id", "nl:q", "name", "Q", "operator", "nl:org", "park", "nl:park", "outputTonnes", qOutput)));
        doc.put("sideStreams", List.of(Map.of("id", "nl:s", "name", "S", "producer", "nl:p", "quantity", streamQuantity, "unit", "t")));
        doc.put("flows", List.of(Map.of("id", "nl:f", "sideStream", "nl:s", "consumer", "nl:q", "quantity", flowQuantity,
                "transportMode", "ROAD", "distanceKm", distanceKm, "transportFactor", transportFactor)));
        doc.put("emissions", List.of(
                Map.of("process", "nl:p", "year", 2024, "scope", 1, "tCO2e", pEmission),
                Map.of("process", "nl:q", "year", 2024, "scope", 1, "tCO2e", qEmission)));
        return doc;
    }

    @Test
    void a_1e308_emission_and_other_numbers_past_their_bounds_are_refused_naming_the_field() {
        var doc = park(1e-300, 1e13, 1e308, 10, 40_001, 101, 1e308, 5);
        @SuppressWarnings("unchecked")
        var parks = (List<Map<String, Object>>) doc.get("parks");
        var park = new LinkedHashMap<>(parks.getFirst());
        park.put("areaHa", 1e9);
        doc.put("parks", List.of(park));
        doc.put("footprints", List.of(Map.of("sideStream", "nl:s", "year", 2024, "tCO2ePerUnit", 1e6)));

        var errors = refusals.byDryRunAndWrite(doc);
        problemAt(errors, "/emissions/0/tCO2e", "at most 1000000000000");
        problemAt(errors, "/sideStreams/0/quantity", "at most 1000000000000");
        problemAt(errors, "/processes/1/outputTonnes", "at most 1000000000000");
        problemAt(errors, "/processes/0/outputTonnes", "0 or at least 1.0E-9");
        problemAt(errors, "/flows/0/distanceKm", "at most 40000");
        problemAt(errors, "/flows/0/transportFactor", "at most 100");
        problemAt(errors, "/parks/0/areaHa", "at most 100000000");
        problemAt(errors, "/footprints/0/tCO2ePerUnit", "at most 100000");
    }

    @Test
    void numbers_at_their_bounds_are_accepted_and_the_analytics_stay_finite() {
        // p emits 10^12 t and produces 10^12 t of s, all of which travels 40,000 km to q at 100 kg CO2e per t·km;
        // q emits 10^12 t and makes 10^-9 t of output
        var doc = park(1e12, 1e-9, 1e12, 1e12, 40_000, 100, 1e12, 1e12);
        var write = http.post("/api/v1/datasets", doc);
        assertThat(write.status()).as(write.raw()).isEqualTo(200);

        var balance = http.graphql("{ carbonBalance(parkId: \"nl:park\", year: 2024) { gross net } }");
        assertThat(balance.body().get("errors")).as(balance.raw()).isNull();
        // 10^12 + 10^12 (transport is the consumer's scope 3, outside the scope 1-2 gross)
        assertThat(balance.body().get("data").get("carbonBalance").get("gross").asDouble()).isEqualTo(2e12);

        var trace = http.graphql("{ traceEmissions(processId: \"nl:q\", year: 2024) { direct transport inherited total intensity } }");
        assertThat(trace.body().get("errors")).as(trace.raw()).isNull();
        JsonNode t = trace.body().get("data").get("traceEmissions");
        assertThat(t.get("direct").asDouble()).isEqualTo(1e12);
        // 10^12 t × 40,000 km × 100 kg/t·km ÷ 1000 kg/t = 4 × 10^15 t
        assertThat(t.get("transport").asDouble()).isEqualTo(4e15);
        double total = t.get("total").asDouble();
        assertThat(total).isEqualTo(t.get("direct").asDouble() + t.get("transport").asDouble() + t.get("inherited").asDouble(), within(1e3));
        // total ÷ 10^-9 t: around 4 × 10^24, large but finite
        assertThat(t.get("intensity").asDouble()).isFinite().isEqualTo(total / 1e-9, within(total / 1e-9 * 1e-12));
    }

    @Test
    void mutations_refuse_the_same_numbers_naming_the_input_field() {
        assertThat(http.post("/api/v1/datasets", park(10, 10, 10, 5, 10, 0.1, 1, 1)).status()).isEqualTo(200);
        var emission = http.graphql("mutation { setEmission(input: {process: \"nl:p\", year: 2023, scope: 1, tCO2e: 1e308}) { tCO2e } }");
        JsonNode error = emission.body().get("errors").get(0);
        assertThat(error.get("extensions").get("classification").asString()).as(emission.raw()).isEqualTo("BAD_REQUEST");
        assertThat(error.get("extensions").get("problems").get(0).get("field").asString()).isEqualTo("input.tCO2e");

        var stream = http.graphql("mutation { createSideStream(input: {id: \"nl:tiny\", name: \"Tiny\", producer: \"nl:p\", "
                + "quantity: 1e-300, unit: t}) { id } }");
        assertThat(stream.body().get("errors").get(0).get("message").asString()).as(stream.raw()).contains("input.quantity");
        assertThat(neo4j.query("MATCH (e:Emission {year: 2023}) RETURN count(e)").fetchAs(Long.class).one().orElseThrow()).isZero();
    }
}
