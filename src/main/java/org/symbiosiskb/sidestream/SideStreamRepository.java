package org.symbiosiskb.sidestream;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.symbiosiskb.graph.Cypher;
import org.symbiosiskb.graph.FlowById;

/** Cypher for side streams, flows, needs and waste codes. Relationship reads take many parents at once ({@code $ids}). */
@Component
class SideStreamRepository {

    static final String STREAM_BY_ID = "MATCH (n:SideStream {id: $id}) RETURN n";
    static final String STREAMS_BY_IDS = "UNWIND $ids AS key MATCH (n:SideStream {id: key}) RETURN key, n";
    private static final String FLOW = " f, s.id AS from, c.id AS to";
    /** A flow by id, whether it counts (SUPPLIES) or waits for the other partner's consent (PROPOSED_SUPPLIES). */
    static final String FLOWS_BY_IDS = "UNWIND $ids AS key\n" + FlowById.call("key", "key", "f") + """
            WITH key, startNode(f) AS s, f, endNode(f) AS c
            RETURN key,""" + FLOW;
    static final String FLOWS_OUT_OF_STREAMS = """
            UNWIND $ids AS key MATCH (s:SideStream {id: key})-[f:SUPPLIES]->(c:Process)
            RETURN key,""" + FLOW + " ORDER BY f.id";
    static final String FLOWS_INTO_PROCESSES = """
            UNWIND $ids AS key MATCH (s:SideStream)-[f:SUPPLIES]->(c:Process {id: key})
            RETURN key,""" + FLOW + " ORDER BY f.id";

    static final String NEED_BY_ID = "MATCH (n:Need {id: $id}) RETURN n";
    static final String NEEDS_BY_IDS = "UNWIND $ids AS key MATCH (n:Need {id: key}) RETURN key, n";

    static final String PRODUCER_OF_STREAMS = """
            UNWIND $ids AS key MATCH (:SideStream {id: key})<-[:PRODUCES]-(p:Process) RETURN key, p.id AS id""";

    static final String WASTE_CODE = "MATCH (n:WasteCode {code: $code}) RETURN n";
    static final String WASTE_CHAPTERS = "MATCH (n:WasteCode) WHERE size(n.code) = 2 RETURN n ORDER BY n.code";

    static final String MATCHES = "CALL kb.sideStreamMatches($sideStreamId, $year, $maxDistanceKm, $first)";
    /**
     * Streams of the park's processes (IN_PARK, or through the operator's park) with the active flows that use them;
     * a stream reported for one year (E-PRTR waste transfers) belongs to that year's table only.
     */
    static final String TABLE = """
            MATCH (park:Park {id: $parkId})
            CALL (park) {
              MATCH (park)<-[:IN_PARK]-(p:Process) RETURN p
              UNION
              MATCH (park)<-[:LOCATED_IN]-(:Organization)-[:OPERATES]->(p:Process) WHERE NOT (p)-[:IN_PARK]->(:Park)
              RETURN p
            }
            MATCH (p)-[:PRODUCES]->(n:SideStream)
            WHERE ($chapter IS NULL OR left(n.ewc, 2) = $chapter) AND coalesce(n.year, $year) = $year
            RETURN n, n.unit AS unit, COLLECT { MATCH (n)-[f:SUPPLIES]->()
                                                WHERE coalesce(f.fromYear, $year) <= $year <= coalesce(f.toYear, $year)
                                                RETURN f {.id, .quantity} } AS flows
            ORDER BY n.ewc, n.id""";
    /** The flows a stream's available quantity depends on in a year. */
    static final String ACTIVE_FLOWS_OUT = """
            MATCH (:SideStream {id: $id})-[f:SUPPLIES]->()
            WHERE coalesce(f.fromYear, $year) <= $year <= coalesce(f.toYear, $year)
            RETURN f.id AS id""";

    static final String PUBLISHED_FOOTPRINT = """
            MATCH (:SideStream {id: $id})-[:PUBLISHED]->(f:Footprint {year: $year}) RETURN count(f) > 0 AS published""";

    private final Cypher cypher;

    SideStreamRepository(Cypher cypher) {
        this.cypher = cypher;
    }

    Optional<SideStream> sideStream(String id) {
        return cypher.one(STREAM_BY_ID, Map.of("id", id), r -> SideStream.from(r.get("n")));
    }

    Optional<Flow> flow(String id) {
        return cypher.one(FLOWS_BY_IDS, Map.of("ids", List.of(id)), Flow::from);
    }

    Optional<Need> need(String id) {
        return cypher.one(NEED_BY_ID, Map.of("id", id), r -> Need.from(r.get("n")));
    }

    Optional<WasteCode> wasteCode(String code) {
        return cypher.one(WASTE_CODE, Map.of("code", code), r -> WasteCode.from(r.get("n")));
    }

    List<WasteCode> wasteChapters() {
        return cypher.list(WASTE_CHAPTERS, Map.of(), r -> WasteCode.from(r.get("n")));
    }

    /** A table row as computed, with the flows its used and available figures sum. */
    record TableRow(SideStream stream, String unit, List<String> flowIds, double used) {
    }

    List<TableRow> table(String parkId, int year, String chapter) {
        var params = new java.util.HashMap<String, Object>();
        params.put("parkId", parkId);
        params.put("year", year);
        params.put("chapter", chapter);
        return cypher.unguarded().list(TABLE, params, r -> new TableRow(SideStream.from(r.get("n")), r.get("unit").asString(),
                r.get("flows").asList(f -> f.get("id").asString()),
                r.get("flows").asList(f -> f.get("quantity").asDouble(0)).stream().mapToDouble(Double::doubleValue).sum()));
    }

    List<SideStreamMatch> matches(String sideStreamId, int year, double maxDistanceKm, int first) {
        return cypher.list(MATCHES, Map.of("sideStreamId", sideStreamId, "year", year, "maxDistanceKm", maxDistanceKm, "first", first),
                SideStreamMatch::from);
    }

    boolean publishedFootprint(String sideStreamId, int year) {
        return cypher.unguarded().one(PUBLISHED_FOOTPRINT, Map.of("id", sideStreamId, "year", year),
                r -> r.get("published").asBoolean()).orElse(false);
    }

    List<String> activeFlowsOut(String sideStreamId, int year) {
        return cypher.unguarded().list(ACTIVE_FLOWS_OUT, Map.of("id", sideStreamId, "year", year), r -> r.get("id").asString());
    }

    Map<String, List<SideStream>> sideStreams(String query, Collection<String> ids) {
        return cypher.grouped(query, ids, r -> SideStream.from(r.get("n")));
    }

    Map<String, List<Flow>> flows(String query, Collection<String> ids) {
        return cypher.grouped(query, ids, Flow::from);
    }

    Map<String, List<Need>> needs(String query, Collection<String> ids) {
        return cypher.grouped(query, ids, r -> Need.from(r.get("n")));
    }

    Map<String, List<String>> ids(String query, Collection<String> ids) {
        return cypher.grouped(query, ids, r -> r.get("id").asString());
    }

}
