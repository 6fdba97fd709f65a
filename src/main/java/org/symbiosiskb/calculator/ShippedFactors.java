package org.symbiosiskb.calculator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.symbiosiskb.exchange.ExchangeService;
import org.symbiosiskb.graph.StartupData;
import org.symbiosiskb.security.Caller;
import org.symbiosiskb.security.Callers;
import org.symbiosiskb.security.Writes;
import tools.jackson.databind.json.JsonMapper;

/**
 * The factor sets shipped with the product (reference/factor-sets.json, sources in reference/FACTOR-SOURCES.md):
 * published values only, each with its publisher, document, year and where in the document it stands. They are
 * the records of the reserved partner {@value #PARTNER}, PUBLIC, read-only for every caller like a harvested
 * partner's, and imported at every start through the ordinary import as a harvest of that partner (the only writer
 * of its records), so an unchanged file changes nothing and a corrected value reaches the records it derives.
 */
@Component
class ShippedFactors implements StartupData, Writes.ReferencePartners {

    private static final Logger log = LoggerFactory.getLogger(ShippedFactors.class);
    static final String PARTNER = "kb";
    static final String FILE = "reference/factor-sets.json";

    private final ExchangeService exchange;
    private final JsonMapper json;

    ShippedFactors(ExchangeService exchange, JsonMapper json) {
        this.exchange = exchange;
        this.json = json;
    }

    @Override
    public Set<String> reference() {
        return Set.of(PARTNER);
    }

    @Override
    public void load() {
        var result = Callers.as(Caller.harvesting(PARTNER), () -> exchange.importDocument(document(read()), false));
        log.info("Shipped factor sets: {} created, {} updated, {} unchanged", result.created(), result.updated(), result.unchanged());
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> read() {
        try (InputStream in = new ClassPathResource(FILE).getInputStream()) {
            return json.readValue(in, Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The reference file as a {@code symbiosis-kb/1} document: a set's source is "publisher: document", its notes end
     * with the address; a factor's notes say what the publisher printed and where.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> document(Map<String, Object> reference) {
        var sets = new ArrayList<Map<String, Object>>();
        var factors = new ArrayList<Map<String, Object>>();
        for (var set : (List<Map<String, Object>>) reference.get("factorSets")) {
            var s = new LinkedHashMap<String, Object>();
            s.put("id", set.get("id"));
            s.put("name", set.get("name"));
            s.put("source", set.get("publisher") + ": " + set.get("document"));
            s.put("year", set.get("year"));
            s.put("visibility", "PUBLIC");
            s.put("notes", set.get("notes") + " " + set.get("url"));
            sets.add(s);
            for (var factor : (List<Map<String, Object>>) set.get("factors")) {
                var f = new LinkedHashMap<String, Object>();
                f.put("id", factor.get("id"));
                f.put("factorSet", set.get("id"));
                for (String field : List.of("activity", "name", "unit", "tCO2ePerUnit", "scope", "category", "biogenicCO2PerUnit")) {
                    if (factor.get(field) != null) {
                        f.put(field, factor.get(field));
                    }
                }
                f.put("visibility", "PUBLIC");
                var published = (Map<String, Object>) factor.get("published");
                f.put("notes", "Published: " + published.get("value") + " " + published.get("unit") + ". Where: " + factor.get("where")
                        + (factor.get("notes") == null ? "" : ". " + factor.get("notes")));
                factors.add(f);
            }
        }
        var document = new LinkedHashMap<String, Object>();
        document.put("format", "symbiosis-kb/1");
        document.put("partner", PARTNER);
        document.put("description", reference.get("description"));
        document.put("factorSets", sets);
        document.put("emissionFactors", factors);
        return document;
    }

    @Override
    public int getOrder() {
        return 3; // after the List of Waste, before the example data, whose activities use these factors
    }
}
