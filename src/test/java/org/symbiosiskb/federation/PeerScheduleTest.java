package org.symbiosiskb.federation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.symbiosiskb.SymbiosisKbApplication;
import org.symbiosiskb.support.Http;

/**
 * Scheduled pulls: with {@code kb.federation.interval=PT1S} the instance pulls its peer on its own,
 * without anyone calling sync. The peer here is a small HTTP server that publishes one document.
 */
class PeerScheduleTest {

    @Test
    void peers_are_pulled_on_the_schedule_without_a_sync_request() throws Exception {
        var requests = new AtomicInteger();
        var peer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        peer.createContext("/api/v1/datasets/sched", exchange -> {
            requests.incrementAndGet();
            byte[] body = """
                    {"format": "symbiosis-kb/1", "partner": "sched",
                     "networks": [{"id": "sched:net", "name": "Scheduled network", "scope": "NORDIC"}]}"""
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        peer.start();
        try (var app = new SpringApplicationBuilder(SymbiosisKbApplication.class).run(
                "--server.port=0", "--kb.embedded.bolt-port=0", "--spring.neo4j.uri=", "--kb.example-data.enabled=false",
                "--kb.embedded.data-dir=" + Files.createTempDirectory("kb-schedule"), "--logging.level.root=WARN",
                "--kb.federation.peers[0].partner=sched", "--kb.federation.peers[0].url=http://127.0.0.1:" + peer.getAddress().getPort(),
                "--kb.federation.interval=PT1S")) {
            var http = new Http(((WebServerApplicationContext) app).getWebServer().getPort());
            // polled, not waited for: the schedule's ticks (1 s) come late on a busy machine
            long deadline = System.currentTimeMillis() + 30_000;
            // a pull records its success after its import commits: wait for the record, then look at the data
            boolean succeeded = false;
            while (!succeeded && System.currentTimeMillis() < deadline) {
                Thread.sleep(250);
                succeeded = !http.get("/api/v1/peers").body().get(0).get("lastSuccessAt").isNull();
            }
            assertThat(succeeded).as("a scheduled pull succeeded").isTrue();
            assertThat(http.graphql("{ network(id: \"sched:net\") { name } }").body().get("data").get("network").get("name").asString())
                    .isEqualTo("Scheduled network");
            int first = requests.get();
            while (requests.get() == first && System.currentTimeMillis() < deadline) {
                Thread.sleep(250);
            }
            assertThat(requests.get()).as("pulled again on the schedule").isGreaterThan(first);
        } finally {
            peer.stop(0);
        }
    }
}
