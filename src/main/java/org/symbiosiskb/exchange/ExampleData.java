package org.symbiosiskb.exchange;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.symbiosiskb.security.Caller;
import org.symbiosiskb.security.Callers;
import org.symbiosiskb.graph.Cypher;
import org.symbiosiskb.graph.StartupData;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Finnish eco-industrial park network and a carbon roadmap for Topinpuisto (src/main/resources/example,
 * sources in SOURCES.md),
 * imported through the ordinary exchange import when the database holds no parks yet, so a first
 * start has something to show and a later start never overwrites what users changed.
 */
@Component
class ExampleData implements StartupData {

    private static final Logger log = LoggerFactory.getLogger(ExampleData.class);
    static final List<String> DOCUMENTS = List.of("example/fi.json", "example/nordic.json", "example/roadmap-topinpuisto.json",
            "example/joensuu.json");

    private final ExchangeService exchange;
    private final Cypher cypher;
    private final JsonMapper json;
    private final boolean enabled;

    ExampleData(ExchangeService exchange, Cypher cypher, JsonMapper json,
                @Value("${kb.example-data.enabled:true}") boolean enabled) {
        this.exchange = exchange;
        this.cypher = cypher.unguarded(); // service work, not a caller's read
        this.json = json;
        this.enabled = enabled;
    }

    @Override
    public void load() {
        if (!enabled) {
            return;
        }
        long parks = cypher.one("MATCH (p:Park) RETURN count(p) AS parks", Map.of(), r -> r.get("parks").asLong()).orElse(0L);
        if (parks > 0) {
            log.info("Example data not loaded: the database already holds {} parks", parks);
            return;
        }
        importAll();
    }

    /** Imports every example document, whatever the database holds. */
    void importAll() {
        for (String document : DOCUMENTS) {
            ImportResult result = Callers.as(Caller.SYSTEM, () -> exchange.importDocument(read(document), false));
            log.info("Example data {}: {} records created", document, result.created());
        }
    }

    private Object read(String location) {
        try (var in = new ClassPathResource(location).getInputStream()) {
            return json.readValue(in, Object.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public int getOrder() {
        return 10;
    }
}
