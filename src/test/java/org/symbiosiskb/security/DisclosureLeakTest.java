package org.symbiosiskb.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.symbiosiskb.support.Http;
import org.symbiosiskb.support.PartnersTest;

/**
 * The disclosure rule, tried on random data: three partners' documents with records PUBLIC, NETWORK and
 * PRIVATE at random and distinctive figures (RandomPartnerData), links and consents across partners; then
 * every read path, and imports with dryRun, asked as each partner and anonymously. No figure the caller may
 * not see (by the rule written again in the test's own oracle) may stand in any byte of any answer, nor be
 * the difference of two numbers in it, nor a total's difference from the sum of the parts it lists.
 */
@PartnersTest
class DisclosureLeakTest {

    static final int DOCUMENTS = Integer.getInteger("kb.leak-test.seeds", 20);


    @LocalServerPort
    int port;
    @Autowired
    Neo4jClient neo4j;

    static IntStream seeds() {
        return IntStream.range(0, DOCUMENTS);
    }

    @ParameterizedTest(name = "random partner data, seed {0}")
    @MethodSource("seeds")
    void no_answer_gives_away_a_figure_its_caller_may_not_see(int seed) {
        neo4j.query("MATCH (n) DETACH DELETE n").run();
        var data = new RandomPartnerData(seed);
        for (String partner : RandomPartnerData.PARTNERS) {
            var imported = caller(partner).post("/api/v1/datasets", data.documents.get(partner));
            assertThat(imported.status()).as("seed %d, %s: %s", seed, partner, imported.raw()).isEqualTo(200);
        }
        for (String partner : RandomPartnerData.PARTNERS) {
            var consented = caller(partner).post("/api/v1/datasets", data.consents.get(partner));
            assertThat(consented.status()).as("seed %d, consents of %s: %s", seed, partner, consented.raw()).isEqualTo(200);
        }
        var leaks = java.util.Collections.synchronizedList(new ArrayList<String>());
        var callers = new ArrayList<String>(RandomPartnerData.PARTNERS);
        callers.add(null); // anonymous
        // the four callers ask at once: their answers do not depend on each other (nothing here writes but a rolled-back scenario)
        try (var asking = java.util.concurrent.Executors.newFixedThreadPool(callers.size())) {
            var asked = callers.stream().map(who -> asking.submit(() -> {
                var hidden = data.hiddenFrom(who);
                answers(data, who, caller(who)).forEach((path, answer) ->
                        LeakChecker.leaks(answer, hidden).forEach(leak -> leaks.add((who == null ? "anonymous" : who) + ", " + path + ": " + leak)));
                return who;
            })).toList();
            for (var done : asked) {
                done.get();
            }
        } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
            throw new AssertionError("seed " + seed + ": " + e.getCause(), e.getCause() == null ? e : e.getCause());
        }
        assertThat(leaks).as("seed %d", seed).isEmpty();
    }

    private Http caller(String partner) {
        var anonymous = new Http(port);
        return partner == null ? anonymous : anonymous.withKey(partner + "-key");
    }

    /** Every read path the service has, by name, with its raw answer. */
    static Map<String, String> answers(RandomPartnerData data, String who, Http http) {
        var answers = new LinkedHashMap<String, String>();
        answers.put("entities", graphql(http, aliased(data.processes, id -> "process(id: \"" + id + "\") { outputTonnes "
                + "emissions { tCO2e } sideStreams { quantity allocationShare flows { quantity distanceKm substitutesFactor } } "
                + "inputs { quantity } needs { quantity } }")
                + aliased(data.streams, id -> "sideStream(id: \"" + id + "\") { quantity flows { quantity } }")
                + aliased(data.sinks, id -> "carbonSink(id: \"" + id + "\") { tCO2ePerYear agreements { tCO2ePerYear pricePerTonne } }")
                + aliased(data.agreements, id -> "offsetAgreement(id: \"" + id + "\") { tCO2ePerYear pricePerTonne status }")
                + aliased(data.flows, id -> "flow(id: \"" + id + "\") { quantity distanceKm substitutesFactor }")
                + aliased(data.needs, id -> "need(id: \"" + id + "\") { quantity }")
                + aliased(data.organizations, id -> "organization(id: \"" + id + "\") { processes { outputTonnes } offsetAgreements { tCO2ePerYear } "
                        + "carbonSinks { tCO2ePerYear } }")
                + aliased(data.roadmaps, id -> "roadmap(id: \"" + id + "\") { withheld measures { tCO2ePerYear capexEUR } "
                        + "trajectory { baseline planned avoided } targetStatus { threshold planned gap } }")));
        answers.put("lists", graphql(http, """
                processes(first: 100) { totalCount nodes { outputTonnes } }
                sideStreams(first: 100) { totalCount nodes { quantity } }
                big: sideStreams(first: 100, filter: {minQuantity: 1500}) { totalCount nodes { id } }
                carbonSinks(first: 100) { totalCount nodes { tCO2ePerYear } }
                offsetAgreements(first: 100) { totalCount nodes { tCO2ePerYear } }
                active: offsetAgreements(first: 100, filter: {status: ACTIVE}) { totalCount nodes { id } }
                needs(first: 100) { totalCount nodes { quantity } }"""));
        // fields that refuse (FORBIDDEN, NOT_FOUND) null a whole aliased answer: those the oracle says are answered
        // go in one request, those it says are refused in another (whose errors are checked too)
        for (String direction : List.of("UPSTREAM", "DOWNSTREAM")) {
            split(answers, "traces " + direction, http, data.processes, id -> data.seenBy(who, id), id -> "traceEmissions(processId: \""
                    + id + "\", year: 2024, direction: " + direction + ") { direct transport inherited total intensity passedOn coverage "
                    + "paths { contribution hops { quantity share } } }");
        }
        for (String options : List.of("", ", includeScope3: true", ", includeAvoided: true", ", includeScope3: true, includeAvoided: true")) {
            split(answers, "balances" + options, http, data.parks, id -> data.seenBy(who, id), id -> "carbonBalance(parkId: \"" + id
                    + "\", year: 2024" + options + ") { gross sequestration soldOutside retained purchasedOffsets avoided net "
                    + "byProcess { tCO2e } bySource { tCO2e } }");
        }
        split(answers, "tables", http, data.parks, id -> data.knownTo(who, id), id -> "sideStreamTable(parkId: \"" + id
                + "\", year: 2024) { produced used available }");
        split(answers, "matches", http, data.streams, id -> data.seenBy(who, id), id -> "sideStreamMatches(sideStreamId: \"" + id
                + "\", year: 2024) { wanted supplyable }");
        split(answers, "curves", http, data.roadmaps, id -> data.seenBy(who, id), id -> "abatementCurve(roadmapId: \"" + id
                + "\", year: 2024) { abatement annualisedCost costPerTonne cumulativeAbatement }");
        // whether a residual may be shown depends on all of an organization's records: one request each
        each(answers, "compensation", http, data.organizations, id -> "compensationPartners(organizationId: \"" + id
                + "\", year: 2024, maxDistanceKm: 1000) { emissions contracted residual uncovered candidates { free suggestedTonnes } }");
        if (who != null) { // a scenario writes (and rolls back): anonymous clients may not
            each(answers, "scenario", http, data.parks, park -> {
                String foreignStream = data.streams.stream().filter(s -> !s.startsWith(who + ":")).findFirst().orElseThrow();
                return "simulate(parkId: \"" + park + "\", year: 2024, traceProcesses: [\"" + who + ":process0\"], changes: [{addFlow: {id: \""
                        + who + ":hypothetical\", sideStream: \"" + foreignStream + "\", consumer: \"" + who + ":process0\", quantity: 100}}]) "
                        + "{ before { gross net } after { gross net } traces { before { total inherited } after { total inherited } } }";
            });
        }
        answers.put("_entities", graphql(http, "_entities(representations: [" + data.records.values().stream()
                .filter(r -> r.process() == null && !r.id().contains(":flow") && !r.id().contains(":agreement") && !r.id().contains(":need")
                        && !r.id().contains(":cut") && !r.id().contains(":plant") && !r.id().contains(":roadmap"))
                .map(r -> "{__typename: \"" + typename(r.id()) + "\", id: \"" + r.id() + "\"}").collect(Collectors.joining(", "))
                + "]) { ... on Process { outputTonnes emissions { tCO2e } } ... on SideStream { quantity } ... on CarbonSink { tCO2ePerYear } }"));
        if (who != null) {
            answers.put("consent requests", graphql(http, "consentRequests { record target }"));
        }
        for (String partner : RandomPartnerData.PARTNERS) {
            answers.put("export of " + partner, http.get("/api/v1/datasets/" + partner).raw());
            answers.put("incremental export of " + partner, http.get("/api/v1/datasets/" + partner + "?since=2000-01-01T00:00:00Z").raw());
        }
        String own = who == null ? "lka" : who;
        // what a dry run of a document that uses others' streams and sinks far beyond their capacity answers
        var probe = new LinkedHashMap<String, Object>();
        probe.put("format", "symbiosis-kb/1");
        probe.put("partner", own);
        probe.put("flows", data.streams.stream().filter(s -> !s.startsWith(own + ":")).map(s -> Map.<String, Object>of(
                "id", own + ":probe-" + s.replace(':', '-'), "sideStream", s, "consumer", own + ":process0", "quantity", 999_999)).toList());
        probe.put("offsetAgreements", data.sinks.stream().filter(k -> !k.startsWith(own + ":")).map(k -> Map.<String, Object>of(
                "id", own + ":probe-" + k.replace(':', '-'), "buyer", own + ":org0", "sink", k, "tCO2ePerYear", 999_999,
                "fromYear", 2024, "toYear", 2025, "status", "ACTIVE")).toList());
        answers.put("dry run", http.post("/api/v1/datasets?dryRun=true", probe).raw());
        return answers;
    }

    private static String typename(String id) {
        if (id.contains(":park")) {
            return "Park";
        }
        if (id.contains(":org")) {
            return "Organization";
        }
        if (id.contains(":stream")) {
            return "SideStream";
        }
        if (id.contains(":sink")) {
            return "CarbonSink";
        }
        return "Process";
    }

    private static String aliased(List<String> ids, Function<String, String> field) {
        var query = new StringBuilder();
        for (int i = 0; i < ids.size(); i++) {
            query.append(" a").append(Integer.toHexString(ids.get(i).hashCode() & 0xfffffff)).append(i).append(": ")
                    .append(field.apply(ids.get(i))).append('\n');
        }
        return query.toString();
    }

    /**
     * The ids the oracle says the caller gets an answer for, in one aliased request (which must then have data: a
     * refusal there would mean the service and the oracle disagree), and the others in another, whose refusals'
     * messages are checked too.
     */
    private static void split(Map<String, String> answers, String path, Http http, List<String> ids,
                              java.util.function.Predicate<String> answered, Function<String, String> field) {
        var shown = ids.stream().filter(answered).toList();
        var refused = ids.stream().filter(answered.negate()).toList();
        if (!shown.isEmpty()) {
            answers.put(path, graphql(http, aliased(shown, field)));
        }
        if (!refused.isEmpty()) {
            var response = http.graphql("{ " + aliased(refused, field) + " }");
            assertThat(response.body().get("errors")).as(path + " refused: " + response.raw()).isNotNull();
            answers.put(path + " refused", response.raw());
        }
    }

    /** One request per id: an answer or an error of its own (checked too), never one that nulls the others. */
    private static void each(Map<String, String> answers, String path, Http http, List<String> ids, Function<String, String> field) {
        for (String id : ids) {
            var response = http.graphql("{ " + field.apply(id) + " }");
            // a query the service could not even run would make the check pass vacuously
            assertThat(response.raw()).as(path).doesNotContain("ValidationError", "InvalidSyntax");
            answers.put(path + " " + id, response.raw());
        }
    }

    /** The raw answer; a query the service could not even run (data null) would make the check pass vacuously. */
    private static String graphql(Http http, String fields) {
        var response = http.graphql("{ " + fields + " }");
        assertThat(response.body().get("data")).as(response.raw()).isNotNull();
        assertThat(response.body().get("data").isNull()).as(response.raw()).isFalse();
        return response.raw();
    }
}
