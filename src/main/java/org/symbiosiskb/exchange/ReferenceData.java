package org.symbiosiskb.exchange;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.symbiosiskb.graph.Cypher;
import org.symbiosiskb.graph.StartupData;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The European List of Waste as {@code WasteCode} nodes with their hierarchy ({@code IN}): all
 * chapters and the sub-chapters and entries the example data uses, with their titles. Loaded at
 * every start; MERGE makes it idempotent and leaves codes that imports added alone.
 */
@Component
class ReferenceData implements StartupData {

    private static final Logger log = LoggerFactory.getLogger(ReferenceData.class);
    static final String WASTE_CODES = "reference/waste-codes.json";
    static final String MERGE_WASTE_CODES = """
            UNWIND $codes AS c
            MERGE (w:WasteCode {code: c.code})
            SET w.title = c.title
            WITH w, c WHERE c.parent IS NOT NULL
            MERGE (p:WasteCode {code: c.parent})
            MERGE (w)-[:IN]->(p)
            """;

    private final Cypher cypher;
    private final JsonMapper json;

    ReferenceData(Cypher cypher, JsonMapper json) {
        this.cypher = cypher.unguarded(); // service work, not a caller's read
        this.json = json;
    }

    @Override
    public void load() {
        List<Map<String, Object>> codes;
        try (var in = new ClassPathResource(WASTE_CODES).getInputStream()) {
            codes = json.readValue(in, new TypeReference<>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var rows = codes.stream().map(c -> {
            var row = new java.util.HashMap<String, Object>(c);
            row.put("parent", WasteCodes.parent((String) c.get("code")));
            return (Map<String, Object>) row;
        }).toList();
        cypher.run(MERGE_WASTE_CODES, Map.of("codes", rows));
        log.info("List of Waste: {} chapters, sub-chapters and entries", rows.size());
    }

    @Override
    public int getOrder() {
        return 0;
    }
}
