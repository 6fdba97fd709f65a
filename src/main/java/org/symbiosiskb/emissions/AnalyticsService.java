package org.symbiosiskb.emissions;

import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.symbiosiskb.api.Paging;
import org.symbiosiskb.graph.Cypher;

/** Emission traces and carbon balances: one procedure call each; the numbers come from the database (kb.*). */
@Service
public class AnalyticsService {

    static final String TRACE = """
            CALL kb.trace($processId, $year, $direction, $allocation, $maxDepth, $cutoff, $first)""";
    static final String BALANCE = """
            CALL kb.carbonBalance($parkId, $year, $includeScope3, $includeAvoided)""";

    private final Cypher cypher;
    private final Paging paging;

    AnalyticsService(Cypher cypher, Paging paging) {
        this.cypher = cypher;
        this.paging = paging;
    }

    public EmissionTrace trace(String processId, int year, String direction, String allocation, int maxDepth, double cutoff, int first) {
        paging.page(first, null); // the page size cap applies to paths too
        var params = new HashMap<String, Object>();
        params.put("processId", processId);
        params.put("year", year);
        params.put("direction", direction);
        params.put("allocation", allocation);
        params.put("maxDepth", maxDepth);
        params.put("cutoff", cutoff);
        params.put("first", first);
        return cypher.one(TRACE, params, EmissionTrace::from).orElseThrow();
    }

    public CarbonBalance balance(String parkId, int year, boolean includeScope3, boolean includeAvoided) {
        return cypher.one(BALANCE, Map.of("parkId", parkId, "year", year, "includeScope3", includeScope3,
                "includeAvoided", includeAvoided), CarbonBalance::from).orElseThrow();
    }
}
