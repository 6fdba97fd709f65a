package org.symbiosiskb.roadmap;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.symbiosiskb.graph.Cypher;

/** Cypher for roadmaps, targets and measures, and the two roadmap procedures. Relationship reads take many parents ({@code $ids}). */
@Component
class RoadmapRepository {

    private static final String PARK = "[(n)-[:FOR_PARK]->(p:Park) | p.id][0] AS park";
    static final String ROADMAP_BY_ID = "MATCH (n:Roadmap {id: $id}) WHERE n.placeholder IS NULL RETURN n, " + PARK;
    static final String ROADMAPS = """
            MATCH (n:Roadmap) WHERE n.placeholder IS NULL AND ($park IS NULL OR EXISTS { (n)-[:FOR_PARK]->(:Park {id: $park}) })
            RETURN n, """ + PARK + " ORDER BY n.id";
    static final String TARGETS_OF_ROADMAPS = """
            UNWIND $ids AS key MATCH (:Roadmap {id: key})-[:HAS_TARGET]->(n:Target) RETURN key, n ORDER BY n.year""";
    static final String TARGET_BY_KEY = "MATCH (r:Roadmap)-[:HAS_TARGET]->(n:Target {id: $key}) RETURN r.id AS key, n";
    static final String MEASURES_BY_IDS = "UNWIND $ids AS key MATCH (n:Measure {id: key}) RETURN key, " + Measure.COLUMNS;
    static final String ANALYSES = """
            UNWIND $ids AS key CALL kb.roadmap(key) YIELD trajectory, targetStatus, dependsOn RETURN key, trajectory, targetStatus, dependsOn""";
    static final String CURVE = """
            CALL kb.abatementCurve($roadmapId, $year)
            YIELD measure, abatement, annualisedCost, costPerTonne, cumulativeAbatement, dependsOn
            RETURN measure, abatement, annualisedCost, costPerTonne, cumulativeAbatement, dependsOn""";

    private final Cypher cypher;

    RoadmapRepository(Cypher cypher) {
        this.cypher = cypher;
    }

    Optional<Roadmap> roadmap(String id) {
        return cypher.one(ROADMAP_BY_ID, Map.of("id", id), Roadmap::from);
    }

    List<Roadmap> roadmaps(String parkId) {
        var params = new HashMap<String, Object>();
        params.put("park", parkId);
        return cypher.list(ROADMAPS, params, Roadmap::from);
    }

    Map<String, List<Roadmap>> roadmaps(String query, Collection<String> ids) {
        return cypher.grouped(query, ids, Roadmap::from);
    }

    Map<String, List<Target>> targetsOf(Collection<String> roadmapIds) {
        return cypher.grouped(TARGETS_OF_ROADMAPS, roadmapIds, Target::from);
    }

    Optional<Target> target(String key) {
        return cypher.one(TARGET_BY_KEY, Map.of("key", key), Target::from);
    }

    Map<String, List<Measure>> measures(String query, Collection<String> ids) {
        return cypher.grouped(query, ids, Measure::from);
    }

    /** One procedure call per roadmap, one statement for all of them. */
    Map<String, List<RoadmapAnalysis>> analyses(Collection<String> roadmapIds) {
        return cypher.grouped(ANALYSES, roadmapIds, RoadmapAnalysis::from);
    }

    List<CurvePoint> curve(String roadmapId, int year) {
        return cypher.list(CURVE, Map.of("roadmapId", roadmapId, "year", year), CurvePoint::from);
    }
}
