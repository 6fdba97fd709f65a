package org.symbiosiskb.eprtr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.symbiosiskb.support.Http;
import org.symbiosiskb.support.PartnersTest;

/**
 * facilitiesNear and Process.releases keep another partner's PRIVATE figures: a Swedish PRIVATE
 * facility in Haparanda, 3 km from a Finnish park in Tornio, is offered to Finland by name and
 * distance, without its reported emissions (7777.7), waste (6666.6) or releases (4444.4). The keys
 * are VisibilityTest's, so the two share a service.
 */
@PartnersTest
class FacilitiesNearVisibilityTest {

    static final List<String> PRIVATE_FIGURES = List.of("7777", "6666", "4444");
    static final String QUERY = """
            { facilitiesNear(parkId: "visfi:park", radiusKm: 20) {
                process { id name releases { pollutant kg } } distanceKm year reportedTCO2e wasteTonnes wasteTransfers { id quantity } } }""";

    @LocalServerPort
    int port;
    @Autowired
    Neo4jClient neo4j;
    Http finland;
    Http sweden;

    @BeforeEach
    void aPrivateSwedishFacilityAcrossTheRiver() {
        neo4j.query("MATCH (n) DETACH DELETE n").run();
        var anonymous = new Http(port);
        finland = anonymous.withKey("visfi-editor-key");
        sweden = anonymous.withKey("visse-editor-key");
        var se = sweden.postRaw("/api/v1/datasets", """
                {"format": "symbiosis-kb/1", "partner": "visse",
                 "organizations": [{"id": "visse:steel", "name": "Haparanda Steel"}],
                 "processes": [{"id": "visse:furnace", "name": "Blast furnace", "operator": "visse:steel", "eprtrId": "SE.CAED/1",
                                "location": {"lat": 65.835, "lon": 24.137}, "visibility": "PRIVATE"}],
                 "emissions": [{"process": "visse:furnace", "year": 2023, "scope": 1, "tCO2e": 7777.7, "provenance": {"kind": "REPORTED"}}],
                 "releases": [{"process": "visse:furnace", "year": 2023, "pollutant": "NOX", "medium": "AIR", "kg": 4444.4}],
                 "sideStreams": [{"id": "visse:dust", "name": "Dust 2023", "producer": "visse:furnace", "quantity": 6666.6, "unit": "t",
                                  "year": 2023, "hazardous": true, "treatment": "RECOVERY", "visibility": "PRIVATE"}]}""");
        assertThat(se.status()).as(se.raw()).isEqualTo(200);
        var fi = finland.postRaw("/api/v1/datasets", """
                {"format": "symbiosis-kb/1", "partner": "visfi",
                 "parks": [{"id": "visfi:park", "name": "Tornio industrial area", "location": {"lat": 65.848, "lon": 24.146}, "visibility": "PUBLIC"}]}""");
        assertThat(fi.status()).as(fi.raw()).isEqualTo(200);
    }

    @Test
    void another_partners_private_facility_is_offered_without_its_figures() {
        var answer = finland.graphql(QUERY);

        assertThat(answer.body().get("errors")).as(answer.raw()).isNull();
        var facility = answer.body().get("data").get("facilitiesNear").get(0);
        assertThat(facility.get("process").get("name").asString()).isEqualTo("Blast furnace");
        assertThat(facility.get("distanceKm").asDouble()).isBetween(1.0, 3.0);
        assertThat(facility.get("year").asInt()).isEqualTo(2023);
        assertThat(facility.get("reportedTCO2e").isNull()).isTrue();
        assertThat(facility.get("wasteTonnes").isNull()).isTrue();
        assertThat(facility.get("wasteTransfers").get(0).get("quantity").isNull()).isTrue();
        assertThat(facility.get("process").get("releases").size()).isZero();
        PRIVATE_FIGURES.forEach(figure -> assertThat(answer.raw()).doesNotContain(figure));
    }

    @Test
    void the_owner_sees_its_figures() {
        var facility = sweden.graphql(QUERY).body().get("data").get("facilitiesNear").get(0);
        assertThat(facility.get("reportedTCO2e").asDouble()).isEqualTo(7777.7);
        assertThat(facility.get("wasteTonnes").asDouble()).isEqualTo(6666.6);
        assertThat(facility.get("process").get("releases").get(0).get("kg").asDouble()).isEqualTo(4444.4);
    }
}
