package org.symbiosiskb.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.symbiosiskb.support.Http;
import org.symbiosiskb.support.PartnersTest;
import org.symbiosiskb.support.RawHttp;

/**
 * With keys configured, {@code /actuator/health} tells anyone only UP or DOWN; its components
 * and their details (data path, Neo4j version and Bolt address, exception names) are for an
 * ADMIN key. The other actuator endpoints (metrics…) are for ADMIN keys only.
 */
@PartnersTest
class ActuatorExposureTest {

    @LocalServerPort
    int port;

    @Test
    void anonymous_and_non_admin_callers_see_only_up_or_down() {
        for (var http : new Http[] {new Http(port), new Http(port, "act-reader-key")}) {
            var health = http.get("/actuator/health");
            assertThat(health.status()).isEqualTo(200);
            assertThat(health.body().get("status").asString()).isEqualTo("UP");
            // besides the status only the names of the probe groups (liveness, readiness): nothing about the machine
            assertThat(health.body().propertyNames()).as(health.raw()).isSubsetOf("status", "groups");
            assertThat(health.raw()).doesNotContain("components", "details", "neo4j", "path", "bolt", "Exception");
            var liveness = http.get("/actuator/health/liveness");
            assertThat(liveness.raw()).isEqualTo("{\"status\":\"UP\"}");
        }
    }

    @Test
    void an_admin_key_sees_the_components_and_their_details() {
        var health = new Http(port, "act-admin-key").get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().get("components").get("neo4j").get("details").get("edition").asString()).isEqualTo("community");
        assertThat(health.body().get("components").get("diskSpace").get("details").has("path")).isTrue();
    }

    @Test
    void metrics_are_for_admin_keys_only() {
        var anonymous = new Http(port).get("/actuator/metrics");
        assertThat(anonymous.status()).as(anonymous.raw()).isEqualTo(401);
        assertThat(anonymous.body().get("errors").get(0).get("message").asString()).contains("ADMIN");
        assertThat(new Http(port).get("/actuator/metrics/jvm.memory.used").status()).isEqualTo(401);
        var reader = new Http(port, "act-reader-key").get("/actuator/metrics");
        assertThat(reader.status()).as(reader.raw()).isEqualTo(403);
        assertThat(reader.body().get("errors").get(0).get("message").asString()).contains("ADMIN");
        var admin = new Http(port, "act-admin-key").get("/actuator/metrics");
        assertThat(admin.status()).isEqualTo(200);
        assertThat(admin.body().get("names").toString()).contains("jvm.memory.used");
    }

    @Test
    void any_host_name_is_answered_once_keys_are_configured() {
        // the Host check is for local mode only: a keyed service sits behind its own name
        var answer = RawHttp.post(port, "/graphql", "kb.example.org", "{\"query\": \"{ formatVersion }\"}");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    }
}
