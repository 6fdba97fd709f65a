package org.symbiosiskb.park;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.symbiosiskb.graph.Cypher;
import org.symbiosiskb.support.Http;
import org.symbiosiskb.support.KbTest;
import tools.jackson.databind.JsonNode;

/** GraphQL entity queries over real HTTP: lookups, filters, cursor pages, batched neighbours. */
@KbTest
class EntityQueryTest {

    @LocalServerPort
    int port;
    @Autowired
    Neo4jClient neo4j;
    @Autowired
    Cypher cypher;
    Http http;

    @BeforeEach
    void parksWithCompanies() {
        neo4j.query("MATCH (n) DETACH DELETE n").run();
        http = new Http(port);
        // 120 parks, each with 2 organizations that operate one process each, all in one network
        var doc = new LinkedHashMap<String, Object>();
        doc.put("format", "symbiosis-kb/1");
        doc.put("partner", "fi");
        doc.put("networks", List.of(Map.of("id", "fi:net", "name", "Network", "scope", "NATIONAL")));
        var parks = new ArrayList<Object>();
        var organizations = new ArrayList<Object>();
        var processes = new ArrayList<Object>();
        for (int i = 0; i < 120; i++) {
            String park = "fi:park-%03d".formatted(i);
            parks.add(Map.of("id", park, "name", (i % 2 == 0 ? "Kemi " : "Oulu ") + i, "location", Map.of("lat", 60 + i * 0.01, "lon", 25),
                    "country", i < 100 ? "FI" : "SE", "networks", i % 3 == 0 ? List.of("fi:net") : List.of()));
            for (int j = 0; j < 2; j++) {
                String org = park + "-org-" + j;
                organizations.add(Map.of("id", org, "name", "Company " + i + "/" + j, "park", park, "kind", "COMPANY"));
                processes.add(Map.of("id", org + "-process", "name", "Process " + i + "/" + j, "operator", org));
            }
        }
        doc.put("parks", parks);
        doc.put("organizations", organizations);
        doc.put("processes", processes);
        var response = http.post("/api/v1/datasets", doc);
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
    }

    JsonNode data(String query) {
        var response = http.graphql(query);
        assertThat(response.body().get("errors")).as(response.raw()).isNull();
        return response.body().get("data");
    }

    @Test
    void a_page_of_100_parks_with_organizations_and_processes_runs_one_statement() {
        long before = cypher.statementsRun();

        var parks = data("""
                { parks(first: 100) { nodes { id networks { id } organizations { id processes { id operator { id } park { id } } } } } }
                """).get("parks").get("nodes");

        long statements = cypher.statementsRun() - before;
        assertThat(parks.size()).isEqualTo(100);
        assertThat(parks.get(7).get("organizations").get(1).get("processes").get(0).get("id").asString())
                .isEqualTo("fi:park-007-org-1-process");
        assertThat(parks.get(7).get("organizations").get(1).get("processes").get(0).get("park").get("id").asString())
                .isEqualTo("fi:park-007");
        // one statement per top-level field: the page with its networks, organizations, their processes and
        // those processes' operators and parks, whatever the number of parks (per relationship field it was 6)
        assertThat(statements).isEqualTo(1);
    }

    @Test
    void a_page_of_100_parks_four_levels_deep_is_within_the_default_limits() {
        // estimated from the data's fan-out (count statistics): 240 organizations LOCATED_IN 120 parks, 240 / 120 = 2;
        // 240 OPERATES of 240 organizations, 1; no side streams, 0; the page min(first 100, 120 parks) = 100:
        // sideStreams 1 + 0 × (id + quantity) = 1; processes 1 + 1 × (id 1 + name 1 + 1) = 4;
        // organizations 1 + 2 × (1 + 1 + 4) = 13; nodes 1 + 100 × (1 + 1 + 13) = 1501; parks 1502 ≤ 250 000
        // (with 20 for every unpaged list it was 1 726 302, refused: 41, 861, 17 261, 1 726 301, 1 726 302)
        var parks = data("""
                { parks(first: 100) { nodes { id name organizations { id name processes { id name sideStreams { id quantity } } } } } }
                """).get("parks").get("nodes");

        assertThat(parks.size()).isEqualTo(100);
        assertThat(parks.get(99).get("organizations").get(1).get("processes").get(0).get("id").asString())
                .isEqualTo("fi:park-099-org-1-process");
    }

    @Test
    void nested_lists_take_first_after_filter_and_totalCount_like_top_level_ones() {
        // three more organizations in park 7 (five in all: org-0 … org-4), org-3 in Oulu's register as "Oulu Logistics"
        var more = new ArrayList<Object>();
        for (int j = 2; j < 5; j++) {
            more.add(Map.of("id", "fi:park-007-org-" + j, "name", j == 3 ? "Oulu Logistics" : "Company 7/" + j, "park", "fi:park-007",
                    "kind", "COMPANY"));
        }
        var response = http.post("/api/v1/datasets", Map.of("format", "symbiosis-kb/1", "partner", "fi", "organizations", more));
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        long before = cypher.statementsRun();

        var park = data("""
                { park(id: "fi:park-007") {
                    firstThree: organizations(first: 3) { id }
                    afterOrg1: organizations(first: 2, after: "%s") { id }
                    companies: organizations(filter: {nameContains: "company"}) { id }
                    page: organizationsConnection(first: 2, filter: {nameContains: "company"}) {
                      totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { cursor node { id } } }
                    all: organizationsConnection { totalCount nodes { id processesConnection { totalCount nodes { id } } } } } }
                """.formatted(org.symbiosiskb.api.Cursors.encode("fi:park-007-org-1"))).get("park");

        assertThat(cypher.statementsRun() - before).as("one top-level field, one statement").isEqualTo(1);
        // by id: org-0, org-1, org-2 of the five
        assertThat(ids(park.get("firstThree"))).containsExactly("fi:park-007-org-0", "fi:park-007-org-1", "fi:park-007-org-2");
        // after org-1: org-2, org-3
        assertThat(ids(park.get("afterOrg1"))).containsExactly("fi:park-007-org-2", "fi:park-007-org-3");
        // "company" (any case) is in four names: all but org-3
        assertThat(ids(park.get("companies"))).containsExactly("fi:park-007-org-0", "fi:park-007-org-1", "fi:park-007-org-2",
                "fi:park-007-org-4");
        var page = park.get("page");
        assertThat(page.get("totalCount").asInt()).isEqualTo(4); // the four companies, not the page of two
        assertThat(page.get("pageInfo").get("hasNextPage").asBoolean()).isTrue(); // 2 of 4
        assertThat(page.get("pageInfo").get("hasPreviousPage").asBoolean()).isFalse();
        assertThat(page.get("edges").get(1).get("node").get("id").asString()).isEqualTo("fi:park-007-org-1");
        assertThat(page.get("pageInfo").get("endCursor").asString()).isEqualTo(org.symbiosiskb.api.Cursors.encode("fi:park-007-org-1"));
        // the next page from the end cursor: org-2 and org-4 (org-3 filtered out), the last page
        var next = data("""
                { park(id: "fi:park-007") { organizationsConnection(first: 2, after: "%s", filter: {nameContains: "company"}) {
                    totalCount pageInfo { hasNextPage hasPreviousPage } nodes { id } } } }
                """.formatted(page.get("pageInfo").get("endCursor").asString())).get("park").get("organizationsConnection");
        assertThat(ids(next.get("nodes"))).containsExactly("fi:park-007-org-2", "fi:park-007-org-4");
        assertThat(next.get("totalCount").asInt()).isEqualTo(4);
        assertThat(next.get("pageInfo").get("hasNextPage").asBoolean()).isFalse();
        assertThat(next.get("pageInfo").get("hasPreviousPage").asBoolean()).isTrue();
        // without first, a connection pages by kb.api.default-page-size (20): all five; org-0 and org-1 operate one process
        // each, the three new ones none
        var all = park.get("all");
        assertThat(all.get("totalCount").asInt()).isEqualTo(5);
        assertThat(all.get("nodes").get(0).get("processesConnection").get("totalCount").asInt()).isEqualTo(1);
        assertThat(ids(all.get("nodes").get(1).get("processesConnection").get("nodes"))).containsExactly("fi:park-007-org-1-process");
        assertThat(all.get("nodes").get(4).get("processesConnection").get("totalCount").asInt()).isEqualTo(0);
    }

    private static List<String> ids(JsonNode list) {
        var ids = new ArrayList<String>();
        list.forEach(n -> ids.add(n.get("id").asString()));
        return ids;
    }

    @Test
    void cursor_pages_walk_the_whole_list_in_id_order() {
        var seen = new ArrayList<String>();
        String after = null;
        int pages = 0;
        do {
            var page = http.graphql("query($after: String) { parks(first: 50, after: $after) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } }",
                    after == null ? Map.of() : Map.of("after", after)).body().get("data").get("parks");
            page.get("nodes").forEach(n -> seen.add(n.get("id").asString()));
            assertThat(page.get("totalCount").asInt()).isEqualTo(120);
            after = page.get("pageInfo").get("hasNextPage").asBoolean() ? page.get("pageInfo").get("endCursor").asString() : null;
            pages++;
        } while (after != null);

        assertThat(pages).isEqualTo(3); // 50 + 50 + 20
        assertThat(seen).hasSize(120).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void filters_by_network_country_and_name() {
        // parks 0, 3, ..., 117 are in the network: 40 of them
        assertThat(data("{ parks(filter: {network: \"fi:net\"}, first: 0) { totalCount } }").get("parks").get("totalCount").asInt()).isEqualTo(40);
        // parks 100..119 are Swedish
        assertThat(data("{ parks(filter: {country: \"SE\"}) { totalCount } }").get("parks").get("totalCount").asInt()).isEqualTo(20);
        // even-numbered parks are called "Kemi n"; the match ignores case
        assertThat(data("{ parks(filter: {nameContains: \"kEMI\"}) { totalCount } }").get("parks").get("totalCount").asInt()).isEqualTo(60);
        // organizations of parks in the network: 40 parks × 2
        assertThat(data("{ organizations(filter: {network: \"fi:net\"}) { totalCount } }").get("organizations").get("totalCount").asInt()).isEqualTo(80);
        assertThat(data("{ processes(filter: {park: \"fi:park-005\"}) { nodes { id } } }").get("processes").get("nodes").size()).isEqualTo(2);
    }

    @Test
    void a_networks_parks_are_found_from_the_network_not_by_reading_every_park() {
        var page = new JsonNode[1];
        String statement = translated(() -> page[0] = data("{ parks(filter: {network: \"fi:net\"}, first: 5) { nodes { id } } }"));
        // parks 0, 3, 6, 9, 12: the first five of the network's 40 by id
        assertThat(page[0].get("parks").get("nodes").findValuesAsString("id"))
                .containsExactly("fi:park-000", "fi:park-003", "fi:park-006", "fi:park-009", "fi:park-012");

        var operators = new ArrayList<String>();
        try (var bolt = org.neo4j.driver.GraphDatabase.driver(org.symbiosiskb.support.TestDatabase.boltUri(), org.neo4j.driver.AuthTokens.none());
             var session = bolt.session()) {
            collect(session.run("EXPLAIN " + statement).consume().plan(), operators);
        }
        // the plan seeks the network by its id and expands to its parks; no scan of every park
        assertThat(operators).anyMatch(o -> o.startsWith("NodeUniqueIndexSeek")).noneMatch(o -> o.startsWith("NodeByLabelScan"));
        // and it does not ask each park it reached whether it is a member: MEMBER_OF once, in the pattern it starts from
        assertThat(statement.split("MEMBER_OF", -1)).as(statement).hasSize(2);
    }

    @Test
    void a_filter_on_a_records_own_property_leaves_placeholders_out_without_asking_each_record_whether_it_is_one() {
        // an organization of fi in a Swedish park that is not here yet: the park is a placeholder (id, source, mark only)
        var doc = Map.of("format", "symbiosis-kb/1", "partner", "fi", "organizations",
                List.of(Map.of("id", "fi:visitor", "name", "Visitor", "park", "se:lulea", "kind", "COMPANY")));
        var response = http.post("/api/v1/datasets", doc);
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        assertThat(neo4j.query("MATCH (k:Park {id: 'se:lulea', placeholder: true}) RETURN count(k)").fetchAs(Long.class).one()).contains(1L);

        var answers = new ArrayList<JsonNode>();
        String unfiltered = translated(() -> answers.add(data("{ parks(first: 200) { nodes { id } } }")));
        String byCountry = translated(() -> answers.add(data("{ parks(filter: {country: \"SE\"}, first: 200) { nodes { id } } }")));
        String byName = translated(() -> answers.add(data("{ parks(filter: {nameContains: \"lulea\"}, first: 200) { nodes { id } } }")));

        // unfiltered: the 120 parks, not the placeholder, which the statement asks of each park
        assertThat(answers.get(0).get("parks").get("nodes").findValuesAsString("id")).hasSize(120).doesNotContain("se:lulea");
        assertThat(unfiltered).contains("placeholder IS NULL");
        // the placeholder has no country or name of its own (GraphQL shows its id as its name): no filter on them passes
        // it, so their statements do not ask. Parks 100 to 119 are in Sweden: 20
        assertThat(answers.get(1).get("parks").get("nodes").findValuesAsString("id")).hasSize(20).doesNotContain("se:lulea");
        assertThat(answers.get(2).get("parks").get("nodes").findValuesAsString("id")).isEmpty();
        assertThat(List.of(byCountry, byName)).noneMatch(statement -> statement.contains("placeholder"));
    }

    /** The statement the request made: TranslatedReads logs each at DEBUG. */
    private static String translated(Runnable request) {
        var logger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.symbiosiskb.api.translation.TranslatedReads.class);
        var statements = new ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent>();
        statements.start();
        var level = logger.getLevel();
        logger.addAppender(statements);
        logger.setLevel(ch.qos.logback.classic.Level.DEBUG);
        try {
            request.run();
        } finally {
            logger.detachAppender(statements);
            logger.setLevel(level);
        }
        assertThat(statements.list).hasSize(1);
        return (String) statements.list.getFirst().getArgumentArray()[1];
    }

    private static void collect(org.neo4j.driver.summary.Plan plan, List<String> operators) {
        operators.add(plan.operatorType());
        plan.children().forEach(child -> collect(child, operators));
    }

    @Test
    void waste_code_filters_match_chapters_sub_chapters_and_entries_with_or_without_the_hazard_mark() {
        // the steel works' codes of the List of Waste: two plain entries and one hazardous (marked *) in sub-chapter 10 02,
        // one entry of sub-chapter 10 01; needs name an entry or a sub-chapter
        String p = "fi:park-000-org-0-process";
        var doc = Map.of("format", "symbiosis-kb/1", "partner", "fi",
                "sideStreams", List.of(
                        Map.of("id", "fi:slag", "name", "Slag", "producer", p, "quantity", 10, "unit", "t", "ewc", "10 02 02"),
                        Map.of("id", "fi:dust", "name", "Filter dust", "producer", p, "quantity", 10, "unit", "t", "ewc", "10 02 07*"),
                        Map.of("id", "fi:scale", "name", "Mill scale", "producer", p, "quantity", 10, "unit", "t", "ewc", "10 02 10"),
                        Map.of("id", "fi:ash", "name", "Fly ash", "producer", p, "quantity", 10, "unit", "t", "ewc", "10 01 02")),
                "needs", List.of(
                        Map.of("id", "fi:wants-dust", "process", p, "quantity", 5, "unit", "t", "ewc", "10 02 07"),
                        Map.of("id", "fi:wants-10-02", "process", p, "quantity", 5, "unit", "t", "ewc", "10 02")));
        var response = http.post("/api/v1/datasets", doc);
        assertThat(response.status()).as(response.raw()).isEqualTo(200);

        // chapter 10: all four; sub-chapter 10 02: slag, dust, scale; 10 01: ash
        assertThat(streams("10")).containsExactly("fi:ash", "fi:dust", "fi:scale", "fi:slag");
        assertThat(streams("10 02")).containsExactly("fi:dust", "fi:scale", "fi:slag");
        assertThat(streams("10 01")).containsExactly("fi:ash");
        // the entry matches whether or not either side carries the hazard mark
        assertThat(streams("10 02 07")).containsExactly("fi:dust");
        assertThat(streams("10 02 07*")).containsExactly("fi:dust");
        assertThat(streams("10 02 02*")).containsExactly("fi:slag");
        // a prefix that is not a whole level, or another chapter, matches nothing it should not
        assertThat(streams("10 02 0")).containsExactly("fi:dust", "fi:slag");
        assertThat(streams("11")).isEmpty();
        // needs: "10 02" starts both needs' codes; "10 02 07*" only the entry's
        assertThat(ids(data("{ needs(filter: {ewc: \"10 02\"}) { nodes { id } } }").get("needs").get("nodes"))).containsExactly("fi:wants-10-02", "fi:wants-dust");
        assertThat(ids(data("{ needs(filter: {ewc: \"10 02 07*\"}) { nodes { id } } }").get("needs").get("nodes"))).containsExactly("fi:wants-dust");
    }

    @Test
    void a_filtered_page_is_read_from_the_front_of_the_id_index_and_from_the_filter_when_the_front_has_too_few() {
        // 1,100 side streams by id: the first 1,050 of code 10 02 02, the last 50 of 10 01 01
        var streams = new ArrayList<Object>();
        for (int i = 0; i < 1100; i++) {
            streams.add(Map.of("id", "fi:ss-%04d".formatted(i), "name", "Stream " + i, "producer", "fi:park-000-org-0-process",
                    "quantity", 10 + i, "unit", "t", "ewc", i < 1050 ? "10 02 02" : "10 01 01"));
        }
        var response = http.post("/api/v1/datasets", Map.of("format", "symbiosis-kb/1", "partner", "fi", "sideStreams", streams));
        assertThat(response.status()).as(response.raw()).isEqualTo(200);

        // a code most streams have: its first three are the first three by id, found at the front of the index
        var common = data("{ sideStreams(filter: {ewc: \"10 02 02\"}, first: 3) { nodes { id } pageInfo { hasNextPage } } }").get("sideStreams");
        assertThat(ids(common.get("nodes"))).containsExactly("fi:ss-0000", "fi:ss-0001", "fi:ss-0002");
        assertThat(common.get("pageInfo").get("hasNextPage").asBoolean()).isTrue();
        // a code only the last 50 have: none among the first 1,000 by id (Translator.PROBE), so the page comes from the filter
        var rare = data("{ sideStreams(filter: {ewc: \"10 01 01\"}, first: 3) { nodes { id } pageInfo { hasNextPage } } }").get("sideStreams");
        assertThat(ids(rare.get("nodes"))).containsExactly("fi:ss-1050", "fi:ss-1051", "fi:ss-1052");
        assertThat(rare.get("pageInfo").get("hasNextPage").asBoolean()).isTrue();
        // after a cursor: the front starts at the cursor. Streams 1,048 and 1,049 are the last of 10 02 02, then no more
        var last = data("{ sideStreams(filter: {ewc: \"10 02 02\"}, first: 3, after: \"" + org.symbiosiskb.api.Cursors.encode("fi:ss-1047")
                + "\") { nodes { id } pageInfo { hasNextPage } } }").get("sideStreams");
        assertThat(ids(last.get("nodes"))).containsExactly("fi:ss-1048", "fi:ss-1049");
        assertThat(last.get("pageInfo").get("hasNextPage").asBoolean()).isFalse();
        // quantities 10 + i: at least 1,055 from stream 1,045 on, so of code 10 01 01 from 1,050 on; the front (streams 0 to 999) has none
        var large = data("{ sideStreams(filter: {ewc: \"10 01 01\", minQuantity: 1055}, first: 2) { nodes { id quantity } } }").get("sideStreams");
        assertThat(ids(large.get("nodes"))).containsExactly("fi:ss-1050", "fi:ss-1051");
    }

    private List<String> streams(String ewc) {
        return ids(data("{ sideStreams(filter: {ewc: \"" + ewc + "\"}) { nodes { id } } }").get("sideStreams").get("nodes"));
    }

    @Test
    void a_page_over_the_cap_or_a_foreign_cursor_is_a_bad_request_naming_the_argument() {
        var tooBig = http.graphql("{ parks(first: 100000) { nodes { id } } }").body().get("errors").get(0);
        assertThat(tooBig.get("message").asString()).startsWith("first: 100000 exceeds kb.limits.max-page-size 500");
        assertThat(tooBig.get("extensions").get("classification").asString()).isEqualTo("BAD_REQUEST");

        var badCursor = http.graphql("{ parks(after: \"nonsense!\") { nodes { id } } }").body().get("errors").get(0);
        assertThat(badCursor.get("message").asString()).startsWith("after:");
        assertThat(badCursor.get("extensions").get("classification").asString()).isEqualTo("BAD_REQUEST");
    }

    @Test
    void an_unknown_id_is_null_and_an_invalid_query_is_a_bad_request() {
        assertThat(data("{ park(id: \"fi:nowhere\") { id } }").get("park").isNull()).isTrue();

        var invalid = http.graphql("{ park(id: \"fi:park-001\") { noSuchField } }").body().get("errors").get(0);
        assertThat(invalid.get("extensions").get("classification").asString()).isEqualTo("BAD_REQUEST");
    }

    @Test
    void the_location_of_an_organization_defaults_to_its_parks() {
        var org = data("{ organization(id: \"fi:park-002-org-0\") { location { lat lon } park { id location { lat } } } }").get("organization");
        // park 2 lies at 60 + 2 × 0.01 = 60.02
        assertThat(org.get("location").get("lat").asDouble()).isEqualTo(60.02);
        assertThat(org.get("park").get("id").asString()).isEqualTo("fi:park-002");
    }
}
