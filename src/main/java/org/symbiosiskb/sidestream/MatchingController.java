package org.symbiosiskb.sidestream;

import java.time.Year;
import java.util.List;
import java.util.Map;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import org.symbiosiskb.api.BadRequestException;
import org.symbiosiskb.api.Batches;
import org.symbiosiskb.api.NotFoundException;
import org.symbiosiskb.api.Paging;
import org.symbiosiskb.graph.Cypher;
import org.symbiosiskb.organization.OrganizationService;
import org.symbiosiskb.organization.Process;
import org.symbiosiskb.park.ParkService;
import org.symbiosiskb.security.Caller;
import org.symbiosiskb.security.Disclosure;

/** sideStreamMatches (kb.sideStreamMatches) and the park's side-stream table. */
@Controller
class MatchingController {

    static final String MATCHES = "CALL kb.sideStreamMatches($sideStreamId, $year, $maxDistanceKm, $first)";
    /**
     * Streams of the park's processes (IN_PARK, or through the operator's park) with what active flows use;
     * a stream reported for one year (E-PRTR waste transfers) belongs to that year's table only.
     */
    static final String TABLE = """
            MATCH (park:Park {id: $parkId})
            CALL (park) {
              MATCH (park)<-[:IN_PARK]-(p:Process) RETURN p
              UNION
              MATCH (park)<-[:LOCATED_IN]-(:Organization)-[:OPERATES]->(p:Process) WHERE NOT (p)-[:IN_PARK]->(:Park) RETURN p
            }
            MATCH (p)-[:PRODUCES]->(n:SideStream)
            WHERE ($chapter IS NULL OR left(n.ewc, 2) = $chapter) AND coalesce(n.year, $year) = $year
            WITH n, COLLECT { MATCH (n)-[f:SUPPLIES]->()
                              WHERE coalesce(f.fromYear, $year) <= $year <= coalesce(f.toYear, $year)
                              RETURN f.quantity } AS flows
            WITH n, reduce(total = 0.0, q IN flows | total + q) AS used
            RETURN n, used, n.unit AS unit
            ORDER BY n.ewc, n.id""";

    private final Cypher cypher;
    private final Paging paging;
    private final SideStreamService sideStreams;
    private final OrganizationService organizations;
    private final ParkService parks;

    private final Disclosure disclosure;

    MatchingController(Cypher cypher, Paging paging, SideStreamService sideStreams, OrganizationService organizations, ParkService parks,
                       Disclosure disclosure) {
        this.cypher = cypher;
        this.disclosure = disclosure;
        this.paging = paging;
        this.sideStreams = sideStreams;
        this.organizations = organizations;
        this.parks = parks;
    }

    @QueryMapping
    List<SideStreamMatch> sideStreamMatches(@Argument String sideStreamId, @Argument Integer year, @Argument double maxDistanceKm,
                                            @Argument int first) {
        paging.page(first, null);
        disclosure.requireFigures(sideStreamId, "side stream", "what it could supply");
        var matches = cypher.list(MATCHES, Map.of("sideStreamId", sideStreamId, "year", year == null ? Year.now().getValue() : year,
                "maxDistanceKm", maxDistanceKm, "first", first), SideStreamMatch::from);
        var ids = new java.util.ArrayList<String>();
        matches.forEach(m -> {
            ids.add(m.processId());
            if (m.needId() != null) {
                ids.add(m.needId());
            }
        });
        var access = disclosure.access(ids);
        // a need the caller sees by name only keeps its place without its quantity (supplyable would tell it)
        return matches.stream()
                .filter(m -> access.get(m.processId()) != Caller.Access.NONE && (m.needId() == null || access.get(m.needId()) != Caller.Access.NONE))
                .map(m -> m.needId() != null && access.get(m.needId()) == Caller.Access.NAME ? m.withoutFigures() : m)
                .toList();
    }

    @QueryMapping
    List<SideStreamRow> sideStreamTable(@Argument String parkId, @Argument int year, @Argument String ewcChapter) {
        if (ewcChapter != null && !ewcChapter.matches("\\d{2}")) {
            throw new BadRequestException("ewcChapter: a List of Waste chapter is two digits, like \"10\"; found \"" + ewcChapter + "\"");
        }
        if (parks.park(parkId).isEmpty()) {
            throw new NotFoundException("no park " + parkId);
        }
        var params = new java.util.HashMap<String, Object>();
        params.put("parkId", parkId);
        params.put("year", year);
        params.put("chapter", ewcChapter);
        // the guard reduces another partner's PRIVATE stream to its name: its row keeps its place without figures
        return cypher.list(TABLE, params, r -> {
            var stream = SideStream.from(r.get("n"));
            return stream.quantity() == null ? new SideStreamRow(stream, null, null, null, r.get("unit").asString())
                    : new SideStreamRow(stream, stream.quantity(), r.get("used").asDouble(), stream.quantity() - r.get("used").asDouble(),
                    r.get("unit").asString());
        });
    }

    @BatchMapping(typeName = "SideStreamMatch", field = "need")
    Map<SideStreamMatch, Need> matchNeed(List<SideStreamMatch> list) {
        return Batches.one(list, SideStreamMatch::needId, sideStreams.needsByIds(Batches.ids(list, SideStreamMatch::needId)));
    }

    @BatchMapping(typeName = "SideStreamMatch", field = "process")
    Map<SideStreamMatch, Process> matchProcess(List<SideStreamMatch> list) {
        return Batches.one(list, SideStreamMatch::processId, organizations.processesByIds(Batches.ids(list, SideStreamMatch::processId)));
    }
}
