package org.symbiosiskb.federation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.symbiosiskb.SymbiosisKbApplication;
import org.symbiosiskb.support.DataDirectories;
import org.symbiosiskb.support.Http;

/**
 * Scheduled pulls in the whole service: with {@code kb.federation.interval=PT1S} the instance pulls its peer on its
 * own, without anyone calling sync. The peer here is a small HTTP server that publishes one document. The test waits
 * on the events themselves (the peer's status change, the peer's next request), never on the clock; when the schedule
 * starts the first pull and at which interval is {@link PeerScheduleTest}'s, on a scheduler and clock of its own.
 */
class ScheduledPullTest {

    /** A cap on waiting for an event that should come within seconds, so that a broken schedule fails instead of hanging. */
    static final long CAP_SECONDS = 120;

    @Test
    void peers_are_pulled_on_the_schedule_without_a_sync_request() throws Exception {
        var requests = new Semaphore(0);
        BlockingQueue<PeerStateChanged> changes = new LinkedBlockingQueue<>();
        ApplicationListener<ApplicationEvent> listener = event -> {
            if (event instanceof PayloadApplicationEvent<?> payload && payload.getPayload() instanceof PeerStateChanged change) {
                changes.add(change);
            }
        };
        var peer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        peer.createContext("/api/v1/datasets/sched", exchange -> {
            byte[] body = """
                    {"format": "symbiosis-kb/1", "partner": "sched",
                     "networks": [{"id": "sched:net", "name": "Scheduled network", "scope": "NORDIC"}]}"""
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
            requests.release();
        });
        peer.start();
        try (var app = new SpringApplicationBuilder(SymbiosisKbApplication.class).listeners(listener).run(
                "--server.port=0", "--kb.embedded.bolt-port=0", "--spring.neo4j.uri=", "--kb.example-data.enabled=false",
                "--kb.embedded.data-dir=" + DataDirectories.create("kb-schedule"), "--logging.level.root=WARN",
                "--kb.federation.peers[0].partner=sched", "--kb.federation.peers[0].url=http://127.0.0.1:" + peer.getAddress().getPort(),
                "--kb.federation.interval=PT1S")) {
            var http = new Http(((WebServerApplicationContext) app).getWebServer().getPort());
            // a pull reports its status after its import commits: wait for a change that is a success
            boolean succeeded = false;
            for (int changed = 0; !succeeded; changed++) {
                assertThat(changed).as("status changes without a successful pull").isLessThan(20);
                var change = changes.poll(CAP_SECONDS, TimeUnit.SECONDS);
                assertThat(change).as("a scheduled pull reported its status").isNotNull();
                succeeded = !http.get("/api/v1/peers").body().get(0).get("lastSuccessAt").isNull();
            }
            assertThat(http.graphql("{ network(id: \"sched:net\") { name } }").body().get("data").get("network").get("name").asString())
                    .isEqualTo("Scheduled network");
            requests.drainPermits();
            assertThat(requests.tryAcquire(CAP_SECONDS, TimeUnit.SECONDS)).as("pulled again on the schedule").isTrue();
        } finally {
            peer.stop(0);
        }
    }
}
