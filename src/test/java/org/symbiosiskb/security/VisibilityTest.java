package org.symbiosiskb.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.symbiosiskb.support.Http;
import org.symbiosiskb.support.PartnersTest;
import tools.jackson.databind.JsonNode;

/**
 * Another partner's PRIVATE figures never leave the service, whatever the read path; the totals
 * stay right. Tornio (Finland) consumes slag from a private Swedish blast furnace across the river
 * in Haparanda. Every private figure is a repeated digit (7777.7, 6666.6, 4444.4, 3333.3), so a
 * leak shows up as that digit string anywhere in a raw HTTP answer.
 */
@PartnersTest
class VisibilityTest {

    static final List<String> PRIVATE_FIGURES = List.of("7777", "6666", "4444", "3333");

    @LocalServerPort
    int port;
    @Autowired
    Neo4jClient neo4j;
    Http finland;
    Http sweden;
    Http swedishReader;
    Http anonymous;

    @BeforeEach
    void tornioTakesSlagFromAPrivateFurnaceInHaparanda() {
        neo4j.query("MATCH (n) DETACH DELETE n").run();
        anonymous = new Http(port);
        finland = anonymous.withKey("visfi-editor-key");
        sweden = anonymous.withKey("visse-editor-key");
        swedishReader = anonymous.withKey("visse-reader-key");
        var se = sweden.postRaw("/api/v1/datasets", """
                {"format": "symbiosis-kb/1", "partner": "visse",
                 "parks": [{"id": "visse:park", "name": "Haparanda industrial area", "location": {"lat": 65.835, "lon": 24.137},
                            "visibility": "PUBLIC"}],
                 "organizations": [{"id": "visse:steel", "name": "Haparanda Steel", "park": "visse:park"}],
                 "processes": [
                   {"id": "visse:furnace", "name": "Blast furnace", "operator": "visse:steel", "park": "visse:park",
                    "outputTonnes": 10000, "visibility": "PRIVATE"},
                   {"id": "visse:rolling", "name": "Rolling mill", "operator": "visse:steel", "park": "visse:park"}],
                 "emissions": [{"process": "visse:furnace", "year": 2024, "scope": 1, "tCO2e": 7777.7},
                               {"process": "visse:rolling", "year": 2024, "scope": 1, "tCO2e": 22.2}],
                 "sideStreams": [{"id": "visse:slag", "name": "Blast furnace slag", "producer": "visse:furnace", "quantity": 6666.6,
                                  "unit": "t", "ewc": "10 02 02", "material": "slag", "visibility": "PRIVATE"}],
                 "needs": [{"id": "visse:need", "process": "visse:rolling", "ewc": "10 02 08", "quantity": 3333.3, "unit": "t",
                            "visibility": "PRIVATE"}],
                 "carbonSinks": [
                   {"id": "visse:forest", "name": "Company forest", "kind": "FOREST", "owner": "visse:steel", "park": "visse:park",
                    "location": {"lat": 65.84, "lon": 24.14}, "tCO2ePerYear": 4444.4, "visibility": "PRIVATE"},
                   {"id": "visse:meadow", "name": "River meadow", "kind": "WETLAND", "owner": "visse:steel", "park": "visse:park",
                    "location": {"lat": 65.83, "lon": 24.13}, "tCO2ePerYear": 55.5}]}""");
        assertThat(se.status()).as(se.raw()).isEqualTo(200);
        var fi = finland.postRaw("/api/v1/datasets", """
                {"format": "symbiosis-kb/1", "partner": "visfi",
                 "parks": [{"id": "visfi:park", "name": "Tornio industrial area", "location": {"lat": 65.848, "lon": 24.146},
                            "visibility": "PUBLIC"}],
                 "organizations": [{"id": "visfi:cement-co", "name": "Tornio Cement", "park": "visfi:park"}],
                 "processes": [{"id": "visfi:cement", "name": "Cement kiln", "operator": "visfi:cement-co", "park": "visfi:park",
                                "outputTonnes": 2000}],
                 "emissions": [{"process": "visfi:cement", "year": 2024, "scope": 1, "tCO2e": 100}],
                 "sideStreams": [{"id": "visfi:dust", "name": "Kiln dust", "producer": "visfi:cement", "quantity": 900, "unit": "t",
                                  "ewc": "10 02 08"}],
                 "flows": [{"id": "visfi:f-slag", "sideStream": "visse:slag", "consumer": "visfi:cement", "quantity": 555.5}]}""");
        assertThat(fi.status()).as(fi.raw()).isEqualTo(200);
        // Sweden accepts Tornio's flow from its slag: now it counts, and its burden passes to the kiln (docs/partners.md, Consent)
        var consent = sweden.graphql("mutation { setConsent(input: {record: \"visfi:f-slag\", decision: ACCEPTED}) { current } }");
        assertThat(consent.body().get("data").get("setConsent").get("current").asBoolean()).as(consent.raw()).isTrue();
    }

    private static JsonNode data(Http.Response response) {
        assertThat(response.body().get("errors")).as(response.raw()).isNull();
        return response.body().get("data");
    }

    private static void assertNoPrivateFigure(Http.Response response) {
        for (String figure : PRIVATE_FIGURES) {
            assertThat(response.raw()).as("leaks %s", figure).doesNotContain(figure);
        }
    }

    @Test
    void entity_queries_show_a_private_process_by_name_without_its_figures() {
        String query = """
                { process(id: "visse:furnace") { name outputTonnes emissions { tCO2e } sideStreams { id quantity }
                    operator { name } }
                  sideStream(id: "visse:slag") { name quantity ewc flows { id quantity } }
                  carbonSink(id: "visse:forest") { name tCO2ePerYear }
                  need(id: "visse:need") { ewc quantity } }""";
        var other = finland.graphql(query);
        assertNoPrivateFigure(other);
        var seen = data(other);
        assertThat(seen.get("process").get("name").asString()).isEqualTo("Blast furnace");
        assertThat(seen.get("process").get("outputTonnes").isNull()).isTrue();
        assertThat(seen.get("process").get("emissions")).isEmpty();
        assertThat(seen.get("process").get("sideStreams").get(0).get("quantity").isNull()).isTrue();
        assertThat(seen.get("sideStream").get("quantity").isNull()).isTrue();
        assertThat(seen.get("sideStream").get("ewc").asString()).isEqualTo("10 02 02");
        // the flow is Finland's own record: its quantity is Finland's to see
        assertThat(seen.get("sideStream").get("flows").get(0).get("quantity").asDouble()).isEqualTo(555.5);
        assertThat(seen.get("carbonSink").get("tCO2ePerYear").isNull()).isTrue();
        assertThat(seen.get("need").get("quantity").isNull()).isTrue();

        // the owner's reader key sees every figure
        var owner = data(swedishReader.graphql(query));
        assertThat(owner.get("process").get("outputTonnes").asDouble()).isEqualTo(10000);
        assertThat(owner.get("process").get("emissions").get(0).get("tCO2e").asDouble()).isEqualTo(7777.7);
        assertThat(owner.get("sideStream").get("quantity").asDouble()).isEqualTo(6666.6);
        assertThat(owner.get("carbonSink").get("tCO2ePerYear").asDouble()).isEqualTo(4444.4);
        assertThat(owner.get("need").get("quantity").asDouble()).isEqualTo(3333.3);
    }

    @Test
    void federation_entities_obey_the_same_rules() {
        String query = """
                { _entities(representations: [{__typename: "Process", id: "visse:furnace"}, {__typename: "SideStream", id: "visse:slag"},
                                              {__typename: "CarbonSink", id: "visse:forest"}]) {
                    ... on Process { name outputTonnes emissions { tCO2e } }
                    ... on SideStream { name quantity }
                    ... on CarbonSink { name tCO2ePerYear } } }""";
        var other = finland.graphql(query);
        assertNoPrivateFigure(other);
        var entities = data(other).get("_entities");
        assertThat(entities.get(0).get("name").asString()).isEqualTo("Blast furnace");
        assertThat(entities.get(0).get("outputTonnes").isNull()).isTrue();
        assertThat(entities.get(1).get("quantity").isNull()).isTrue();
        assertThat(entities.get(2).get("tCO2ePerYear").isNull()).isTrue();
        // anonymous: none of them exists
        var nobody = data(anonymous.graphql(query)).get("_entities");
        assertThat(nobody).allMatch(JsonNode::isNull);
        assertThat(data(sweden.graphql(query)).get("_entities").get(1).get("quantity").asDouble()).isEqualTo(6666.6);
    }

    @Test
    void an_anonymous_page_is_filled_with_public_records_however_many_others_sort_before_them() {
        // by id, two records of each list (NETWORK, the default) come before the public one, visse:… after: more than
        // a page of one (and the one more row a page reads to know whether another follows)
        var fi = finland.postRaw("/api/v1/datasets", """
                {"format": "symbiosis-kb/1", "partner": "visfi",
                 "organizations": [{"id": "visfi:a-co", "name": "A Co", "park": "visfi:park"},
                                   {"id": "visfi:public-co", "name": "Public Co", "park": "visfi:park", "visibility": "PUBLIC"}],
                 "processes": [{"id": "visfi:a-kiln", "name": "A kiln", "operator": "visfi:a-co", "park": "visfi:park"},
                               {"id": "visfi:public-kiln", "name": "Public kiln", "operator": "visfi:public-co", "park": "visfi:park",
                                "visibility": "PUBLIC"}]}""");
        assertThat(fi.status()).as(fi.raw()).isEqualTo(200);
        var seen = data(anonymous.graphql("""
                { organizations(first: 1) { totalCount nodes { id } pageInfo { hasNextPage } }
                  processes(first: 1) { totalCount nodes { id } pageInfo { hasNextPage } } }"""));
        assertThat(seen.get("organizations").get("nodes").toString()).isEqualTo("[{\"id\":\"visfi:public-co\"}]");
        assertThat(seen.get("organizations").get("totalCount").asInt()).isEqualTo(1);
        assertThat(seen.get("organizations").get("pageInfo").get("hasNextPage").asBoolean()).isFalse();
        assertThat(seen.get("processes").get("nodes").toString()).isEqualTo("[{\"id\":\"visfi:public-kiln\"}]");
        assertThat(seen.get("processes").get("totalCount").asInt()).isEqualTo(1);
        assertThat(seen.get("processes").get("pageInfo").get("hasNextPage").asBoolean()).isFalse();
    }

    @Test
    void anonymous_clients_see_public_records_only_and_the_counts_agree() {
        var response = anonymous.graphql("""
                { parks(first: 10) { totalCount nodes { id organizations { id } } }
                  organizations(first: 10) { totalCount nodes { id } }
                  processes(first: 10) { totalCount }
                  process(id: "visfi:cement") { id } }""");
        assertNoPrivateFigure(response);
        var seen = data(response);
        assertThat(seen.get("parks").get("totalCount").asInt()).isEqualTo(2);
        assertThat(seen.get("parks").get("nodes").get(0).get("organizations")).isEmpty();
        assertThat(seen.get("organizations").get("totalCount").asInt()).isZero();
        assertThat(seen.get("organizations").get("nodes")).isEmpty();
        assertThat(seen.get("processes").get("totalCount").asInt()).isZero();
        assertThat(seen.get("process").isNull()).isTrue();

        var partner = data(finland.graphql("{ organizations(first: 10) { totalCount } processes(first: 10) { totalCount } }"));
        assertThat(partner.get("organizations").get("totalCount").asInt()).isEqualTo(2);
        // the private furnace is listed by name to another partner
        assertThat(partner.get("processes").get("totalCount").asInt()).isEqualTo(3);
    }

    @Test
    void a_filter_on_a_private_quantity_does_not_reveal_it() {
        String query = "{ sideStreams(filter: {minQuantity: 5000}) { totalCount nodes { id } } }";
        // 6666.6 ≥ 5000, but only the owner may know it
        assertThat(data(finland.graphql(query)).get("sideStreams").get("totalCount").asInt()).isZero();
        assertThat(data(sweden.graphql(query)).get("sideStreams").get("nodes").get(0).get("id").asString()).isEqualTo("visse:slag");
        // Finland's own kiln dust (900 t) passes a filter of 800
        assertThat(data(finland.graphql("{ sideStreams(filter: {minQuantity: 800}) { nodes { id } } }"))
                .get("sideStreams").get("nodes").findValuesAsString("id")).containsExactly("visfi:dust");
    }

    @Test
    void nested_pages_and_counts_apply_the_rule_inside_the_statement() {
        String query = """
                { park(id: "visse:park") {
                    processesConnection(first: 1) { totalCount pageInfo { hasNextPage } nodes { id outputTonnes } }
                    carbonSinksConnection { totalCount nodes { id tCO2ePerYear } }
                    organizationsConnection { totalCount nodes { id processes(filter: {nameContains: "furnace"}) {
                      id sideStreamsConnection(filter: {minQuantity: 5000}) { totalCount } } } } } }""";
        // anonymous: the park is PUBLIC, everything in it NETWORK or PRIVATE: nothing, and counts of nothing
        var nobody = data(anonymous.graphql(query)).get("park");
        assertThat(nobody.get("processesConnection").get("totalCount").asInt()).isZero();
        assertThat(nobody.get("processesConnection").get("nodes")).isEmpty();
        assertThat(nobody.get("processesConnection").get("pageInfo").get("hasNextPage").asBoolean()).isFalse();
        assertThat(nobody.get("carbonSinksConnection").get("totalCount").asInt()).isZero();
        assertThat(nobody.get("organizationsConnection").get("totalCount").asInt()).isZero();

        // Finland: the private furnace and forest by name (counted, figures null), the rolling mill and meadow in full
        var other = finland.graphql(query);
        assertNoPrivateFigure(other);
        var park = data(other).get("park");
        var processes = park.get("processesConnection");
        assertThat(processes.get("totalCount").asInt()).isEqualTo(2); // furnace and rolling mill
        assertThat(processes.get("pageInfo").get("hasNextPage").asBoolean()).isTrue(); // first: 1 of 2
        assertThat(processes.get("nodes").get(0).get("id").asString()).isEqualTo("visse:furnace");
        assertThat(processes.get("nodes").get(0).get("outputTonnes").isNull()).isTrue();
        var sinks = park.get("carbonSinksConnection");
        assertThat(sinks.get("totalCount").asInt()).isEqualTo(2);
        assertThat(sinks.get("nodes").get(0).get("tCO2ePerYear").isNull()).isTrue(); // visse:forest, PRIVATE
        assertThat(sinks.get("nodes").get(1).get("tCO2ePerYear").asDouble()).isEqualTo(55.5); // visse:meadow
        // the furnace's slag (6666.6 t ≥ 5000) is not counted by a filter on its private quantity
        var furnace = park.get("organizationsConnection").get("nodes").get(0).get("processes").get(0);
        assertThat(furnace.get("id").asString()).isEqualTo("visse:furnace");
        assertThat(furnace.get("sideStreamsConnection").get("totalCount").asInt()).isZero();

        // Sweden, the owner: the same count is 1, and the figures are there
        var owner = data(sweden.graphql(query)).get("park");
        assertThat(owner.get("processesConnection").get("nodes").get(0).get("outputTonnes").asDouble()).isEqualTo(10000);
        assertThat(owner.get("organizationsConnection").get("nodes").get(0).get("processes").get(0).get("sideStreamsConnection")
                .get("totalCount").asInt()).isEqualTo(1);
    }

    @Test
    void the_export_leaves_out_private_records_and_their_emissions() {
        var other = finland.get("/api/v1/datasets/visse");
        assertThat(other.status()).isEqualTo(200);
        assertNoPrivateFigure(other);
        assertThat(other.raw()).contains("visse:rolling", "visse:meadow").doesNotContain("visse:furnace\"", "visse:slag", "visse:need", "visse:forest");
        assertThat(other.body().get("emissions")).hasSize(1); // the rolling mill's 22.2

        var publicOnly = anonymous.get("/api/v1/datasets/visse");
        assertThat(publicOnly.raw()).contains("visse:park").doesNotContain("visse:steel", "visse:rolling");

        var owner = swedishReader.get("/api/v1/datasets/visse");
        assertThat(owner.raw()).contains("visse:furnace", "7777.7", "6666.6", "4444.4", "3333.3");
    }

    @Test
    void a_record_that_becomes_private_reaches_other_partners_harvests_as_a_deletion() {
        // the fixture's records were written before this instant, and an export sends only updatedAt > since
        String since = java.time.Instant.now().toString();
        var change = sweden.postRaw("/api/v1/datasets", """
                {"format": "symbiosis-kb/1", "partner": "visse",
                 "processes": [{"id": "visse:rolling", "name": "Rolling mill", "operator": "visse:steel", "park": "visse:park",
                                "visibility": "PRIVATE"}]}""");
        assertThat(change.status()).as(change.raw()).isEqualTo(200);
        var increment = finland.get("/api/v1/datasets/visse?since=" + since);
        assertThat(increment.body().get("processes").toString()).isEqualTo("[{\"id\":\"visse:rolling\",\"deleted\":true}]");
        assertThat(increment.raw()).doesNotContain("22.2");
        var own = sweden.get("/api/v1/datasets/visse?since=" + since);
        assertThat(own.body().get("processes").get(0).get("visibility").asString()).isEqualTo("PRIVATE");
        assertThat(finland.get("/api/v1/datasets/visse?since=yesterday").status()).isEqualTo(400);
    }

    @Test
    void a_trace_through_a_private_furnace_counts_it_but_shows_its_hop_without_figures() {
        String query = """
                { traceEmissions(processId: "visfi:cement", year: 2024) { total inherited coverage
                    paths { contribution hops { from { name } sideStream { name } quantity share } } } }""";
        var response = finland.graphql(query);
        assertNoPrivateFigure(response);
        var trace = data(response).get("traceEmissions");
        // c(f) = 555.5 t / outputTonnes 10000 t = 0.05555; inherited = 0.05555 × F(furnace) 7777.7 = 432.051235
        // total = E(cement) 100 + transport 0 + 432.051235 = 532.051235
        assertThat(trace.get("inherited").asDouble()).isCloseTo(432.051235, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(trace.get("total").asDouble()).isCloseTo(532.051235, org.assertj.core.data.Offset.offset(1e-6));
        var hop = trace.get("paths").get(0).get("hops").get(0);
        assertThat(hop.get("from").get("name").asString()).isEqualTo("Blast furnace");
        assertThat(hop.get("quantity").isNull()).isTrue();
        assertThat(hop.get("share").isNull()).isTrue();
        assertThat(trace.get("paths").get(0).get("contribution").isNull()).isTrue();

        var owner = data(sweden.graphql(query)).get("traceEmissions");
        assertThat(owner.get("paths").get(0).get("contribution").asDouble()).isCloseTo(432.051235, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(owner.get("paths").get(0).get("hops").get(0).get("share").asDouble()).isCloseTo(0.05555, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void tracing_a_private_process_of_another_partner_is_forbidden_without_figures() {
        var response = finland.graphql("{ traceEmissions(processId: \"visse:furnace\", year: 2024) { total } }");
        assertNoPrivateFigure(response);
        assertThat(response.body().get("errors").get(0).get("extensions").get("classification").asString()).isEqualTo("FORBIDDEN");
        var hidden = anonymous.graphql("{ traceEmissions(processId: \"visse:rolling\", year: 2024) { total } }");
        assertThat(hidden.body().get("errors").get(0).get("extensions").get("classification").asString()).isEqualTo("NOT_FOUND");
    }

    @Test
    void a_balance_that_mixes_in_private_figures_withholds_them_whole_and_shows_the_rest() {
        var response = finland.graphql("""
                { carbonBalance(parkId: "visse:park", year: 2024) { gross sequestration net climatePositive withheld
                    byProcess { process { id } tCO2e } bySource { source tCO2e } }
                  sideStreamTable(parkId: "visse:park", year: 2024) { sideStream { id } produced used available } }""");
        assertNoPrivateFigure(response);
        var seen = data(response);
        var balance = seen.get("carbonBalance");
        // gross 7777.7 + 22.2 and sequestration 4444.4 + 55.5 each include a private figure: shown, either would give it
        // away by subtraction (gross − the rolling mill's 22.2 = the furnace's 7777.7); so would net and its sign
        assertThat(balance.get("gross").isNull() && balance.get("sequestration").isNull() && balance.get("net").isNull()
                && balance.get("climatePositive").isNull()).as(balance.toString()).isTrue();
        assertThat(balance.get("withheld").asBoolean()).isTrue();
        for (JsonNode row : balance.get("byProcess")) {
            boolean furnace = row.get("process").get("id").asString().equals("visse:furnace");
            assertThat(row.get("tCO2e").isNull()).as(row.toString()).isEqualTo(furnace);
        }
        // both mills report no source: the one bucket holds the furnace's figure
        assertThat(balance.get("bySource").get(0).get("tCO2e").isNull()).isTrue();
        var slag = seen.get("sideStreamTable").get(0);
        assertThat(slag.get("sideStream").get("id").asString()).isEqualTo("visse:slag");
        // produced and available are the stream's PRIVATE figures; used sums Finland's own 555.5 t flow, Finland's to see
        assertThat(slag.get("produced").isNull() && slag.get("available").isNull()).isTrue();
        assertThat(slag.get("used").asDouble()).isEqualTo(555.5);

        var owner = data(sweden.graphql("{ sideStreamTable(parkId: \"visse:park\", year: 2024) { produced used available } "
                + "carbonBalance(parkId: \"visse:park\", year: 2024) { gross sequestration net withheld bySource { tCO2e } } }"));
        // the owner sees all: gross 7777.7 + 22.2 = 7799.9; sequestration 4444.4 + 55.5 = 4499.9; net 7799.9 − 4499.9 = 3300
        assertThat(owner.get("carbonBalance").get("gross").asDouble()).isCloseTo(7799.9, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(owner.get("carbonBalance").get("net").asDouble()).isCloseTo(3300, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(owner.get("carbonBalance").get("withheld").asBoolean()).isFalse();
        assertThat(owner.get("carbonBalance").get("bySource").get(0).get("tCO2e").asDouble()).isCloseTo(7799.9, org.assertj.core.data.Offset.offset(1e-9));
        // produced 6666.6, used by Tornio 555.5, available 6666.6 − 555.5 = 6111.1
        assertThat(owner.get("sideStreamTable").get(0).get("available").asDouble()).isCloseTo(6111.1, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void matches_and_compensation_leave_out_or_blank_what_another_partner_keeps_private() {
        var matches = finland.graphql("{ sideStreamMatches(sideStreamId: \"visfi:dust\", year: 2024) { level need { id } wanted supplyable } }");
        assertNoPrivateFigure(matches);
        var match = data(matches).get("sideStreamMatches").get(0);
        assertThat(match.get("need").get("id").asString()).isEqualTo("visse:need");
        assertThat(match.get("wanted").isNull() && match.get("supplyable").isNull()).isTrue();
        var ownerView = data(sweden.graphql("{ sideStreamMatches(sideStreamId: \"visfi:dust\", year: 2024) { wanted supplyable } }"));
        // supplyable = min(free 900, wanted 3333.3) = 900
        assertThat(ownerView.get("sideStreamMatches").get(0).get("supplyable").asDouble()).isEqualTo(900);
        var privateStream = finland.graphql("{ sideStreamMatches(sideStreamId: \"visse:slag\", year: 2024) { level } }");
        assertThat(privateStream.body().get("errors").get(0).get("extensions").get("classification").asString()).isEqualTo("FORBIDDEN");

        String plan = "{ compensationPartners(organizationId: \"visfi:cement-co\", year: 2024) { residual uncovered candidates { sink { id } free suggestedTonnes } } }";
        var forFinland = finland.graphql(plan);
        assertNoPrivateFigure(forFinland);
        var finnish = data(forFinland).get("compensationPartners");
        // the private forest is not on offer: the meadow's 55.5 t covers part of the residual 100; uncovered 100 − 55.5 = 44.5
        assertThat(finnish.get("candidates").findValuesAsString("id")).containsExactly("visse:meadow");
        assertThat(finnish.get("uncovered").asDouble()).isCloseTo(44.5, org.assertj.core.data.Offset.offset(1e-9));
        // the forest's owner sees its own forest among the candidates
        assertThat(data(sweden.graphql(plan)).get("compensationPartners").get("candidates").findValuesAsString("id")).contains("visse:forest");
    }

    @Test
    void an_agreement_on_another_partners_private_sink_is_not_checked_against_it_until_its_owner_accepts() {
        String agreement = """
                {"format": "symbiosis-kb/1", "partner": "visfi",
                 "offsetAgreements": [{"id": "visfi:oa", "buyer": "visfi:cement-co", "sink": "visse:forest", "tCO2ePerYear": %s,
                                       "fromYear": 2024, "toYear": 2030, "status": "ACTIVE"}]}""";
        // a dry run of 5000 and of 1 answer alike: whether the forest's 4444.4 t would take it is Sweden's to know
        var big = finland.postRaw("/api/v1/datasets?dryRun=true", agreement.formatted(5000));
        var small = finland.postRaw("/api/v1/datasets?dryRun=true", agreement.formatted(1));
        assertThat(big.status()).as(big.raw()).isEqualTo(200);
        assertThat(small.status()).isEqualTo(200);
        assertThat(finland.postRaw("/api/v1/datasets", agreement.formatted(5000)).status()).isEqualTo(200);
        var proposed = data(finland.graphql("{ offsetAgreement(id: \"visfi:oa\") { status ownStatus consents { partner state } } }"));
        assertThat(proposed.get("offsetAgreement").get("status").asString()).isEqualTo("PROPOSED");
        assertThat(proposed.get("offsetAgreement").get("consents").toString()).isEqualTo("[{\"partner\":\"visse\",\"state\":\"AWAITING\"}]");

        // Sweden, who sees its forest, gets the refusal with its figures when it would accept too much
        var accept = sweden.graphql("mutation { activateOffsetAgreement(id: \"visfi:oa\") { status } }");
        assertThat(accept.body().get("errors").get(0).get("message").asString())
                .contains("visse:forest", "5000", "4444.4");
        assertNoPrivateFigure(finland.graphql("{ offsetAgreement(id: \"visfi:oa\") { status tCO2ePerYear } }"));
    }

    @Test
    void every_write_path_refuses_ids_outside_the_keys_partner() {
        var mutation = finland.graphql("mutation { createPark(input: {id: \"visse:new\", name: \"x\", location: {lat: 65, lon: 24}}) { id } }");
        assertThat(mutation.body().get("errors").get(0).get("extensions").get("classification").asString()).isEqualTo("FORBIDDEN");
        assertThat(mutation.body().get("errors").get(0).get("message").asString()).contains("visfi", "visse");

        var document = finland.postRaw("/api/v1/datasets", """
                {"format": "symbiosis-kb/1", "partner": "visse", "parks": [{"id": "visse:new", "name": "x", "location": {"lat": 65, "lon": 24}}]}""");
        assertThat(document.status()).isEqualTo(403);

        var reader = swedishReader.postRaw("/api/v1/datasets", """
                {"format": "symbiosis-kb/1", "partner": "visse", "parks": [{"id": "visse:new", "name": "x", "location": {"lat": 65, "lon": 24}}]}""");
        assertThat(reader.status()).isEqualTo(403);
        assertThat(reader.raw()).contains("EDITOR");

        var nobody = anonymous.graphql("mutation { deleteSideStream(id: \"visfi:dust\") { deleted } }");
        assertThat(nobody.body().get("errors").get(0).get("extensions").get("classification").asString()).isEqualTo("FORBIDDEN");
        // nothing was written by any of them
        assertThat(data(sweden.graphql("{ park(id: \"visse:new\") { id } sideStream(id: \"visfi:dust\") { id } }")).get("park").isNull()).isTrue();
        assertThat(data(finland.graphql("{ sideStream(id: \"visfi:dust\") { id } }")).get("sideStream").isNull()).isFalse();
    }

    @Test
    void an_unknown_key_is_refused_with_401_on_every_door() {
        var wrong = anonymous.withKey("not-a-key");
        var graphql = wrong.graphql("{ parks { totalCount } }");
        assertThat(graphql.status()).isEqualTo(401);
        assertThat(graphql.body().get("errors").get(0).get("extensions").get("classification").asString()).isEqualTo("UNAUTHORIZED");
        assertThat(wrong.get("/api/v1/datasets/visse").status()).isEqualTo(401);
    }
}
