package org.symbiosiskb.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.symbiosiskb.SymbiosisKbApplication;
import org.symbiosiskb.support.DataDirectories;
import org.symbiosiskb.support.Http;

/**
 * Two real instances, each with its own embedded database and HTTP server, harvest each other: Finland
 * ({@code fi}) and Sweden ({@code se}). Finland reaches Sweden through a small proxy that can cut an
 * answer off halfway or replace it with an invalid document, as a failing peer would.
 * The steps build on each other, so they run in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HarvestingTest {

    // sha256 of "fi-admin", "se-admin", "se-harvester" and "fi-harvester": each instance holds only hashes
    static final String FI_ADMIN = "fi:ADMIN:" + sha256("fi-admin");
    static final String SE_ADMIN = "se:ADMIN:" + sha256("se-admin");

    ConfigurableApplicationContext finlandApp;
    ConfigurableApplicationContext swedenApp;
    Http finland;
    Http sweden;
    FaultyProxy proxy;

    @BeforeAll
    void startTwoInstances() throws IOException {
        int fiPort = freePort();
        int sePort = freePort();
        proxy = new FaultyProxy(sePort);
        // Finland's key at Sweden is a READER of fi (and the other way round): a peer reads what a partner may see
        finlandApp = start(fiPort, "fi", FI_ADMIN + ",se:READER:" + sha256("se-harvester"), "se", proxy.url(), "fi-harvester");
        swedenApp = start(sePort, "se", SE_ADMIN + ",fi:READER:" + sha256("fi-harvester"), "fi", "http://localhost:" + fiPort, "se-harvester");
        finland = new Http(fiPort, "fi-admin");
        sweden = new Http(sePort, "se-admin");

        var se = sweden.postRaw("/api/v1/datasets", """
                {"format": "symbiosis-kb/1", "partner": "se",
                 "parks": [{"id": "se:haparanda", "name": "Haparanda industrial area", "location": {"lat": 65.835, "lon": 24.137}}],
                 "organizations": [{"id": "se:steel", "name": "Haparanda Steel", "park": "se:haparanda"}],
                 "processes": [{"id": "se:furnace", "name": "Blast furnace", "operator": "se:steel", "outputTonnes": 2000}],
                 "emissions": [{"process": "se:furnace", "year": 2024, "scope": 1, "tCO2e": 1000}],
                 "sideStreams": [{"id": "se:slag", "name": "Blast furnace slag", "producer": "se:furnace", "quantity": 500, "unit": "t",
                                  "ewc": "10 02 02"}],
                 "carbonSinks": [{"id": "se:meadow", "name": "River meadow", "kind": "WETLAND", "owner": "se:steel",
                                  "location": {"lat": 65.83, "lon": 24.13}, "tCO2ePerYear": 40}]}""");
        assertThat(se.status()).as(se.raw()).isEqualTo(200);
        var fi = finland.postRaw("/api/v1/datasets", """
                {"format": "symbiosis-kb/1", "partner": "fi",
                 "parks": [{"id": "fi:tornio", "name": "Tornio industrial area", "location": {"lat": 65.848, "lon": 24.146}}],
                 "organizations": [{"id": "fi:cement-co", "name": "Tornio Cement", "park": "fi:tornio"}],
                 "processes": [{"id": "fi:cement", "name": "Cement kiln", "operator": "fi:cement-co", "outputTonnes": 1000}],
                 "emissions": [{"process": "fi:cement", "year": 2024, "scope": 1, "tCO2e": 50}],
                 "flows": [{"id": "fi:slag-to-cement", "sideStream": "se:slag", "consumer": "fi:cement", "quantity": 400}]}""");
        assertThat(fi.status()).as(fi.raw()).isEqualTo(200);
    }

    private static ConfigurableApplicationContext start(int port, String name, String keys, String peer, String peerUrl, String peerKey)
            throws IOException {
        Path data = DataDirectories.create("kb-" + name);
        return new SpringApplicationBuilder(SymbiosisKbApplication.class).run(
                "--server.port=" + port, "--kb.embedded.bolt-port=0", "--kb.embedded.data-dir=" + data, "--spring.neo4j.uri=",
                "--kb.example-data.enabled=false", "--kb.security.keys=" + keys,
                "--kb.federation.peers[0].partner=" + peer, "--kb.federation.peers[0].url=" + peerUrl,
                "--kb.federation.peers[0].key=" + peerKey, "--kb.federation.interval=0", "--kb.federation.timeout=PT20S",
                "--logging.level.root=WARN");
    }

    @AfterAll
    void stop() {
        proxy.stop();
        if (finlandApp != null) {
            finlandApp.close();
        }
        if (swedenApp != null) {
            swedenApp.close();
        }
    }

    private static void accept(Http instance, String record) {
        var consent = instance.graphql("mutation { setConsent(input: {record: \"" + record + "\", decision: ACCEPTED}) { current } }");
        assertThat(consent.body().get("errors")).as(consent.raw()).isNull();
    }

    private static double total(Http instance, String process) {
        var response = instance.graphql("{ traceEmissions(processId: \"" + process + "\", year: 2024) { total } }");
        assertThat(response.body().get("errors")).as(response.raw()).isNull();
        return response.body().get("data").get("traceEmissions").get("total").asDouble();
    }

    @Test
    @Order(1)
    void a_cross_border_flow_becomes_traceable_in_both_instances() {
        // before any pull Finland knows se:slag only as a placeholder: the kiln's footprint is its own 50 t
        assertThat(total(finland, "fi:cement")).isCloseTo(50, within(1e-9));

        // Sweden learns of Finland's flow from its slag, and accepts it in its own instance (docs/partners.md, Consent)
        assertThat(sweden.post("/api/v1/peers/fi/sync", "").status()).isEqualTo(200);
        assertThat(total(sweden, "fi:cement")).as("before Sweden's consent").isCloseTo(50, within(1e-9));
        accept(sweden, "fi:slag-to-cement");
        // the consent is Sweden's record: Finland gets it with Sweden's data
        var pull = finland.post("/api/v1/peers/se/sync", "");
        assertThat(pull.status()).as(pull.raw()).isEqualTo(200);

        // c(f) = 400 t / outputTonnes 2000 t = 0.2; F(furnace) = 1000; F(cement) = 50 + 0.2 × 1000 = 250, in both instances
        assertThat(total(finland, "fi:cement")).isCloseTo(250, within(1e-9));
        assertThat(total(sweden, "fi:cement")).isCloseTo(250, within(1e-9));
        var peers = finland.get("/api/v1/peers");
        assertThat(peers.body().get(0).get("partner").asString()).isEqualTo("se");
        assertThat(peers.body().get(0).get("lastSuccessAt").isNull()).isFalse();
        assertThat(peers.body().get(0).get("lastError").isNull()).isTrue();
    }

    @Test
    @Order(2)
    void harvested_records_are_read_only_locally() {
        var change = finland.graphql("mutation { updateProcess(input: {id: \"se:furnace\", outputTonnes: 1}) { id } }");
        assertThat(change.body().get("errors").get(0).get("extensions").get("classification").asString()).isEqualTo("FORBIDDEN");
        assertThat(change.body().get("errors").get(0).get("message").asString()).contains("harvested");
        var document = finland.postRaw("/api/v1/datasets", """
                {"format": "symbiosis-kb/1", "partner": "se", "carbonSinks": [{"id": "se:meadow", "deleted": true}]}""");
        assertThat(document.status()).isEqualTo(403);
    }

    @Test
    @Order(3)
    void the_next_pull_is_incremental_and_a_peer_that_dies_mid_pull_leaves_the_earlier_state() {
        var unchanged = finland.post("/api/v1/peers/se/sync", "");
        assertThat(unchanged.status()).as(unchanged.raw()).isEqualTo(200);
        // nothing changed at Sweden: either 304 or an empty increment, never the whole dataset again
        assertThat(unchanged.raw()).doesNotContain("\"created\":1");

        var update = sweden.postRaw("/api/v1/datasets", """
                {"format": "symbiosis-kb/1", "partner": "se",
                 "emissions": [{"process": "se:furnace", "year": 2024, "scope": 1, "tCO2e": 2000}]}""");
        assertThat(update.status()).as(update.raw()).isEqualTo(200);

        proxy.mode = FaultyProxy.Mode.CUT;
        var cut = finland.post("/api/v1/peers/se/sync", "");
        assertThat(cut.status()).isEqualTo(502);
        assertThat(cut.body().get("error").asString()).isNotBlank();
        assertThat(total(finland, "fi:cement")).as("the earlier state").isCloseTo(250, within(1e-9));
        var peers = finland.get("/api/v1/peers").body().get(0);
        assertThat(peers.get("lastError").asString()).isEqualTo(cut.body().get("error").asString());

        proxy.mode = FaultyProxy.Mode.PASS;
        var recovered = finland.post("/api/v1/peers/se/sync", "");
        assertThat(recovered.status()).as(recovered.raw()).isEqualTo(200);
        // F(cement) = 50 + 0.2 × 2000 = 450
        assertThat(total(finland, "fi:cement")).isCloseTo(450, within(1e-9));
    }

    @Test
    @Order(4)
    void an_invalid_document_from_a_peer_is_refused_whole_and_reported() {
        proxy.mode = FaultyProxy.Mode.INVALID;
        var refused = finland.post("/api/v1/peers/se/sync", "");
        proxy.mode = FaultyProxy.Mode.PASS;
        assertThat(refused.status()).isEqualTo(502);
        assertThat(refused.body().get("error").asString()).contains("refused", "fi:intruder");
        // the valid record of the same document was not written either
        var meadow = finland.graphql("{ carbonSink(id: \"se:meadow\") { name } process(id: \"fi:intruder\") { id } }");
        assertThat(meadow.body().get("data").get("carbonSink").get("name").asString()).isEqualTo("River meadow");
        assertThat(meadow.body().get("data").get("process").isNull()).isTrue();
        assertThat(finland.get("/api/v1/peers").body().get(0).get("lastError").asString()).contains("refused");
    }

    @Test
    @Order(5)
    void a_deletion_propagates_and_a_stream_still_referenced_across_the_border_becomes_a_placeholder() {
        var delete = sweden.postRaw("/api/v1/datasets", """
                {"format": "symbiosis-kb/1", "partner": "se",
                 "carbonSinks": [{"id": "se:meadow", "deleted": true}],
                 "sideStreams": [{"id": "se:slag", "deleted": true}]}""");
        assertThat(delete.status()).as(delete.raw()).isEqualTo(200);

        var pull = finland.post("/api/v1/peers/se/sync", "");
        assertThat(pull.status()).as(pull.raw()).isEqualTo(200);
        var seen = finland.graphql("{ carbonSink(id: \"se:meadow\") { id } sideStream(id: \"se:slag\") { placeholder } }").body().get("data");
        assertThat(seen.get("carbonSink").isNull()).isTrue();
        // Finland's flow still names se:slag, so the stream is back to a placeholder: the kiln carries no slag burden
        assertThat(seen.get("sideStream").get("placeholder").asBoolean()).isTrue();
        assertThat(total(finland, "fi:cement")).isCloseTo(50, within(1e-9));
    }

    @Test
    @Order(6)
    void a_published_footprint_stands_in_for_a_private_producer() {
        // Sweden keeps its rolling mill PRIVATE but publishes the footprint of its mill scale: 0.5 t CO2e per t
        var se = sweden.postRaw("/api/v1/datasets", """
                {"format": "symbiosis-kb/1", "partner": "se",
                 "processes": [{"id": "se:mill", "name": "Rolling mill", "operator": "se:steel", "outputTonnes": 600, "visibility": "PRIVATE"}],
                 "emissions": [{"process": "se:mill", "year": 2024, "scope": 1, "tCO2e": 300}],
                 "sideStreams": [{"id": "se:scale", "name": "Mill scale", "producer": "se:mill", "quantity": 300, "unit": "t", "ewc": "10 02 10"}],
                 "footprints": [{"sideStream": "se:scale", "year": 2024, "tCO2ePerUnit": 0.5, "allocation": "MASS"}]}""");
        assertThat(se.status()).as(se.raw()).isEqualTo(200);
        var fi = finland.postRaw("/api/v1/datasets", """
                {"format": "symbiosis-kb/1", "partner": "fi",
                 "flows": [{"id": "fi:scale-to-cement", "sideStream": "se:scale", "consumer": "fi:cement", "quantity": 100}]}""");
        assertThat(fi.status()).as(fi.raw()).isEqualTo(200);
        assertThat(sweden.post("/api/v1/peers/fi/sync", "").status()).isEqualTo(200);
        accept(sweden, "fi:scale-to-cement");

        var pull = finland.post("/api/v1/peers/se/sync", "");
        assertThat(pull.status()).as(pull.raw()).isEqualTo(200);
        var seen = finland.graphql("""
                { process(id: "se:mill") { placeholder }
                  traceEmissions(processId: "fi:cement", year: 2024) { total inherited paths { contribution hops { sideStream { id } } } } }""");
        var data = seen.body().get("data");
        // the private mill never reached Finland: only its id, as the stream's producer
        assertThat(data.get("process").get("placeholder").asBoolean()).as(seen.raw()).isTrue();
        // F(cement) = 50 own + 100 t × 0.5 t CO2e/t published = 100; the slag flow carries nothing since step 5
        assertThat(data.get("traceEmissions").get("inherited").asDouble()).isCloseTo(50, within(1e-9));
        assertThat(data.get("traceEmissions").get("total").asDouble()).isCloseTo(100, within(1e-9));
        var path = data.get("traceEmissions").get("paths").get(0);
        assertThat(path.get("hops").get(0).get("sideStream").get("id").asString()).isEqualTo("se:scale");
        assertThat(path.get("contribution").asDouble()).isCloseTo(50, within(1e-9));
        // in Sweden the mill's own data is there and the trace computes it: c(f) = 100 / 600, F(mill) = 300 → 50 as well
        assertThat(sweden.post("/api/v1/peers/fi/sync", "").status()).isEqualTo(200);
        assertThat(total(sweden, "fi:cement")).isCloseTo(100, within(1e-9));
    }

    @Test
    @Order(7)
    void the_export_answers_an_unchanged_etag_with_304() throws Exception {
        var client = HttpClient.newHttpClient();
        var uri = URI.create("http://localhost:" + proxy.target + "/api/v1/datasets/se");
        var first = client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(first.headers().firstValue("KB-Harvest-Until")).isPresent();
        var again = client.send(HttpRequest.newBuilder(uri).header("If-None-Match", etag).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(again.statusCode()).isEqualTo(304);
    }

    @Test
    @Order(8)
    void a_harvested_process_in_another_partners_park_waits_for_that_partners_consent() {
        assertThat(sweden.postRaw("/api/v1/datasets", """
                {"format": "symbiosis-kb/1", "partner": "se",
                 "processes": [{"id": "se:grinding", "name": "Slag grinding", "operator": "se:steel", "park": "fi:tornio"}],
                 "emissions": [{"process": "se:grinding", "year": 2024, "scope": 1, "tCO2e": 30}]}""").status()).isEqualTo(200);
        assertThat(finland.post("/api/v1/peers/se/sync", "").status()).isEqualTo(200);
        String gross = "{ carbonBalance(parkId: \"fi:tornio\", year: 2024) { gross } }";
        // harvested or not, Sweden's process joins Tornio only with Finland's consent: gross is the kiln's 50
        assertThat(finland.graphql(gross).body().get("data").get("carbonBalance").get("gross").asDouble()).isCloseTo(50, within(1e-9));
        accept(finland, "se:grinding");
        // 50 + 30
        assertThat(finland.graphql(gross).body().get("data").get("carbonBalance").get("gross").asDouble()).isCloseTo(80, within(1e-9));
        // Sweden learns of the consent from Finland's data, and its own view of Tornio agrees
        assertThat(sweden.post("/api/v1/peers/fi/sync", "").status()).isEqualTo(200);
        assertThat(sweden.graphql(gross).body().get("data").get("carbonBalance").get("gross").asDouble()).isCloseTo(80, within(1e-9));
    }

    static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static String sha256(String key) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Forwards to the real peer; in CUT mode sends half the answer and hangs up; in INVALID mode answers an invalid document. */
    static final class FaultyProxy {
        enum Mode { PASS, CUT, INVALID }

        volatile Mode mode = Mode.PASS;
        final int target;
        private final HttpServer server;
        private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        FaultyProxy(int target) throws IOException {
            this.target = target;
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                try {
                    if (mode == Mode.INVALID) {
                        byte[] body = """
                                {"format": "symbiosis-kb/1", "partner": "se",
                                 "carbonSinks": [{"id": "se:meadow", "name": "Renamed meadow", "kind": "WETLAND", "owner": "se:steel",
                                                  "location": {"lat": 65.83, "lon": 24.13}, "tCO2ePerYear": 40}],
                                 "processes": [{"id": "fi:intruder", "name": "Not Sweden's to write"}]}""".getBytes(StandardCharsets.UTF_8);
                        exchange.sendResponseHeaders(200, body.length);
                        exchange.getResponseBody().write(body);
                        exchange.close();
                        return;
                    }
                    var request = HttpRequest.newBuilder(URI.create("http://localhost:" + target + exchange.getRequestURI()));
                    exchange.getRequestHeaders().forEach((name, values) -> {
                        if (name.equalsIgnoreCase("Authorization") || name.equalsIgnoreCase("If-None-Match")) {
                            values.forEach(v -> request.header(name, v));
                        }
                    });
                    var answer = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                    answer.headers().map().forEach((name, values) -> {
                        if (name.equalsIgnoreCase("ETag") || name.equalsIgnoreCase("KB-Harvest-Until") || name.equalsIgnoreCase("Content-Type")) {
                            exchange.getResponseHeaders().put(name, values);
                        }
                    });
                    byte[] body = answer.body();
                    if (answer.statusCode() == 304) {
                        exchange.sendResponseHeaders(304, -1);
                    } else if (mode == Mode.CUT) {
                        // announce the whole body, send half, hang up: the peer died mid-answer
                        exchange.sendResponseHeaders(answer.statusCode(), body.length);
                        OutputStream out = exchange.getResponseBody();
                        out.write(body, 0, body.length / 2);
                        out.flush();
                        exchange.close();
                    } else {
                        exchange.sendResponseHeaders(answer.statusCode(), body.length == 0 ? -1 : body.length);
                        exchange.getResponseBody().write(body);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    exchange.close();
                }
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        void stop() {
            server.stop(0);
        }
    }
}
