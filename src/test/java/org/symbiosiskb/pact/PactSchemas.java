package org.symbiosiskb.pact;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;

/**
 * The PACT v3 JSON Schemas in src/test/resources/pact/schemas (derived from the v3.0.3 OpenAPI of
 * wbcsd/data-exchange-protocol; NOTICE.md there), checked with format assertions on: without them a non-UUID
 * id or a date-time without a zone would pass.
 */
final class PactSchemas {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            b -> b.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

    private PactSchemas() {
    }

    static Schema schema(String name) {
        return SCHEMAS.computeIfAbsent(name, n -> {
            try (var in = PactSchemas.class.getResourceAsStream("/pact/schemas/" + n + ".schema.json")) {
                return REGISTRY.getSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8), InputFormat.JSON);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Fails naming every violation when {@code json} is not valid against the schema {@code name}. */
    static void assertValid(String name, String json) {
        var errors = schema(name).validate(json, InputFormat.JSON);
        assertThat(errors).as("%s against %s.schema.json", json.length() > 2000 ? json.substring(0, 2000) + "…" : json, name).isEmpty();
    }

    static boolean valid(String name, String json) {
        return schema(name).validate(json, InputFormat.JSON).isEmpty();
    }
}
