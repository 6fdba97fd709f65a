package org.symbiosiskb.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.symbiosiskb.support.Http;
import org.symbiosiskb.support.KbTest;
import org.symbiosiskb.support.NodeScripts;
import tools.jackson.databind.JsonNode;

/**
 * graphql-http's server audits (src/test/graphql-http/audit.mjs), the GraphQL-over-HTTP
 * specification's own checks, against this test's running service over real HTTP: every MUST,
 * SHOULD and MAY passes, GET included. Needs Node 20+ and {@code npm ci} in src/test/graphql-http
 * (.ci/run does it); on CI (CI=true) their absence fails the test, elsewhere it skips with the command.
 */
@KbTest
class GraphQlOverHttpAuditTest {

    static final Path AUDIT = Path.of("src/test/graphql-http");

    @LocalServerPort
    int port;

    @Test
    void every_must_should_and_may_of_the_graphql_over_http_audit_passes() throws Exception {
        NodeScripts.require(AUDIT, "graphql-http", "The GraphQL-over-HTTP audit");

        JsonNode results = Http.json().readTree(NodeScripts.run(AUDIT, List.of("audit.mjs", "http://localhost:" + port + "/graphql")));

        var failed = new ArrayList<String>();
        var ids = new ArrayList<String>();
        for (JsonNode audit : results) {
            ids.add(audit.get("id").asString());
            if (!"ok".equals(audit.get("status").asString())) {
                failed.add(audit.get("id").asString() + " " + audit.get("name").asString() + ": " + audit.get("reason").asString());
            }
        }
        assertThat(failed).as("audits that did not pass").isEmpty();
        // the audit ran in full: graphql-http 1.23.1 has 61 (13 MUST, 23 SHOULD, 25 MAY), among them the GET ones
        assertThat(ids).hasSize(61).contains("5A70", "9C48", "D6D5", "6A70");
    }
}
