package org.symbiosiskb.pact;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.symbiosiskb.support.Http;
import org.symbiosiskb.support.TestKeys;
import tools.jackson.databind.JsonNode;

/**
 * The PACT v3 host of one real instance, over real HTTPS, on a small graph whose footprints are worked out by hand
 * below: a mine supplying half its output to a smelter (Finland), and a Swedish partner with a PRIVATE rolling mill
 * that publishes its mill scale's footprint, and a lime kiln. Every answer is checked against the v3 schemas
 * ({@link PactHttp}). The steps that change the graph come last.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PactHostTest {

    static final String FI_DATA = """
            {"format": "symbiosis-kb/1", "partner": "fi",
             "parks": [{"id": "fi:kemi", "name": "Kemi test park", "location": {"lat": 65.73, "lon": 24.56}, "country": "FI"}],
             "organizations": [{"id": "fi:mine-co", "name": "Mine Oy", "businessId": "1234567-8", "park": "fi:kemi"},
                               {"id": "fi:smelter-co", "name": "Smelter Oy", "park": "fi:kemi"}],
             "processes": [{"id": "fi:mine", "name": "Chromite mine", "operator": "fi:mine-co", "park": "fi:kemi", "outputTonnes": 1000,
                            "mainProduct": "chromite concentrate"},
                           {"id": "fi:smelter", "name": "Ferrochrome smelter", "operator": "fi:smelter-co", "park": "fi:kemi", "outputTonnes": 2000}],
             "emissions": [{"process": "fi:mine", "year": 2024, "scope": 1, "tCO2e": 100, "biogenicCO2": 20,
                            "provenance": {"kind": "REPORTED", "source": "test register"}},
                           {"process": "fi:mine", "year": 2024, "scope": 2, "tCO2e": 50},
                           {"process": "fi:smelter", "year": 2024, "scope": 1, "tCO2e": 800, "provenance": {"kind": "CALCULATED"}},
                           {"process": "fi:smelter", "year": 2024, "scope": 2, "tCO2e": 200},
                           {"process": "fi:smelter", "year": 2023, "scope": 1, "tCO2e": 900}],
             "sideStreams": [{"id": "fi:concentrate", "name": "Chromite concentrate", "producer": "fi:mine", "quantity": 500, "unit": "t"}],
             "flows": [{"id": "fi:concentrate-to-smelter", "sideStream": "fi:concentrate", "consumer": "fi:smelter", "quantity": 500}]}""";
    static final String SE_DATA = """
            {"format": "symbiosis-kb/1", "partner": "se",
             "parks": [{"id": "se:lulea", "name": "Lulea test park", "location": {"lat": 65.58, "lon": 22.15}, "country": "SE"}],
             "organizations": [{"id": "se:steel", "name": "Steel AB", "park": "se:lulea"}],
             "processes": [{"id": "se:mill", "name": "Rolling mill", "operator": "se:steel", "park": "se:lulea", "outputTonnes": 600,
                            "visibility": "PRIVATE"},
                           {"id": "se:kiln", "name": "Lime kiln", "operator": "se:steel", "park": "se:lulea", "outputTonnes": 100}],
             "emissions": [{"process": "se:mill", "year": 2024, "scope": 1, "tCO2e": 300},
                           {"process": "se:kiln", "year": 2024, "scope": 1, "tCO2e": 10}],
             "sideStreams": [{"id": "se:scale", "name": "Mill scale", "producer": "se:mill", "quantity": 300, "unit": "t", "ewc": "10 02 10"}],
             "footprints": [{"sideStream": "se:scale", "year": 2024, "tCO2ePerUnit": 0.5, "allocation": "MASS"}]}""";

    static final String SMELTER = PactIds.product("fi:smelter");
    static final String MINE = PactIds.product("fi:mine");
    static final String KILN = PactIds.product("se:kiln");
    static final String MILL = PactIds.product("se:mill");
    static final String SCALE = PactIds.product("se:scale");

    EventReceiver receiver;
    PactInstance instance;
    PactHttp pact;

    @BeforeAll
    void start() throws IOException {
        receiver = new EventReceiver();
        instance = PactInstance.start("host", 0,
                "--kb.security.keys=" + String.join(",", TestKeys.entry("fi", "ADMIN", "fi-admin"), TestKeys.entry("fi", "READER", "fi-reader"),
                        TestKeys.entry("se", "ADMIN", "se-admin")),
                "--kb.pact.callbacks.first-retry=PT0.05S",
                "--kb.pact.recipients[0].partner=fi", "--kb.pact.recipients[0].url=" + receiver.url(),
                "--kb.pact.recipients[0].client-id=" + EventReceiver.CLIENT, "--kb.pact.recipients[0].client-secret=" + EventReceiver.SECRET);
        pact = new PactHttp(instance.pactUrl());
        var fi = new Http(instance.httpPort, "fi-admin").postRaw("/api/v1/datasets", FI_DATA);
        assertThat(fi.status()).as(fi.raw()).isEqualTo(200);
        var se = new Http(instance.httpPort, "se-admin").postRaw("/api/v1/datasets", SE_DATA);
        assertThat(se.status()).as(se.raw()).isEqualTo(200);
    }

    @AfterAll
    void stop() {
        if (instance != null) {
            instance.close();
        }
        if (receiver != null) {
            receiver.close();
        }
    }

    private String fiToken() {
        return pact.token("fi", "fi-reader");
    }

    private List<JsonNode> list(String query, String token) {
        var response = pact.get("/3/footprints" + query, token);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.data();
    }

    /** What each listed footprint is of: "<product id>@<year of its reference period>". */
    private static Set<String> subjects(List<JsonNode> footprints) {
        var subjects = new HashSet<String>();
        footprints.forEach(f -> subjects.add(f.path("productIds").get(0).asString() + "@"
                + f.path("pcf").path("referencePeriodStart").asString().substring(0, 4)));
        return subjects;
    }

    private static JsonNode only(List<JsonNode> footprints, String product, int year) {
        var found = footprints.stream().filter(f -> f.path("productIds").get(0).asString().equals(product)
                && f.path("pcf").path("referencePeriodStart").asString().startsWith(year + "-")).toList();
        assertThat(found).as(product + "@" + year).hasSize(1);
        return found.getFirst();
    }

    @Test
    @Order(1)
    void a_partner_lists_every_footprint_it_may_see_and_another_partners_private_process_only_through_what_it_published() {
        // computed: processes with output and scope 1-2 records in a year; published: se:scale; se:mill is PRIVATE to se
        assertThat(subjects(list("", fiToken()))).containsExactlyInAnyOrder(MINE + "@2024", SMELTER + "@2024", SMELTER + "@2023",
                KILN + "@2024", SCALE + "@2024");
        // Sweden's own key sees its private mill as well
        assertThat(subjects(list("", pact.token("se", "se-admin")))).contains(MILL + "@2024", SCALE + "@2024");
    }

    @Test
    @Order(2)
    void a_computed_footprint_is_the_mass_trace_per_kilogram_with_its_biogenic_and_primary_parts() {
        var all = list("", fiToken());
        // mine 2024: F = 100 (scope 1, REPORTED, biogenic CO2 20 beside it) + 50 (scope 2, no provenance: ILLUSTRATIVE) = 150 t
        //   fossil 150 t / 1000 t = 0.15 kg/kg; biogenic 20 / 1000 = 0.02; pcfExcludingBiogenicUptake = 0.15 + 0.02 = 0.17
        //   primary: (100 + 20) / (150 + 20) = 120 / 170 = 70.588235294…% → 9 significant digits 70.5882353
        var mine = only(all, MINE, 2024).path("pcf");
        assertThat(mine.path("fossilGhgEmissions").asString()).isEqualTo("0.15");
        assertThat(mine.path("pcfExcludingBiogenicUptake").asString()).isEqualTo("0.17");
        assertThat(mine.path("pcfIncludingBiogenicUptake").asString()).isEqualTo("0.17");
        assertThat(mine.path("primaryDataShare").asString()).isEqualTo("70.5882353");
        // smelter 2024: local 800 (CALCULATED) + 200 = 1000; the flow of 500 t from the mine (output 1000 t) carries c = 0.5 of F(mine):
        //   F = 1000 + 0.5 × 150 = 1075 t; fossil 1075 / 2000 = 0.5375; biogenic 0.5 × 20 = 10 t → 10 / 2000 = 0.005; pcf = 0.5425
        //   primary: 800 (CALCULATED) + 0.5 × 100 (the mine's REPORTED) = 850, biogenic 10 (from the REPORTED record):
        //   (850 + 10) / (1075 + 10) = 860 / 1085 = 79.262672811…% → 79.2626728
        var smelter = only(all, SMELTER, 2024);
        assertThat(smelter.path("pcf").path("fossilGhgEmissions").asString()).isEqualTo("0.5375");
        assertThat(smelter.path("pcf").path("pcfExcludingBiogenicUptake").asString()).isEqualTo("0.5425");
        assertThat(smelter.path("pcf").path("primaryDataShare").asString()).isEqualTo("79.2626728");
        // smelter 2023: 900 t, nothing from the mine (no 2023 records): 900 / 2000 = 0.45; no primary data at all
        var smelter2023 = only(all, SMELTER, 2023).path("pcf");
        assertThat(smelter2023.path("pcfExcludingBiogenicUptake").asString()).isEqualTo("0.45");
        assertThat(smelter2023.path("primaryDataShare").asString()).isEqualTo("0");
        assertThat(only(all, SMELTER, 2023).path("comment").asString()).contains("ILLUSTRATIVE");
        // kiln: 10 t / 100 t = 0.1
        assertThat(only(all, KILN, 2024).path("pcf").path("pcfExcludingBiogenicUptake").asString()).isEqualTo("0.1");

        // what the footprint says of itself
        assertThat(smelter.path("specVersion").asString()).isEqualTo("3.0.3");
        assertThat(smelter.path("status").asString()).isEqualTo("Active");
        assertThat(smelter.path("companyName").asString()).isEqualTo("Smelter Oy");
        assertThat(smelter.path("companyIds").get(0).asString()).isEqualTo("urn:pact:symbiosis-kb:company-id:fi:smelter-co");
        assertThat(only(all, MINE, 2024).path("companyIds").get(0).asString()).isEqualTo("urn:pact:symbiosis-kb:business-id:1234567-8");
        assertThat(smelter.path("pcf").path("declaredUnitOfMeasurement").asString()).isEqualTo("kilogram");
        assertThat(smelter.path("pcf").path("declaredUnitAmount").asString()).isEqualTo("1");
        assertThat(smelter.path("pcf").path("geographyCountry").asString()).isEqualTo("FI");
        assertThat(smelter.path("pcf").path("referencePeriodStart").asString()).isEqualTo("2024-01-01T00:00:00Z");
        assertThat(smelter.path("pcf").path("referencePeriodEnd").asString()).isEqualTo("2025-01-01T00:00:00Z");
        assertThat(smelter.path("validityPeriodStart").asString()).isEqualTo("2025-01-01T00:00:00Z");
        assertThat(smelter.path("validityPeriodEnd").asString()).isEqualTo("2028-01-01T00:00:00Z");
        // the id: version 1 of what it is of, a name-based UUID
        assertThat(smelter.path("id").asString()).isEqualTo(PactIds.footprint("process:fi:smelter@2024", 1).toString());
    }

    @Test
    @Order(3)
    void a_published_footprint_carries_its_owners_figure_and_its_streams_waste_code() {
        var scale = only(list("", fiToken()), SCALE, 2024);
        assertThat(scale.path("pcf").path("pcfExcludingBiogenicUptake").asString()).isEqualTo("0.5");
        assertThat(scale.path("productClassifications").get(0).asString()).isEqualTo("urn:pact:symbiosis-kb:ewc:10-02-10");
        assertThat(scale.path("companyName").asString()).isEqualTo("Steel AB");
        assertThat(scale.path("pcf").path("geographyCountry").asString()).isEqualTo("SE");
        assertThat(scale.path("pcf").has("primaryDataShare")).as("a published footprint says nothing of its primary data").isFalse();
    }

    @Test
    @Order(4)
    void filters_are_ored_within_and_anded_across_case_insensitive_and_unknown_values_match_nothing() {
        String token = fiToken();
        assertThat(subjects(list("?productId=" + SMELTER, token))).containsExactlyInAnyOrder(SMELTER + "@2024", SMELTER + "@2023");
        assertThat(subjects(list("?productid=" + SMELTER.toUpperCase(), token))).containsExactlyInAnyOrder(SMELTER + "@2024", SMELTER + "@2023");
        assertThat(subjects(list("?companyId=urn:pact:symbiosis-kb:business-id:1234567-8", token))).containsExactly(MINE + "@2024");
        assertThat(subjects(list("?companyId=urn:pact:symbiosis-kb:business-id:1234567-8&companyId=urn:bogus:x"
                + "&companyId=urn:pact:symbiosis-kb:company-id:fi:smelter-co", token)))
                .containsExactlyInAnyOrder(MINE + "@2024", SMELTER + "@2024", SMELTER + "@2023");
        assertThat(subjects(list("?geography=fi", token))).containsExactlyInAnyOrder(MINE + "@2024", SMELTER + "@2024", SMELTER + "@2023");
        assertThat(subjects(list("?geography=SE", token))).containsExactlyInAnyOrder(KILN + "@2024", SCALE + "@2024");
        // within: Finland and Sweden lie in Northern Europe, in Europe (UN M49)
        assertThat(list("?geography=Northern%20Europe", token)).hasSize(5);
        assertThat(list("?geography=europe", token)).hasSize(5);
        assertThat(list("?geography=Western%20Europe", token)).isEmpty();
        assertThat(list("?geography=XX", token)).isEmpty();
        assertThat(subjects(list("?classification=urn:pact:symbiosis-kb:ewc:10-02-10", token))).containsExactly(SCALE + "@2024");
        assertThat(list("?classification=", token)).as("an empty value is no criterion").hasSize(5);
        // validity: the 2024 footprints are valid from 2025-01-01 to 2028-01-01, the 2023 one from 2024-01-01 to 2027-01-01
        assertThat(subjects(list("?validOn=2024-06-01T00:00:00Z", token))).containsExactly(SMELTER + "@2023");
        assertThat(subjects(list("?validAfter=2024-06-01T00:00:00.000Z", token))).hasSize(4).doesNotContain(SMELTER + "@2023");
        assertThat(subjects(list("?validBefore=2027-06-01T00:00:00Z", token))).containsExactly(SMELTER + "@2023");
        assertThat(list("?validOn=1900-01-01T00:00:00Z", token)).isEmpty();
        assertThat(list("?validAfter=2099-12-31T23:59:59Z", token)).isEmpty();
        assertThat(list("?status=active", token)).hasSize(5);
        assertThat(list("?status=Deprecated", token)).isEmpty();
        assertThat(list("?status=BogusStatus", token)).as("an unknown status matches nothing, it is no error").isEmpty();
        // AND across filters
        assertThat(subjects(list("?productId=" + SMELTER + "&validOn=2024-06-01T00:00:00Z", token))).containsExactly(SMELTER + "@2023");
        assertThat(list("?productId=" + SMELTER + "&geography=SE", token)).isEmpty();
        assertThat(list("?productId=" + MILL, token)).as("the private mill's footprint is not there for fi").isEmpty();

        var malformed = pact.get("/3/footprints?validOn=yesterday", token);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().path("code").asString()).isEqualTo("BadRequest");
        assertThat(malformed.json().path("message").asString()).contains("validOn");
        assertThat(pact.get("/3/footprints?limit=0", token).status()).isEqualTo(400);
    }

    @Test
    @Order(5)
    void limit_pages_with_absolute_next_links_on_the_requests_host_and_a_link_gives_the_same_page_every_time() {
        String token = fiToken();
        var all = new HashSet<String>();
        list("", token).forEach(f -> all.add(f.path("id").asString()));
        var paged = new HashSet<String>();
        var page = pact.get("/3/footprints?limit=2&geography=Europe", token);
        int pages = 1;
        while (true) {
            assertThat(page.data()).hasSizeLessThanOrEqualTo(2);
            page.data().forEach(f -> paged.add(f.path("id").asString()));
            String link = page.header("Link");
            if (link == null) {
                break;
            }
            String url = link.substring(link.indexOf('<') + 1, link.indexOf('>'));
            assertThat(link).endsWith("; rel=\"next\"");
            assertThat(url).startsWith("https://localhost:" + instance.pactPort + "/pact/3/footprints?").contains("limit=2", "geography=Europe");
            var again = pact.follow(url, token);
            page = pact.follow(url, token);
            assertThat(page.body()).as("the same link, the same page").isEqualTo(again.body());
            pages++;
        }
        // 5 footprints, 2 a page: 2 + 2 + 1
        assertThat(pages).isEqualTo(3);
        assertThat(paged).isEqualTo(all);
    }

    @Test
    @Order(6)
    void get_footprint_answers_by_id_404_for_an_unknown_one_and_403_for_one_the_partner_may_not_see() {
        String token = fiToken();
        var smelter = only(list("", token), SMELTER, 2024);
        var got = pact.get("/3/footprints/" + smelter.path("id").asString(), token);
        assertThat(got.status()).isEqualTo(200);
        assertThat(got.json().path("data")).isEqualTo(smelter);

        var unknown = pact.get("/3/footprints/00000000-0000-0000-0000-000000000000", token);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().path("code").asString()).isEqualTo("NotFound");
        var malformed = pact.get("/3/footprints/not-a-uuid", token);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().path("code").asString()).isEqualTo("BadRequest");

        String mill = only(list("", pact.token("se", "se-admin")), MILL, 2024).path("id").asString();
        var denied = pact.get("/3/footprints/" + mill, token);
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.json().path("code").asString()).isEqualTo("AccessDenied");
        assertThat(denied.body()).doesNotContain("0.5\"").doesNotContain("pcf");
    }

    @Test
    @Order(7)
    void tokens_need_a_partners_key_and_expire() {
        var wrong = pact.tokenRequest("fi", "not-a-key", "grant_type=client_credentials");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.json().path("error").asString()).isEqualTo("invalid_client");
        assertThat(wrong.header("WWW-Authenticate")).startsWith("Basic");
        // Sweden's key is no secret of partner fi
        assertThat(pact.tokenRequest("fi", "se-admin", "grant_type=client_credentials").status()).isEqualTo(401);
        assertThat(pact.tokenRequest(null, null, "grant_type=client_credentials").status()).isEqualTo(401);
        var noGrant = pact.tokenRequest("fi", "fi-reader", "");
        assertThat(noGrant.status()).isEqualTo(400);
        assertThat(noGrant.json().path("error").asString()).isEqualTo("invalid_request");
        var password = pact.tokenRequest("fi", "fi-reader", "grant_type=password");
        assertThat(password.status()).isEqualTo(400);
        assertThat(password.json().path("error").asString()).isEqualTo("unsupported_grant_type");
        var inBody = pact.tokenRequest(null, null, "grant_type=client_credentials&client_id=fi&client_secret=fi-reader");
        assertThat(inBody.status()).isEqualTo(200);
        assertThat(inBody.json().path("token_type").asString()).isEqualTo("Bearer");
        assertThat(inBody.json().path("expires_in").asLong()).isEqualTo(3600);

        String token = fiToken();
        var unknown = pact.get("/3/footprints", "very-invalid-access-token");
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.json().path("code").asString()).isEqualTo("BadRequest");
        assertThat(pact.get("/3/footprints", null).status()).isEqualTo(401);

        assertThat(pact.get("/3/footprints", token).status()).isEqualTo(200);
        instance.clock.advance(Duration.ofSeconds(3599));
        assertThat(pact.get("/3/footprints", token).status()).as("one second before it expires").isEqualTo(200);
        instance.clock.advance(Duration.ofSeconds(1));
        var expired = pact.get("/3/footprints", token);
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.json().path("code").asString()).isEqualTo("TokenExpired");
        assertThat(pact.get("/3/footprints", fiToken()).status()).as("a new token works").isEqualTo(200);
    }

    @Test
    @Order(8)
    void pact_answers_only_over_tls_and_its_port_serves_nothing_else_while_the_http_port_serves_the_rest() throws Exception {
        var plain = HttpClient.newHttpClient();
        var onTlsPort = plain.send(HttpRequest.newBuilder(URI.create("http://localhost:" + instance.pactPort + "/pact/3/footprints")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(onTlsPort.statusCode()).as("Tomcat refuses plain HTTP on a TLS port").isEqualTo(400);
        assertThat(onTlsPort.body()).doesNotContain("\"data\"");
        var onHttpPort = plain.send(HttpRequest.newBuilder(URI.create("http://localhost:" + instance.httpPort + "/pact/auth/token"))
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(onHttpPort.statusCode()).isEqualTo(403);
        assertThat(onHttpPort.body()).doesNotContain("access_token").contains("HTTPS");
        var list = plain.send(HttpRequest.newBuilder(URI.create("http://localhost:" + instance.httpPort + "/pact/3/footprints")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(list.statusCode()).isEqualTo(403);
        PactSchemas.assertValid("error", list.body());

        var tls = HttpClient.newBuilder().sslContext(PactInstance.trustingInstances()).build();
        for (String path : List.of("/api/v1/datasets/fi", "/graphql", "/")) {
            var elsewhere = tls.send(HttpRequest.newBuilder(URI.create("https://localhost:" + instance.pactPort + path))
                    .header("Authorization", "Bearer fi-admin").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(elsewhere.statusCode()).as(path + " on the PACT port").isEqualTo(404);
            PactSchemas.assertValid("error", elsewhere.body());
        }
        assertThat(new Http(instance.httpPort, "fi-admin").graphql("{ process(id: \"fi:mine\") { name } }").raw()).contains("Chromite mine");
        var discovery = pact.get("/.well-known/openid-configuration", null);
        assertThat(discovery.json().path("token_endpoint").asString()).isEqualTo(instance.pactUrl() + "/auth/token");
    }

    private String requestCreated(String id, String source, String productIds) {
        return """
                {"type": "org.wbcsd.pact.ProductFootprint.RequestCreatedEvent.3", "specversion": "1.0", "id": "%s",
                 "source": "%s", "time": "2026-11-30T08:00:00Z", "data": {"productId": [%s], "comment": "test"}}"""
                .formatted(id, source, productIds);
    }

    @Test
    @Order(9)
    void a_request_is_answered_asynchronously_and_a_failed_callback_is_retried() throws Exception {
        String token = fiToken();
        receiver.failNext.set(1);
        int before = receiver.attempts.get();
        String id = "request-" + UUID.randomUUID();
        var accepted = pact.postEvent(token, requestCreated(id, receiver.url(), "\"" + SMELTER + "\""));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);

        var fulfilled = receiver.await(e -> e.path("type").asString().endsWith("RequestFulfilledEvent.3")
                && e.path("data").path("requestEventId").asString().equals(id), Duration.ofSeconds(30));
        PactSchemas.assertValid("request-fulfilled-event", fulfilled.toString());
        assertThat(receiver.attempts.get() - before).as("refused once, then delivered").isGreaterThanOrEqualTo(2);
        var pfs = new java.util.ArrayList<JsonNode>();
        fulfilled.path("data").path("pfs").forEach(pfs::add);
        assertThat(subjects(pfs)).containsExactlyInAnyOrder(SMELTER + "@2024", SMELTER + "@2023");
        assertThat(fulfilled.path("source").asString()).isEqualTo(instance.pactUrl());

        // nothing matches: rejected; another partner's private process: nothing the partner may see, rejected too
        for (String product : List.of("urn:pact:null", MILL)) {
            String rejectedId = "request-" + UUID.randomUUID();
            assertThat(pact.postEvent(token, requestCreated(rejectedId, receiver.url(), "\"" + product + "\"")).status()).isEqualTo(200);
            var rejected = receiver.await(e -> e.path("data").path("requestEventId").asString().equals(rejectedId), Duration.ofSeconds(30));
            assertThat(rejected.path("type").asString()).isEqualTo("org.wbcsd.pact.ProductFootprint.RequestRejectedEvent.3");
            assertThat(rejected.path("data").path("error").path("code").asString()).isEqualTo("NotFound");
            PactSchemas.assertValid("request-rejected-event", rejected.toString());
        }
        assertThat(receiver.invalid.get()).isZero();
    }

    @Test
    @Order(10)
    void events_are_checked_before_they_are_accepted() {
        String token = fiToken();
        // a source this host was not configured to answer is refused, not called (no callbacks to arbitrary hosts)
        var stranger = pact.postEvent(token, requestCreated("r1", "https://attacker.example", "\"" + SMELTER + "\""));
        assertThat(stranger.status()).isEqualTo(400);
        assertThat(stranger.json().path("message").asString()).contains("source");
        String published = """
                {"type": "org.wbcsd.pact.ProductFootprint.PublishedEvent.3", "specversion": "1.0", "id": "p1",
                 "source": "//supplier.example/3/events", "time": "2026-11-30T08:00:00Z", "data": {"pfIds": [%s]}}""";
        assertThat(pact.postEvent(token, published.formatted("\"3a6c14a7-4deb-498a-b5ea-16ce2535b576\"")).status()).isEqualTo(200);
        var urn = pact.postEvent(token, published.formatted("\"urn:gtin:4712345060507\""));
        assertThat(urn.status()).isEqualTo(400);
        assertThat(urn.json().path("message").asString()).contains("pfIds[0]");
        var noTime = pact.postEvent(token, published.formatted("\"3a6c14a7-4deb-498a-b5ea-16ce2535b576\"")
                .replace("\"time\": \"2026-11-30T08:00:00Z\", ", ""));
        assertThat(noTime.status()).isEqualTo(400);
        assertThat(pact.postEvent("very-invalid-token", published.formatted("\"3a6c14a7-4deb-498a-b5ea-16ce2535b576\"")).status())
                .isEqualTo(401);
        assertThat(pact.postEvent(token, "{not json").status()).isEqualTo(400);
    }

    @Test
    @Order(11)
    void a_change_deprecates_the_old_version_which_keeps_its_id_and_recipients_hear_of_what_they_may_see() throws Exception {
        String token = fiToken();
        var before = only(list("", token), SMELTER, 2024);
        // the smelter's versions one a page, by subject: 2023, then 2024, the version this change deprecates
        var pageBefore = pact.get("/3/footprints?limit=1&productId=" + SMELTER, token);
        String link = pageBefore.header("Link");
        String next = link.substring(link.indexOf('<') + 1, link.indexOf('>'));
        var second = pact.follow(next, token);
        String secondPage = second.body();
        assertThat(second.data()).extracting(f -> f.path("id").asString()).containsExactly(before.path("id").asString());

        // Sweden changes its private mill: no footprint fi may see changes, so fi hears nothing of it
        var mill = new Http(instance.httpPort, "se-admin").postRaw("/api/v1/datasets", """
                {"format": "symbiosis-kb/1", "partner": "se", "emissions": [{"process": "se:mill", "year": 2024, "scope": 1, "tCO2e": 360}]}""");
        assertThat(mill.status()).as(mill.raw()).isEqualTo(200);
        // the smelter's 2024 scope 1 becomes 1000: F = 1000 + 200 + 0.5 × 150 = 1275; 1275 / 2000 = 0.6375, + 0.005 biogenic = 0.6425
        var change = new Http(instance.httpPort, "fi-admin").postRaw("/api/v1/datasets", """
                {"format": "symbiosis-kb/1", "partner": "fi",
                 "emissions": [{"process": "fi:smelter", "year": 2024, "scope": 1, "tCO2e": 1000, "provenance": {"kind": "CALCULATED"}}]}""");
        assertThat(change.status()).as(change.raw()).isEqualTo(200);

        var all = list("", token);
        var versions = all.stream().filter(f -> f.path("productIds").get(0).asString().equals(SMELTER)
                && f.path("pcf").path("referencePeriodStart").asString().startsWith("2024")).toList();
        assertThat(versions).hasSize(2);
        var old = versions.stream().filter(f -> f.path("id").asString().equals(before.path("id").asString())).findFirst().orElseThrow();
        assertThat(old.path("status").asString()).isEqualTo("Deprecated");
        assertThat(old.path("pcf")).as("a version never changes, only its status").isEqualTo(before.path("pcf"));
        var current = versions.stream().filter(f -> f.path("status").asString().equals("Active")).findFirst().orElseThrow();
        assertThat(current.path("pcf").path("pcfExcludingBiogenicUptake").asString()).isEqualTo("0.6425");
        assertThat(current.path("precedingPfIds").get(0).asString()).isEqualTo(before.path("id").asString());
        assertThat(current.path("id").asString()).isEqualTo(PactIds.footprint("process:fi:smelter@2024", 2).toString());
        assertThat(subjects(list("?status=Deprecated", token))).containsExactly(SMELTER + "@2024");

        // the page link from before the change lists what it listed then, the deprecated version with the status it had
        assertThat(pact.follow(next, token).body()).isEqualTo(secondPage);

        // the recipient (partner fi) is told of the new version and the deprecated one, never of Sweden's private mill
        String newId = current.path("id").asString();
        var millIds = new HashSet<String>();
        list("?productId=" + MILL, pact.token("se", "se-admin")).forEach(f -> millIds.add(f.path("id").asString()));
        assertThat(millIds).hasSize(2);
        var event = receiver.await(e -> {
            var ids = new HashSet<String>();
            e.path("data").path("pfIds").forEach(i -> ids.add(i.asString()));
            assertThat(ids).as("an event to fi names no footprint of the private mill").doesNotContainAnyElementsOf(millIds);
            return e.path("type").asString().endsWith("PublishedEvent.3") && ids.contains(newId);
        }, Duration.ofSeconds(30));
        PactSchemas.assertValid("published-event", event.toString());
        var ids = new HashSet<String>();
        event.path("data").path("pfIds").forEach(i -> ids.add(i.asString()));
        assertThat(ids).containsExactlyInAnyOrder(newId, before.path("id").asString());
    }
}
