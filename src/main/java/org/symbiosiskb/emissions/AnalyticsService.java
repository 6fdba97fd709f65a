package org.symbiosiskb.emissions;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

    /**
     * What a trace's own figures are computed from: the process's emission records of the year and the
     * flows into it (and out of it, for what it passes on). The burden a flow carries is a figure of the flow
     * (its producer agreed to pass it on), so the private records further upstream do not withhold the totals.
     */
    static final String INPUTS = """
            UNWIND $pairs AS pair
            MATCH (p:Process {id: pair.process})
            WITH p, pair.process AS key, pair.year AS year
            RETURN key, year,
                   [(p)-[:REPORTED]->(e:Emission) WHERE e.year = year AND e.scope <= 2 | e.id] AS emissions,
                   [(:SideStream)-[f:SUPPLIES]->(p) WHERE coalesce(f.fromYear, year) <= year <= coalesce(f.toYear, year) | f.id] AS inputs,
                   [(p)-[:PRODUCES]->(:SideStream)-[f:SUPPLIES]->() WHERE coalesce(f.fromYear, year) <= year <= coalesce(f.toYear, year) | f.id] AS outputs""";

    private record Inputs(List<String> emissions, List<String> inputs, List<String> outputs) {

        List<String> local() {
            var local = new ArrayList<String>(emissions);
            local.addAll(inputs);
            return local;
        }
    }

    /** A process in a year: what a trace, and a product footprint, is of. */
    public record ProcessYear(String process, int year) {
    }

    private Map<ProcessYear, Inputs> inputs(Collection<ProcessYear> of) {
        var pairs = of.stream().distinct().map(py -> Map.<String, Object>of("process", py.process(), "year", py.year())).toList();
        var inputs = new HashMap<ProcessYear, Inputs>();
        cypher.unguarded().list(INPUTS, Map.of("pairs", pairs), row -> inputs.put(
                new ProcessYear(row.get("key").asString(), row.get("year").asInt()),
                new Inputs(row.get("emissions").asList(v -> v.asString()), row.get("inputs").asList(v -> v.asString()),
                        row.get("outputs").asList(v -> v.asString()))));
        return inputs;
    }

    /**
     * Whether the caller would see the process's footprint in a trace of it: the process, its emission records
     * and the flows into it (a scenario may then let a hypothetical flow carry it; roadmap.ScenarioService).
     */
    public boolean footprintShown(String processId, int year) {
        var of = new ProcessYear(processId, year);
        return footprintsShown(List.of(of)).contains(of);
    }

    /**
     * Of these processes and years, those whose trace totals the caller may see (one question to
     * security.Disclosure for all of them): the process, its emission records of the year and the flows into it.
     * The PACT host lists a computed footprint only where its figures, the trace totals, are shown.
     */
    public Set<ProcessYear> footprintsShown(Collection<ProcessYear> of) {
        var inputs = inputs(of);
        var ids = new ArrayList<String>();
        inputs.forEach((py, i) -> {
            ids.add(py.process());
            ids.addAll(i.local());
        });
        var view = disclosure.view(ids);
        var shown = new HashSet<ProcessYear>();
        inputs.forEach((py, i) -> {
            if (view.shows(py.process()) && view.showsAll(i.local())) {
                shown.add(py);
            }
        });
        return shown;
    }

    static final String PRODUCT_FOOTPRINTS = """
            UNWIND $pairs AS pair
            CALL kb.productFootprint(pair.process, pair.year)
            YIELD process, year, total, outputTonnes, perTonne, reportedShare, primaryShare, biogenicCO2, biogenicCO2PerTonne,
                  primaryShareWithBiogenic
            RETURN process, year, total, outputTonnes, perTonne, reportedShare, primaryShare, biogenicCO2, biogenicCO2PerTonne,
                   primaryShareWithBiogenic""";

    /**
     * A process's product footprint of a year (kb.productFootprint): its MASS trace total per tonne of output,
     * its primary (REPORTED or CALCULATED) and reported shares, and the biogenic CO2 beside it.
     */
    public record ProductFootprint(String process, int year, double total, Double outputTonnes, Double perTonne,
                                   Double reportedShare, Double primaryShare, double biogenicCO2, Double biogenicCO2PerTonne,
                                   Double primaryShareWithBiogenic) {
    }

    /**
     * Product footprints as computed, for the service's own bookkeeping (the PACT host keeps their versions):
     * NOT disclosed yet. Whoever shows them asks {@link #footprintsShown} for the caller first.
     */
    public List<ProductFootprint> productFootprints(Collection<ProcessYear> of) {
        var result = new ArrayList<ProductFootprint>();
        var all = List.copyOf(new java.util.LinkedHashSet<>(of));
        for (int i = 0; i < all.size(); i += 500) {
            var pairs = all.subList(i, Math.min(all.size(), i + 500)).stream()
                    .map(py -> Map.<String, Object>of("process", py.process(), "year", py.year())).toList();
            result.addAll(cypher.unguarded().list(PRODUCT_FOOTPRINTS, Map.of("pairs", pairs), r -> new ProductFootprint(
                    r.get("process").asString(), r.get("year").asInt(), r.get("total").asDouble(), EmissionTrace.nullable(r.get("outputTonnes")),
                    EmissionTrace.nullable(r.get("perTonne")), EmissionTrace.nullable(r.get("reportedShare")),
                    EmissionTrace.nullable(r.get("primaryShare")), r.get("biogenicCO2").asDouble(),
                    EmissionTrace.nullable(r.get("biogenicCO2PerTonne")), EmissionTrace.nullable(r.get("primaryShareWithBiogenic")))));
        }
        return result;
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
     * The trace as the caller may see it (security.Disclosure): its totals when the caller may see the
     * process's emission records and the flows into it (and out of it, for passedOn); each chain's hops
     * where the caller may see the flow, its stream and both processes, and its contribution only when
     * every hop and the start's own inputs are seen. A chain through a record the caller may not see at
     * all is left out.
     */
    private EmissionTrace shown(EmissionTrace trace) {
        var starts = new java.util.LinkedHashSet<ProcessYear>(List.of(new ProcessYear(trace.processId(), trace.year())));
        trace.paths().forEach(p -> starts.add(new ProcessYear(p.hops().getFirst().fromId(), trace.year())));
        var inputs = new HashMap<String, Inputs>();
        inputs(starts).forEach((py, i) -> inputs.put(py.process(), i));
        var ids = new ArrayList<String>();
        inputs.values().forEach(i -> { ids.addAll(i.local()); ids.addAll(i.outputs()); });
        trace.paths().forEach(p -> p.hops().forEach(h -> ids.addAll(h.ids())));
        var view = disclosure.view(ids);
        var own = inputs.getOrDefault(trace.processId(), new Inputs(List.of(), List.of(), List.of()));
        var shownPaths = new ArrayList<EmissionTrace.EmissionPath>();
        boolean pathWithheld = false;
        for (var path : trace.paths()) {
            if (path.hops().stream().flatMap(h -> h.ids().stream()).anyMatch(id -> view.of(id) == Caller.Access.NONE)) {
                pathWithheld = true;
                continue;
            }
            var hops = path.hops().stream().map(h -> view.showsAll(h.ids()) ? h : h.withoutFigures()).toList();
            var from = new ArrayList<String>(inputs.getOrDefault(path.hops().getFirst().fromId(), own).local());
            path.hops().forEach(h -> from.addAll(h.ids()));
            Double contribution = view.showsAll(from) ? path.contribution() : null;
            pathWithheld |= contribution == null;
            shownPaths.add(new EmissionTrace.EmissionPath(contribution, hops));
        }
        return trace.shownAs(view.showsAll(own.emissions()), view.showsAll(own.local()),
                view.showsAll(own.outputs()) && view.showsAll(own.local()), !pathWithheld, shownPaths);
    }

    public CarbonBalance balance(String parkId, int year, boolean includeScope3, boolean includeAvoided) {
        disclosure.requireFigures(parkId, "park", "its carbon balance");
        var computed = cypher.one(BALANCE, Map.of("parkId", parkId, "year", year, "includeScope3", includeScope3,
                "includeAvoided", includeAvoided), CarbonBalance.Computed::new).orElseThrow();
        return computed.shownTo(disclosure.view(computed.ids()), includeAvoided);
    }
}
