package org.symbiosiskb.exchange;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.symbiosiskb.support.Http;

/** Small exchange documents for tests, as mutable maps so each test can break exactly one thing. */
public final class Documents {

    private Documents() {
    }

    /** One park with one of everything; valid. */
    static Map<String, Object> smallPark() {
        return parse("""
                {
                  "format": "symbiosis-kb/1",
                  "partner": "fi",
                  "networks": [{"id": "fi:net", "name": "Test network", "scope": "NATIONAL", "coordinator": "fi:coord"}],
                  "parks": [{"id": "fi:park", "name": "Test park", "location": {"lat": 65.73, "lon": 24.56},
                             "country": "FI", "origin": "SPONTANEOUS", "networks": ["fi:net"], "coordinator": "fi:coord"}],
                  "organizations": [
                    {"id": "fi:coord", "name": "Coordinator", "kind": "DEVELOPMENT_COMPANY", "role": "COORDINATOR", "park": "fi:park"},
                    {"id": "fi:steel", "name": "Steel works", "kind": "COMPANY", "role": "ANCHOR", "park": "fi:park"},
                    {"id": "fi:roads", "name": "Road builder", "kind": "COMPANY", "role": "SME", "park": "fi:park"}
                  ],
                  "processes": [
                    {"id": "fi:smelter", "name": "Smelter", "operator": "fi:steel", "outputTonnes": 1000},
                    {"id": "fi:paving", "name": "Paving", "operator": "fi:roads", "outputTonnes": 500}
                  ],
                  "emissions": [
                    {"process": "fi:smelter", "year": 2024, "scope": 1, "tCO2e": 800, "source": "PROCESS"},
                    {"process": "fi:smelter", "year": 2024, "scope": 3, "category": 1, "tCO2e": 50}
                  ],
                  "sideStreams": [{"id": "fi:slag", "name": "Slag", "producer": "fi:smelter", "quantity": 300, "unit": "t", "ewc": "10 02 02"}],
                  "flows": [{"id": "fi:slag-to-paving", "sideStream": "fi:slag", "consumer": "fi:paving", "quantity": 200,
                             "transportMode": "ROAD", "distanceKm": 20, "fromYear": 2020}],
                  "needs": [{"id": "fi:need-aggregate", "process": "fi:paving", "quantity": 100, "unit": "t", "ewc": "10 02"}],
                  "carbonSinks": [{"id": "fi:forest", "name": "Forest", "kind": "FOREST", "owner": "fi:coord",
                                   "location": {"lat": 65.7, "lon": 24.6}, "tCO2ePerYear": 1000, "park": "fi:park"}],
                  "offsetAgreements": [{"id": "fi:oa-1", "buyer": "fi:steel", "sink": "fi:forest", "tCO2ePerYear": 600,
                                        "fromYear": 2024, "toYear": 2030, "status": "ACTIVE", "pricePerTonne": 25}]
                }
                """);
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> parse(String json) {
        return (Map<String, Object>) Http.json().readValue(json, LinkedHashMap.class);
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> records(Map<String, Object> doc, String array) {
        return (List<Map<String, Object>>) doc.computeIfAbsent(array, k -> new ArrayList<>());
    }

    static Map<String, Object> record(Map<String, Object> doc, String array, int index) {
        return records(doc, array).get(index);
    }

    static Map<String, Object> document(String partner) {
        var doc = new LinkedHashMap<String, Object>();
        doc.put("format", "symbiosis-kb/1");
        doc.put("partner", partner);
        return doc;
    }
}
