package org.symbiosiskb.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.symbiosiskb.support.Http;
import org.symbiosiskb.support.PartnersTest;
import tools.jackson.databind.JsonNode;

/**
 * The consent rule across partners: Sweden ({@code cse}) may name Finland's ({@code cfi}) records, but it
 * changes Finland's figures only where Finland agreed. Each reproduction that found the opposite (an
 * agreement on a Finnish sink, a measure in a Finnish roadmap, a Swedish process in a Finnish park, a
 * Finnish process producing a Swedish stream) is a test here, through GraphQL and the import; the same
 * rule over harvesting is in federation.HarvestingTest.
 */
@PartnersTest
class ConsentTest {


    @LocalServerPort
    int port;
    @Autowired
    Neo4jClient neo4j;
    Http finland;
    Http finnishReader;
    Http sweden;
    Http norway;

    @BeforeEach
    void kemiAndHaparanda() {
        neo4j.query("MATCH (n) DETACH DELETE n").run();
        var anonymous = new Http(port);
        finland = anonymous.withKey("cfi-editor");
        finnishReader = anonymous.withKey("cfi-reader");
        sweden = anonymous.withKey("cse-editor");
        norway = anonymous.withKey("cno-editor");
        ok(finland.postRaw("/api/v1/datasets", """
                {"format": "symbiosis-kb/1", "partner": "cfi",
                 "parks": [{"id": "cfi:kemi", "name": "Kemi-Tornio", "location": {"lat": 65.73, "lon": 24.56}}],
                 "organizations": [{"id": "cfi:outokumpu", "name": "Outokumpu", "park": "cfi:kemi"},
                                   {"id": "cfi:carbofex", "name": "Carbofex", "park": "cfi:kemi"}],
                 "processes": [{"id": "cfi:ferrochrome", "name": "Ferrochrome", "operator": "cfi:outokumpu", "outputTonnes": 1000}],
                 "emissions": [{"process": "cfi:ferrochrome", "year": 2024, "scope": 1, "tCO2e": 100}],
                 "sideStreams": [{"id": "cfi:slag", "name": "Slag", "producer": "cfi:ferrochrome", "quantity": 500, "unit": "t"}],
                 "carbonSinks": [{"id": "cfi:biochar", "name": "Biochar", "kind": "BIOCHAR", "owner": "cfi:carbofex", "park": "cfi:kemi",
                                  "location": {"lat": 65.74, "lon": 24.57}, "tCO2ePerYear": 300}],
                 "roadmaps": [{"id": "cfi:roadmap", "name": "Kemi roadmap", "park": "cfi:kemi", "baseYear": 2024}],
                 "targets": [{"roadmap": "cfi:roadmap", "year": 2030, "maxNet": -500}]}"""));
        ok(sweden.postRaw("/api/v1/datasets", """
                {"format": "symbiosis-kb/1", "partner": "cse",
                 "parks": [{"id": "cse:haparanda", "name": "Haparanda", "location": {"lat": 65.835, "lon": 24.137}}],
                 "organizations": [{"id": "cse:steel", "name": "Haparanda Steel", "park": "cse:haparanda"}],
                 "processes": [{"id": "cse:furnace", "name": "Blast furnace", "operator": "cse:steel", "outputTonnes": 2000}],
                 "emissions": [{"process": "cse:furnace", "year": 2024, "scope": 1, "tCO2e": 1000}],
                 "sideStreams": [{"id": "cse:scale", "name": "Mill scale", "producer": "cse:furnace", "quantity": 600, "unit": "t"}]}"""));
    }

    private static Http.Response ok(Http.Response response) {
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        return response;
    }

    private static JsonNode data(Http.Response response) {
        assertThat(response.body().get("errors")).as(response.raw()).isNull();
        return response.body().get("data");
    }

    private static String classification(Http.Response response) {
        assertThat(response.body().get("errors")).as(response.raw()).isNotNull();
        return response.body().get("errors").get(0).get("extensions").get("classification").asString();
    }

    private double contracted(String organization) {
        return data(finland.graphql("{ compensationPartners(organizationId: \"" + organization + "\", year: 2024) { contracted } }"))
                .get("compensationPartners").get("contracted").asDouble();
    }

    private JsonNode agreement(Http as, String id) {
        return data(as.graphql("{ offsetAgreement(id: \"" + id + "\") { status ownStatus consents { partner state } } }"))
                .get("offsetAgreement");
    }

    @Test
    void another_partners_agreement_on_my_sink_stays_proposed_and_takes_nothing_until_I_activate_it() {
        ok(sweden.postRaw("/api/v1/datasets", """
                {"format": "symbiosis-kb/1", "partner": "cse",
                 "offsetAgreements": [{"id": "cse:oa", "buyer": "cfi:outokumpu", "sink": "cfi:biochar", "tCO2ePerYear": 200,
                                       "fromYear": 2024, "toYear": 2030, "status": "ACTIVE"}]}"""));

        // Sweden wrote ACTIVE, but the buyer and the sink are Finland's: it is PROPOSED until Finland accepts
        var proposed = agreement(sweden, "cse:oa");
        assertThat(proposed.get("status").asString()).isEqualTo("PROPOSED");
        assertThat(proposed.get("ownStatus").asString()).isEqualTo("ACTIVE");
        assertThat(proposed.get("consents").toString()).isEqualTo("[{\"partner\":\"cfi\",\"state\":\"AWAITING\"}]");
        assertThat(contracted("cfi:outokumpu")).isZero();
        // the sink's 300 t are all still free: Finland's own agreement of 300 t may be activated
        ok(finland.postRaw("/api/v1/datasets", """
                {"format": "symbiosis-kb/1", "partner": "cfi",
                 "organizations": [{"id": "cfi:kemi-energy", "name": "Kemi energy"}],
                 "offsetAgreements": [{"id": "cfi:own", "buyer": "cfi:kemi-energy", "sink": "cfi:biochar", "tCO2ePerYear": 100,
                                       "fromYear": 2024, "toYear": 2030, "status": "ACTIVE"}]}"""));

        var requests = data(finland.graphql("{ consentRequests { record kind owner partner link target state } }"));
        assertThat(requests.get("consentRequests").toString()).contains(
                "{\"record\":\"cse:oa\",\"kind\":\"offsetAgreement\",\"owner\":\"cse\",\"partner\":\"cfi\",\"link\":\"BUYER\",\"target\":\"cfi:outokumpu\",\"state\":\"AWAITING\"}",
                "\"link\":\"FROM_SINK\",\"target\":\"cfi:biochar\"");

        var activated = finland.graphql("mutation { activateOffsetAgreement(id: \"cse:oa\") { status } }");
        assertThat(data(activated).get("activateOffsetAgreement").get("status").asString()).isEqualTo("ACTIVE");
        // contracted: the 200 t Outokumpu buys from the biochar sink
        assertThat(contracted("cfi:outokumpu")).isCloseTo(200, within(1e-9));

        // either side may end it; Finland does
        var ended = finland.graphql("mutation { endOffsetAgreement(id: \"cse:oa\") { status ownStatus } }");
        assertThat(data(ended).get("endOffsetAgreement").get("status").asString()).isEqualTo("ENDED");
        assertThat(data(ended).get("endOffsetAgreement").get("ownStatus").asString()).isEqualTo("ACTIVE");
        assertThat(contracted("cfi:outokumpu")).isZero();
    }

    @Test
    void only_the_owner_and_the_parties_may_activate_or_end_an_agreement_whatever_its_status() {
        ok(sweden.postRaw("/api/v1/datasets", """
                {"format": "symbiosis-kb/1", "partner": "cse",
                 "offsetAgreements": [{"id": "cse:oa", "buyer": "cfi:outokumpu", "sink": "cfi:biochar", "tCO2ePerYear": 200,
                                       "fromYear": 2024, "toYear": 2030, "status": "ENDED"}]}"""));
        // Norway is no party; Finland's READER may not write: both refused before anything looks at the (ENDED) status
        assertThat(classification(norway.graphql("mutation { endOffsetAgreement(id: \"cse:oa\") { status } }"))).isEqualTo("FORBIDDEN");
        assertThat(classification(norway.graphql("mutation { activateOffsetAgreement(id: \"cse:oa\") { status } }"))).isEqualTo("FORBIDDEN");
        assertThat(classification(finnishReader.graphql("mutation { endOffsetAgreement(id: \"cse:oa\") { status } }"))).isEqualTo("FORBIDDEN");
        assertThat(classification(finnishReader.graphql("mutation { activateOffsetAgreement(id: \"cse:oa\") { status } }"))).isEqualTo("FORBIDDEN");
        // the owner may, and the answer then says what it is
        assertThat(data(sweden.graphql("mutation { endOffsetAgreement(id: \"cse:oa\") { status } }"))
                .get("endOffsetAgreement").get("status").asString()).isEqualTo("ENDED");
        assertThat(classification(finland.graphql("mutation { activateOffsetAgreement(id: \"cse:oa\") { status } }"))).isEqualTo("BAD_REQUEST");
    }

    @Test
    void a_measure_or_a_target_belongs_to_its_roadmaps_owner() {
        var measure = sweden.postRaw("/api/v1/datasets", """
                {"format": "symbiosis-kb/1", "partner": "cse",
                 "measures": [{"id": "cse:m", "roadmap": "cfi:roadmap", "name": "Offsets", "kind": "OFFSET", "startYear": 2024,
                               "tCO2ePerYear": 99999}]}""");
        assertThat(measure.status()).isEqualTo(422);
        assertThat(measure.body().get("errors").get(0).get("pointer").asString()).isEqualTo("/measures/0/roadmap");
        assertThat(measure.body().get("errors").get(0).get("message").asString()).contains("cfi:roadmap", "partner cse's records");
        var target = sweden.postRaw("/api/v1/datasets", """
                {"format": "symbiosis-kb/1", "partner": "cse", "targets": [{"roadmap": "cfi:roadmap", "year": 2040, "maxNet": 1000000}]}""");
        assertThat(target.status()).isEqualTo(422);
        assertThat(target.body().get("errors").get(0).get("pointer").asString()).isEqualTo("/targets/0/roadmap");
        // Finland's 2030 target: net −500; planned = 100 t (ferrochrome, carried from 2024) − 300 t (biochar) = −200: missed,
        // as it was before Sweden tried; its 99,999 t measure would have made it met
        var status = data(finland.graphql("{ roadmap(id: \"cfi:roadmap\") { measures { id } targetStatus { year met } } }"));
        assertThat(status.get("roadmap").get("measures")).isEmpty();
        assertThat(status.get("roadmap").get("targetStatus").toString()).isEqualTo("[{\"year\":2030,\"met\":false}]");
    }

    @Test
    void another_partners_process_counts_in_my_park_only_after_I_accept_it() {
        ok(sweden.postRaw("/api/v1/datasets", """
                {"format": "symbiosis-kb/1", "partner": "cse",
                 "processes": [{"id": "cse:kiln", "name": "Kiln", "operator": "cse:steel", "park": "cfi:kemi", "visibility": "PRIVATE"}],
                 "emissions": [{"process": "cse:kiln", "year": 2024, "scope": 1, "tCO2e": 500}]}"""));
        String balance = "{ carbonBalance(parkId: \"cfi:kemi\", year: 2024) { gross withheld } park(id: \"cfi:kemi\") { processes { id } } }";
        // until Finland accepts, the kiln is Sweden's alone: Kemi's gross is its own ferrochrome line's 100 t
        var before = data(finland.graphql(balance));
        assertThat(before.get("carbonBalance").get("gross").asDouble()).isCloseTo(100, within(1e-9));
        assertThat(before.get("park").get("processes").findValuesAsString("id")).containsExactly("cfi:ferrochrome");
        assertThat(data(finland.graphql("{ process(id: \"cse:kiln\") { park { id } consents { partner state } } }")).toString())
                .contains("\"park\":{\"id\":\"cse:haparanda\"}", "\"state\":\"AWAITING\""); // its operator's park, until Finland accepts

        var accepted = finland.graphql("mutation { setConsent(input: {record: \"cse:kiln\", decision: ACCEPTED}) { partner record decision current } }");
        assertThat(data(accepted).get("setConsent").toString())
                .isEqualTo("{\"partner\":\"cfi\",\"record\":\"cse:kiln\",\"decision\":\"ACCEPTED\",\"current\":true}");
        // gross = 100 (ferrochrome) + 500 (the kiln): the kiln asked to join, so the park's owner sees its PRIVATE figures
        var after = data(finland.graphql(balance));
        assertThat(after.get("carbonBalance").get("gross").asDouble()).isCloseTo(600, within(1e-9));
        assertThat(after.get("carbonBalance").get("withheld").asBoolean()).isFalse();
        // a third partner sees the kiln by name only: the sum that holds its figure is withheld
        var third = data(norway.graphql(balance));
        assertThat(third.get("carbonBalance").get("gross").isNull()).isTrue();
        assertThat(third.get("carbonBalance").get("withheld").asBoolean()).isTrue();
        assertThat(third.toString()).doesNotContain("500", "600");
    }

    @Test
    void a_record_belongs_to_the_owner_of_what_it_is_part_of() {
        var refused = sweden.postRaw("/api/v1/datasets", """
                {"format": "symbiosis-kb/1", "partner": "cse",
                 "processes": [{"id": "cse:line", "name": "Line", "operator": "cfi:outokumpu"}],
                 "sideStreams": [{"id": "cse:dust", "name": "Dust", "producer": "cfi:ferrochrome", "quantity": 10, "unit": "t"}],
                 "needs": [{"id": "cse:need", "process": "cfi:ferrochrome", "quantity": 10, "unit": "t", "material": "scrap"}],
                 "carbonSinks": [{"id": "cse:forest", "name": "Forest", "kind": "FOREST", "owner": "cfi:carbofex",
                                  "location": {"lat": 65.7, "lon": 24.6}, "tCO2ePerYear": 10}],
                 "flows": [{"id": "cse:f", "sideStream": "cfi:slag", "consumer": "cfi:ferrochrome", "quantity": 1}]}""");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body().get("errors").findValuesAsString("pointer")).containsExactlyInAnyOrder(
                "/processes/0/operator", "/sideStreams/0/producer", "/needs/0/process", "/carbonSinks/0/owner", "/flows/0/id");
        assertThat(refused.raw()).contains("a side stream belongs to the owner of its producer",
                "a flow belongs to its side stream's owner or its consumer's owner");
        // nothing of it was written: the ferrochrome line still produces Finland's slag only
        assertThat(data(finland.graphql("{ process(id: \"cfi:ferrochrome\") { sideStreams { id } needs { id } } }")).toString())
                .isEqualTo("{\"process\":{\"sideStreams\":[{\"id\":\"cfi:slag\"}],\"needs\":[]}}");
    }

    private double total(Http as, String process) {
        return data(as.graphql("{ traceEmissions(processId: \"" + process + "\", year: 2024) { total } }"))
                .get("traceEmissions").get("total").asDouble();
    }

    @Test
    void a_flow_between_partners_counts_once_the_other_side_accepts_its_terms_and_either_side_can_end_it() {
        ok(finland.postRaw("/api/v1/datasets", """
                {"format": "symbiosis-kb/1", "partner": "cfi",
                 "flows": [{"id": "cfi:scale-in", "sideStream": "cse:scale", "consumer": "cfi:ferrochrome", "quantity": 300}]}"""));
        // not yet Sweden's word: the line carries no furnace burden
        assertThat(total(finland, "cfi:ferrochrome")).isCloseTo(100, within(1e-9));

        data(sweden.graphql("mutation { setConsent(input: {record: \"cfi:scale-in\", decision: ACCEPTED}) { current } }"));
        // F = 100 + c(f) × F(furnace) = 100 + 300 / 2000 × 1000 = 250
        assertThat(total(finland, "cfi:ferrochrome")).isCloseTo(250, within(1e-9));

        // Finland doubles the flow: Sweden accepted 300 t, not 600 t; it waits again
        ok(finland.postRaw("/api/v1/datasets", """
                {"format": "symbiosis-kb/1", "partner": "cfi",
                 "flows": [{"id": "cfi:scale-in", "sideStream": "cse:scale", "consumer": "cfi:ferrochrome", "quantity": 600}]}"""));
        assertThat(total(finland, "cfi:ferrochrome")).isCloseTo(100, within(1e-9));
        assertThat(data(sweden.graphql("{ consentRequests { record } }")).get("consentRequests").findValuesAsString("record"))
                .containsExactly("cfi:scale-in");
        data(sweden.graphql("mutation { setConsent(input: {record: \"cfi:scale-in\", decision: ACCEPTED}) { current } }"));
        // 100 + 600 / 2000 × 1000 = 400
        assertThat(total(finland, "cfi:ferrochrome")).isCloseTo(400, within(1e-9));

        // Sweden ends it: it no longer counts, whatever Finland writes
        data(sweden.graphql("mutation { setConsent(input: {record: \"cfi:scale-in\", decision: ENDED}) { decision } }"));
        assertThat(total(finland, "cfi:ferrochrome")).isCloseTo(100, within(1e-9));
        assertThat(data(finland.graphql("{ flow(id: \"cfi:scale-in\") { quantity consents { partner state } } }")).toString())
                .isEqualTo("{\"flow\":{\"quantity\":600.0,\"consents\":[{\"partner\":\"cse\",\"state\":\"ENDED\"}]}}");
        // and Finland, the owner, may delete it
        assertThat(data(finland.graphql("mutation { deleteFlow(id: \"cfi:scale-in\") { deleted } }")).get("deleteFlow").get("deleted").asBoolean()).isTrue();
    }

    @Test
    void a_flow_from_another_partners_stream_is_checked_against_it_when_that_partner_accepts() {
        // 700 t from a 600 t stream: Finland may not know the stream's quantity, so its write is not checked against it
        ok(finland.postRaw("/api/v1/datasets", """
                {"format": "symbiosis-kb/1", "partner": "cfi",
                 "flows": [{"id": "cfi:too-much", "sideStream": "cse:scale", "consumer": "cfi:ferrochrome", "quantity": 700}]}"""));
        var refused = sweden.graphql("mutation { setConsent(input: {record: \"cfi:too-much\", decision: ACCEPTED}) { current } }");
        assertThat(classification(refused)).isEqualTo("BAD_REQUEST");
        assertThat(refused.body().get("errors").get(0).get("message").asString())
                .contains("flows from cse:scale add up to 700 t, more than its quantity of 600 t");
        assertThat(total(finland, "cfi:ferrochrome")).isCloseTo(100, within(1e-9));
    }

    @Test
    void a_consent_is_only_for_another_partners_record_that_links_to_the_partners_own() {
        var own = finland.graphql("mutation { setConsent(input: {record: \"cfi:slag\", decision: ACCEPTED}) { current } }");
        assertThat(own.body().get("errors").get(0).get("message").asString()).contains("own record");
        var unlinked = finland.graphql("mutation { setConsent(input: {record: \"cse:furnace\", decision: ACCEPTED}) { current } }");
        assertThat(unlinked.body().get("errors").get(0).get("message").asString()).contains("has no link to partner cfi's records");
        // Norway may not consent in Finland's name
        assertThat(classification(norway.graphql("mutation { setConsent(input: {partner: \"cfi\", record: \"cse:furnace\", decision: ACCEPTED}) { current } }")))
                .isEqualTo("FORBIDDEN");
    }
}
