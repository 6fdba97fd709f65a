package org.symbiosiskb.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.symbiosiskb.support.Http;
import org.symbiosiskb.support.KbTest;

/** GraphiQL works without internet: the page names only assets the service itself serves. */
@KbTest
class GraphiqlTest {

    @LocalServerPort
    int port;

    @Test
    void graphiql_and_every_asset_it_loads_are_served_by_the_service() {
        var http = new Http(port);
        var page = http.get("/graphiql");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.raw()).contains("symbiosis-kb GraphiQL").doesNotContain("http://", "https://");

        var assets = Pattern.compile("(?:src|href)=\"(/[^\"]+)\"").matcher(page.raw()).results().map(m -> m.group(1)).toList();
        assertThat(assets).hasSizeGreaterThanOrEqualTo(6);
        for (String asset : assets) {
            var response = http.get(asset);
            assertThat(response.status()).as(asset).isEqualTo(200);
            assertThat(response.raw()).as(asset).isNotBlank();
        }
        // the page's own script talks to this service's endpoint
        assertThat(http.get("/graphiql/graphiql-kb.js").raw()).contains("/graphql");
    }
}
