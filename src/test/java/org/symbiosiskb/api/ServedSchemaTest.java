package org.symbiosiskb.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.symbiosiskb.support.Http;
import org.symbiosiskb.support.KbTest;

/**
 * graphql/schema.graphqls is the schema clients read (code generators, gateways); it must be
 * exactly what the service serves at /graphql/schema. After a schema change, regenerate it with
 * {@code ./kb mvn test -Dtest=ServedSchemaTest -Dkb.schema.update=true}.
 */
@KbTest
class ServedSchemaTest {

    static final Path CLIENT_SCHEMA = Path.of("graphql/schema.graphqls");

    @LocalServerPort
    int port;

    @Test
    void the_schema_in_the_graphql_folder_is_the_schema_the_service_serves() throws IOException {
        var served = new Http(port).get("/graphql/schema");
        assertThat(served.status()).isEqualTo(200);
        String header = """
                # The GraphQL schema symbiosis-kb serves at /graphql (also printed at GET /graphql/schema).
                # Generated from src/main/resources/graphql/*.graphqls; a test fails when the two differ.
                # Regenerate: ./kb mvn test -Dtest=ServedSchemaTest -Dkb.schema.update=true

                """;
        String expected = header + served.raw().strip() + "\n";
        if (Boolean.getBoolean("kb.schema.update")) {
            Files.createDirectories(CLIENT_SCHEMA.getParent());
            Files.writeString(CLIENT_SCHEMA, expected);
        }
        assertThat(Files.exists(CLIENT_SCHEMA)).as(CLIENT_SCHEMA + " is missing; see this test's comment to generate it").isTrue();
        assertThat(Files.readString(CLIENT_SCHEMA))
                .as(CLIENT_SCHEMA + " differs from the served schema; regenerate it (see this test's comment)")
                .isEqualTo(expected);
    }
}
