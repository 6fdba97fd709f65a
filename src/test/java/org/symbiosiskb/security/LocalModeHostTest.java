package org.symbiosiskb.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.symbiosiskb.support.KbTest;
import org.symbiosiskb.support.RawHttp;

/**
 * Local mode (no keys) answers every request as an administrator, on loopback only. A web page
 * the user visits could still reach it by DNS rebinding (its own name, resolved to 127.0.0.1), so
 * only requests addressed to a loopback name are answered: {@code localhost}, {@code 127.0.0.1},
 * {@code [::1]}, with any port. Other Host headers get 403 in the endpoint's error shape.
 */
@KbTest
class LocalModeHostTest {

    static final String QUERY = "{\"query\": \"{ formatVersion }\"}";

    @LocalServerPort
    int port;

    @Test
    void loopback_host_names_are_answered() {
        for (String host : new String[] {"localhost:" + port, "127.0.0.1:" + port, "[::1]:" + port, "localhost", "LocalHost:" + port,
                "127.0.0.1"}) {
            var answer = RawHttp.post(port, "/graphql", host, QUERY);
            assertThat(answer.status()).as(host + ": " + answer.body()).isEqualTo(200);
            assertThat(answer.json().get("data").get("formatVersion").asString()).isEqualTo("symbiosis-kb/1");
        }
    }

    @Test
    void other_host_names_are_refused_on_every_path() {
        for (String host : new String[] {"rebind.evil.example:" + port, "localhost.evil.example", "127.0.0.1.nip.io:" + port,
                "192.168.1.20:" + port, "[::2]:" + port, ""}) {
            var graphql = RawHttp.post(port, "/graphql", host, QUERY);
            assertThat(graphql.status()).as(host + ": " + graphql.body()).isEqualTo(403);
            var error = graphql.json().get("errors").get(0);
            assertThat(error.get("extensions").get("classification").asString()).isEqualTo("FORBIDDEN");
            assertThat(error.get("message").asString()).contains("local mode").contains("localhost");

            var rest = RawHttp.get(port, "/api/v1/datasets/fi", host);
            assertThat(rest.status()).as(host).isEqualTo(403);
            assertThat(rest.json().get("errors").get(0).get("message").asString()).contains("local mode");

            assertThat(RawHttp.get(port, "/", host).status()).as(host).isEqualTo(403);
            assertThat(RawHttp.get(port, "/actuator/health", host).status()).as(host).isEqualTo(403);
        }
    }
}
