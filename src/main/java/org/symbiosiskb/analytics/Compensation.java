package org.symbiosiskb.analytics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.symbiosiskb.analytics.Records.Agreement;
import org.symbiosiskb.analytics.Records.Location;
import org.symbiosiskb.analytics.Records.Sink;
import org.symbiosiskb.analytics.Records.SinkPlace;

/** compensationPartners (docs/spec/analytics.md §3): nearest free sinks, greedy suggestions, network paths. */
final class Compensation {

    static final int MAX_HOPS = 6;

    private Compensation() {
    }

    record Candidate(Sink sink, double distanceKm, double free) {
    }

    /** Listed by distance, then most free, then id. */
    private static final Comparator<Candidate> ORDER = Comparator.comparingDouble(Candidate::distanceKm)
            .thenComparing(Comparator.comparingDouble(Candidate::free).reversed())
            .thenComparing(c -> c.sink().id());

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

        var near = new ArrayList<Place>();
        for (SinkPlace p : graph.sinkPlacesNear(here, maxDistanceKm)) {
            if (p.location() == null || excludedSinks.contains(p.id())) {
                continue;
            }
            double distance = here.kmTo(p.location());
            if (distance <= maxDistanceKm) { // most sinks of a network are far
                near.add(new Place(p.id(), distance));
            }
        }
        var listed = nearestFree(graph, organization, near, year, first);

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

    /** A sink within the distance, before the rest of it is read. */
    private record Place(String id, double distanceKm) {
    }

    /**
     * The first {@code first} sinks another organization owns, active in the year and with capacity left, in
     * {@link #ORDER}. Nearest first, one distance at a time, a sink is read whole and its agreements summed until
     * enough are found: within 100 km a large network has hundreds of sinks, and reading each with its owner and
     * agreements took a third of a call at benchmark size L.
     */
    private static List<Candidate> nearestFree(KnowledgeGraph graph, String organization, List<Place> near, int year, long first) {
        near.sort(Comparator.comparingDouble(Place::distanceKm));
        var listed = new ArrayList<Candidate>();
        for (int i = 0; i < near.size() && listed.size() < first; ) {
            var sameDistance = new ArrayList<Candidate>(); // their order among themselves is by free capacity
            double distance = near.get(i).distanceKm();
            for (; i < near.size() && near.get(i).distanceKm() == distance; i++) {
                Sink s = graph.sink(near.get(i).id());
                if (s == null || !s.activeIn(year) || organization.equals(s.owner())) {
                    continue;
                }
                double used = graph.agreementsOnSink(s.id()).stream().filter(a -> a.activeIn(year)).mapToDouble(Agreement::tCO2ePerYear).sum();
                double free = s.tCO2ePerYear() - used;
                if (free > 0) {
                    sameDistance.add(new Candidate(s, distance, free));
                }
            }
            sameDistance.sort(ORDER);
            listed.addAll(sameDistance);
        }
        return listed.subList(0, (int) Math.min(first, listed.size()));
    }
}
