package org.symbiosiskb.eprtr;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Service;
import org.symbiosiskb.analytics.Records.Location;
import org.symbiosiskb.api.BadRequestException;
import org.symbiosiskb.api.NotFoundException;
import org.symbiosiskb.api.Paging;
import org.symbiosiskb.graph.Cypher;
import org.symbiosiskb.security.Caller;
import org.symbiosiskb.security.Disclosure;
import org.symbiosiskb.sidestream.SideStream;

/**
 * facilitiesNear: the reporting facilities (processes with an {@code eprtrId}) within a radius of a
 * park that are not its members, nearest first, with what they reported: who a coordinator should
 * call. A facility counts as a member when one of the park's processes is the same register site
 * (the same eprtrId), so an example process and the imported facility are not offered twice.
 * Distances are great-circle on the sphere of docs/spec/analytics.md, from the process's location (own, else
 * its operator's, else its park's) to the park's. Rows pass the row guard; figures are shown only
 * where Disclosure gives the caller the facility and the record in full.
 */
@Service
public class FacilitiesNearService {

    static final String PARK = "MATCH (n:Park {id: $parkId}) WHERE n.placeholder IS NULL RETURN n";
    /** Candidates: the reporting facilities outside the park, with a little slack in the database's distance; Java decides exactly. */
    static final String CANDIDATES = """
            MATCH (park:Park {id: $parkId})
            WITH park, COLLECT { MATCH (park)<-[:IN_PARK]-(m:Process) RETURN m
                                 UNION
                                 MATCH (park)<-[:LOCATED_IN]-(:Organization)-[:OPERATES]->(m:Process) WHERE NOT (m)-[:IN_PARK]->(:Park)
                                 RETURN m } AS members
            WITH park, [m IN members | m.id] AS memberIds, [m IN members WHERE m.eprtrId IS NOT NULL | m.eprtrId] AS memberSites
            MATCH (n:Process) WHERE n.eprtrId IS NOT NULL AND n.placeholder IS NULL
              AND NOT n.id IN memberIds AND NOT n.eprtrId IN memberSites
            WITH park, n, coalesce(n.location,
                     head([(n)<-[:OPERATES]-(o:Organization) | coalesce(o.location, head([(o)-[:LOCATED_IN]->(k:Park) | k.location]))]),
                     head([(n)-[:IN_PARK]->(k:Park) | k.location])) AS location
            WHERE location IS NOT NULL AND point.distance(location, park.location) <= $radiusKm * 1010 + 1000
            RETURN n, location""";
    /** The REPORTED scope-1 records of the candidates, every year. */
    static final String REPORTED = """
            UNWIND $ids AS id
            MATCH (p:Process {id: id})-[:REPORTED]->(e:Emission {scope: 1, provenance: 'REPORTED'})
            RETURN id, e.id AS key, e.year AS year, e.tCO2e AS tCO2e, e.biogenicCO2 AS biogenicCO2""";
    /** Side streams with a year (waste transfers) of the candidates. */
    static final String TRANSFERS = """
            UNWIND $ids AS id
            MATCH (p:Process {id: id})-[:PRODUCES]->(n:SideStream) WHERE n.year IS NOT NULL
            RETURN id, n ORDER BY n.year, n.id""";

    private final Cypher cypher;
    private final Disclosure disclosure;
    private final Paging paging;

    FacilitiesNearService(Cypher cypher, Disclosure disclosure, Paging paging) {
        this.cypher = cypher;
        this.disclosure = disclosure;
        this.paging = paging;
    }

    private record Candidate(String id, double distanceKm) {
    }

    private record Reported(String key, int year, double tCO2e, Double biogenicCO2) {
    }

    public List<NearbyFacility> facilitiesNear(String parkId, double radiusKm, Integer year, int first) {
        if (!(radiusKm >= 0) || Double.isInfinite(radiusKm)) {
            throw new BadRequestException("radiusKm must be 0 or more, found " + radiusKm);
        }
        paging.page(first, null); // the page size cap
        var park = cypher.one(PARK, Map.of("parkId", parkId), r -> r.get("n").get("location").isNull() ? null
                : new Location(r.get("n").get("location").asPoint().y(), r.get("n").get("location").asPoint().x()))
                .orElseThrow(() -> new NotFoundException("no park " + parkId));
        var candidates = new ArrayList<Candidate>();
        cypher.list(CANDIDATES, Map.of("parkId", parkId, "radiusKm", radiusKm), r -> {
            var p = r.get("location").asPoint();
            double km = park.kmTo(new Location(p.y(), p.x()));
            if (km <= radiusKm) {
                candidates.add(new Candidate(r.get("n").get("id").asString(), km));
            }
            return Boolean.TRUE;
        });
        candidates.sort(Comparator.comparingDouble(Candidate::distanceKm).thenComparing(Candidate::id));
        var listed = candidates.subList(0, Math.min(first, candidates.size()));
        var ids = listed.stream().map(Candidate::id).toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        var reported = new HashMap<String, TreeMap<Integer, List<Reported>>>();
        cypher.list(REPORTED, Map.of("ids", ids), r -> reported.computeIfAbsent(r.get("id").asString(), k -> new TreeMap<>())
                .computeIfAbsent(r.get("year").asInt(), k -> new ArrayList<>())
                .add(new Reported(r.get("key").asString(), r.get("year").asInt(), r.get("tCO2e").asDouble(),
                        r.get("biogenicCO2").isNull() ? null : r.get("biogenicCO2").asDouble())));
        var transfers = new HashMap<String, List<SideStream>>();
        cypher.list(TRANSFERS, Map.of("ids", ids), r -> transfers.computeIfAbsent(r.get("id").asString(), k -> new ArrayList<>())
                .add(SideStream.from(r.get("n"))));
        var shownIds = new ArrayList<String>(ids);
        reported.values().forEach(byYear -> byYear.values().forEach(list -> list.forEach(e -> shownIds.add(e.key()))));
        var access = disclosure.access(shownIds);
        var result = new ArrayList<NearbyFacility>();
        for (Candidate c : listed) {
            var byYear = reported.getOrDefault(c.id(), new TreeMap<>());
            var streams = transfers.getOrDefault(c.id(), List.of());
            Integer shownYear = year != null ? year : !byYear.isEmpty() ? byYear.lastKey()
                    : streams.stream().map(SideStream::year).max(Integer::compare).orElse(null);
            boolean facilityShown = access.get(c.id()) == Caller.Access.FULL;
            var records = shownYear == null ? List.<Reported>of() : byYear.getOrDefault(shownYear, List.of());
            boolean recordsShown = facilityShown && records.stream().allMatch(e -> access.get(e.key()) == Caller.Access.FULL);
            Double tCO2e = records.isEmpty() || !recordsShown ? null : records.stream().mapToDouble(Reported::tCO2e).sum();
            Double biogenic = records.isEmpty() || !recordsShown || records.stream().allMatch(e -> e.biogenicCO2() == null) ? null
                    : records.stream().mapToDouble(e -> e.biogenicCO2() == null ? 0 : e.biogenicCO2()).sum();
            var ofYear = streams.stream().filter(s -> shownYear != null && shownYear.equals(s.year())).toList();
            // a stream the guard reduced (another partner's PRIVATE one) has no quantity: then no total either
            boolean wasteShown = facilityShown && ofYear.stream().allMatch(s -> s.quantity() != null);
            Double waste = wasteShown ? ofYear.stream().mapToDouble(SideStream::quantity).sum() : null;
            Double hazardous = wasteShown ? ofYear.stream().filter(s -> Boolean.TRUE.equals(s.hazardous())).mapToDouble(SideStream::quantity).sum() : null;
            result.add(new NearbyFacility(c.id(), c.distanceKm(), shownYear, tCO2e, biogenic, ofYear, waste, hazardous));
        }
        return result;
    }
}
