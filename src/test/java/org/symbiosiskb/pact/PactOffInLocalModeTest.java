package org.symbiosiskb.pact;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.symbiosiskb.support.Http;
import org.symbiosiskb.support.KbTest;

/** Local mode (no keys): no key to get a token with, so no PACT host, and ./kb start opens nothing more than before. */
@KbTest
class PactOffInLocalModeTest {

    @LocalServerPort
    int port;

    @Autowired
    PactConnector connector;

    @Test
    void without_keys_there_is_no_pact_port_and_pact_paths_say_why() {
        assertThat(connector.port()).isEqualTo(-1);
        var answer = new Http(port).get("/pact/3/footprints");
        assertThat(answer.status()).isEqualTo(404);
        PactSchemas.assertValid("error", answer.raw());
        assertThat(answer.body().get("message").asString()).contains("local mode");
        var token = new Http(port).postRaw("/pact/auth/token", "grant_type=client_credentials");
        assertThat(token.status()).isEqualTo(404);
        // everything else answers as before
        assertThat(new Http(port).graphql("{ parks(first: 1) { totalCount } }").status()).isEqualTo(200);
    }
}
