package org.symbiosiskb.emissions;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.symbiosiskb.api.Paging;
import org.symbiosiskb.graph.Cypher;
import org.symbiosiskb.security.Caller;
import org.symbiosiskb.security.Disclosure;

/** Emission traces and carbon balances: one procedure call each; the numbers come from the database (kb.*). */
@Service
public class AnalyticsService {

    static final String TRACE = """
            CALL kb.trace($processId, $year, $direction, $allocation, $maxDepth, $cutoff, $first)""";
    static final String BALANCE = """
            CALL kb.carbonBalance($parkId, $year, $includeScope3, $includeAvoided)""";

    private final Cypher cypher;
    private final Paging paging;
    private final Disclosure disclosure;

    AnalyticsService(Cypher cypher, Paging paging, Disclosure disclosure) {
        this.cypher = cypher;
        this.paging = paging;
        this.disclosure = disclosure;
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
        disclosure.requireFigures(processId, "process", "its footprint");
        return shown(cypher.one(TRACE, params, EmissionTrace::from).orElseThrow());
    }

    /**
     * The totals count every process; the chains show what the caller may see (federation-security.md):
     * a hop through another partner's PRIVATE record keeps its place but loses its quantity and share, and
     * its chain's contribution; a chain through a record the caller may not see at all is left out.
     */
    private EmissionTrace shown(EmissionTrace trace) {
        var access = disclosure.access(trace.paths().stream().flatMap(p -> p.hops().stream()).flatMap(h -> h.ids().stream()).toList());
        var shown = new ArrayList<EmissionTrace.EmissionPath>();
        for (var path : trace.paths()) {
            var hops = new ArrayList<EmissionTrace.EmissionHop>();
            boolean hidden = false;
            boolean withheld = false;
            for (var hop : path.hops()) {
                var least = hop.ids().stream().map(id -> access.getOrDefault(id, Caller.Access.FULL)).min(Comparator.naturalOrder()).orElseThrow();
                hidden |= least == Caller.Access.NONE;
                withheld |= least == Caller.Access.NAME;
                hops.add(least == Caller.Access.FULL ? hop : hop.withoutFigures());
            }
            if (!hidden) {
                shown.add(new EmissionTrace.EmissionPath(withheld ? null : path.contribution(), hops));
            }
        }
        return trace.withPaths(shown);
    }

    public CarbonBalance balance(String parkId, int year, boolean includeScope3, boolean includeAvoided) {
        disclosure.requireFigures(parkId, "park", "its carbon balance");
        var balance = cypher.one(BALANCE, Map.of("parkId", parkId, "year", year, "includeScope3", includeScope3,
                "includeAvoided", includeAvoided), CarbonBalance::from).orElseThrow();
        var access = disclosure.access(balance.byProcess().stream().map(CarbonBalance.ProcessEmissions::processId).toList());
        boolean allShown = access.values().stream().allMatch(a -> a == Caller.Access.FULL);
        // a source bucket fed by one private process would show its figure: with any process withheld, bySource is too
        return balance.withBreakdowns(balance.byProcess().stream()
                .filter(p -> access.getOrDefault(p.processId(), Caller.Access.FULL) != Caller.Access.NONE)
                .map(p -> access.getOrDefault(p.processId(), Caller.Access.FULL) == Caller.Access.FULL ? p
                        : new CarbonBalance.ProcessEmissions(p.processId(), null))
                .toList(), allShown ? balance.bySource() : List.of());
    }
}
