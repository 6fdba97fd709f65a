package org.symbiosiskb.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.symbiosiskb.support.Http;
import org.symbiosiskb.support.KbTest;

/** No keys configured: every request is an administrator, so HTTP answers on the loopback interface only. */
@KbTest
class LocalModeTest {

    @LocalServerPort
    int port;

    @Test
    void local_mode_listens_on_loopback_only_and_acts_as_administrator() throws IOException {
        InetAddress outside = NetworkInterface.networkInterfaces().filter(i -> {
                    try {
                        return i.isUp() && !i.isLoopback();
                    } catch (IOException e) {
                        return false;
                    }
                }).flatMap(NetworkInterface::inetAddresses).filter(a -> a instanceof Inet4Address).findFirst()
                .orElseThrow(() -> new AssertionError("this machine has no non-loopback IPv4 address to try"));
        assertThatThrownBy(() -> {
            try (var socket = new Socket()) {
                socket.connect(new InetSocketAddress(outside, port), 2000);
            }
        }).isInstanceOf(IOException.class);
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2000);
        }
        // no key, and still allowed to write any partner's records
        var written = new Http(port).graphql("mutation { createNetwork(input: {id: \"lm:net\", name: \"Local\"}) { id } }");
        assertThat(written.body().get("errors")).as(written.raw()).isNull();
        new Http(port).graphql("mutation { deleteNetwork(id: \"lm:net\") { deleted } }");
    }

    @Test
    void local_mode_is_an_administrator_for_the_health_details_too() {
        // the person at the machine: the service answers loopback names only, and ./data is theirs anyway
        var health = new Http(port).get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().get("components").get("neo4j").get("status").asString()).isEqualTo("UP");
        assertThat(new Http(port).get("/actuator/metrics").status()).isEqualTo(200);
    }
}
