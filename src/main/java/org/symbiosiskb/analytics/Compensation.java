package org.symbiosiskb.analytics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.symbiosiskb.analytics.Records.Agreement;
import org.symbiosiskb.analytics.Records.Location;
import org.symbiosiskb.analytics.Records.Sink;

/** compensationPartners (docs/spec/analytics.md §3): nearest free sinks, greedy suggestions, network paths. */
final class Compensation {

    static final int MAX_HOPS = 6;

    private Compensation() {
    }

    record Candidate(Sink sink, double distanceKm, double free) {
    }

    static AnalyticsProcedures.PlanRow run(KnowledgeGraph graph, String organization, int year, double maxDistanceKm, long first,
                                          java.util.Set<String> excludedSinks) {
        if (!graph.exists("Organization", organization)) {
            throw AnalyticsException.notFound("no organization " + organization);
        }
        if (!(maxDistanceKm >= 0)) {
            throw AnalyticsException.badRequest("maxDistanceKm must be 0 or more, found " + maxDistanceKm);
        }
        if (first < 0) {
            throw AnalyticsException.badRequest("first must be 0 or more, found " + first);
        }
        Location here = graph.locationOfOrganization(organization);
        if (here == null) {
            throw AnalyticsException.badRequest(organization + " has no location, nor a park with one; distances cannot be computed");
        }
        var processes = graph.processesOperatedBy(organization);
        double emissions = processes.stream().mapToDouble(p -> graph.directEmissions(p, year)).sum();
        var emissionsFrom = new ArrayList<String>(processes);
        processes.forEach(p -> graph.emissions(p, year).stream()
                .filter(e -> e.scope() <= 2).forEach(e -> emissionsFrom.add(e.id())));
        var active = graph.agreementsOfBuyer(organization).stream().filter(a -> a.activeIn(year)).toList();
        var contractedFrom = active.stream().map(Agreement::id).toList();
        double contracted = active.stream().mapToDouble(Agreement::tCO2ePerYear).sum();
        double residual = Math.max(0, emissions - contracted);

        var candidates = new ArrayList<Candidate>();
        for (Sink s : graph.sinksNear(here, maxDistanceKm)) {
            if (!s.activeIn(year) || organization.equals(s.owner()) || s.location() == null || excludedSinks.contains(s.id())) {
                continue;
            }
            double distance = here.kmTo(s.location());
            if (!(distance <= maxDistanceKm)) {
                continue; // before its agreements are read: most sinks of a network are far
            }
            double used = graph.agreementsOnSink(s.id()).stream().filter(a -> a.activeIn(year)).mapToDouble(Agreement::tCO2ePerYear).sum();
            double free = s.tCO2ePerYear() - used;
            if (free > 0) {
                candidates.add(new Candidate(s, distance, free));
            }
        }
        candidates.sort(Comparator.comparingDouble(Candidate::distanceKm)
                .thenComparing(Comparator.comparingDouble(Candidate::free).reversed())
                .thenComparing(c -> c.sink().id()));
        var listed = candidates.subList(0, (int) Math.min(first, candidates.size()));

        var owners = new HashSet<String>();
        listed.forEach(c -> { if (c.sink().owner() != null) owners.add(c.sink().owner()); });
        Map<String, List<String>> paths = graph.shortestPaths(organization, owners, MAX_HOPS);

        var rows = new ArrayList<Map<String, Object>>();
        double uncovered = residual;
        for (Candidate c : listed) {
            double suggested = Math.min(c.free(), uncovered);
            uncovered -= suggested;
            var row = new java.util.LinkedHashMap<String, Object>();
            row.put("sink", c.sink().id());
            row.put("owner", c.sink().owner());
            row.put("distanceKm", c.distanceKm());
            row.put("free", c.free());
            row.put("suggestedTonnes", suggested);
            List<String> path = paths.get(c.sink().owner());
            row.put("networkHops", path == null ? null : (long) path.size() - 1);
            row.put("networkPath", path);
            rows.add(row);
        }
        var plan = new AnalyticsProcedures.PlanRow();
        plan.organization = organization;
        plan.year = year;
        plan.emissions = emissions;
        plan.contracted = contracted;
        plan.residual = residual;
        plan.uncovered = uncovered;
        plan.candidates = rows;
        plan.emissionsFrom = emissionsFrom;
        plan.contractedFrom = contractedFrom;
        return plan;
    }
}
