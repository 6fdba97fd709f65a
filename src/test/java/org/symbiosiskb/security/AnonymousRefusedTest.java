package org.symbiosiskb.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import org.symbiosiskb.support.HarnessInitializer;
import org.symbiosiskb.support.Http;

/** {@code kb.security.anonymous=false}: a request without a key is refused on the API, while pages still load. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "kb.example-data.enabled=false", "kb.security.anonymous=false",
        // sha256("anon-test-reader")
        "kb.security.keys=anon:READER:" + AnonymousRefusedTest.READER_HASH})
@ContextConfiguration(initializers = HarnessInitializer.class)
class AnonymousRefusedTest {

    static final String READER_HASH = "031db171500daa3b3e79d509f57111a6ba71dab9f322e14dc905d9a5ad9105ca";

    @LocalServerPort
    int port;

    @Test
    void requests_without_a_key_are_refused_when_anonymous_access_is_off() {
        var graphql = new Http(port).graphql("{ parks { totalCount } }");
        assertThat(graphql.status()).isEqualTo(401);
        assertThat(graphql.body().get("errors").get(0).get("extensions").get("classification").asString()).isEqualTo("UNAUTHORIZED");
        assertThat(graphql.body().get("errors").get(0).get("message").asString()).contains("kb.security.anonymous");
        assertThat(new Http(port).get("/api/v1/datasets/anon").status()).isEqualTo(401);
        // the page that asks for a key still loads
        assertThat(new Http(port).get("/graphiql").status()).isEqualTo(200);
        // and the key itself works
        assertThat(new Http(port, "anon-test-reader").graphql("{ parks { totalCount } }").status()).isEqualTo(200);
    }
}
