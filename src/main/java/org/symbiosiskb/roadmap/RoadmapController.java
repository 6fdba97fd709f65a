package org.symbiosiskb.roadmap;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import org.symbiosiskb.api.Batches;
import org.symbiosiskb.api.DeleteResult;

/**
 * Roadmaps' analyses (kb.roadmap, kb.abatementCurve) and writes; their records are read by the translator (RoadmapGraph).
 */
@Controller
class RoadmapController {

    private final RoadmapService roadmaps;

    RoadmapController(RoadmapService roadmaps) {
        this.roadmaps = roadmaps;
    }

    @QueryMapping
    List<CurvePoint> abatementCurve(@Argument String roadmapId, @Argument int year) {
        return roadmaps.abatementCurve(roadmapId, year);
    }

    @BatchMapping(typeName = "Roadmap", field = "trajectory")
    Map<Roadmap, List<RoadmapAnalysis.TrajectoryYear>> trajectory(List<Roadmap> list) {
        return analysed(list, RoadmapAnalysis::trajectory);
    }

    @BatchMapping(typeName = "Roadmap", field = "withheld")
    Map<Roadmap, Boolean> withheld(List<Roadmap> list) {
        return analysed(list, RoadmapAnalysis::withheld);
    }

    @BatchMapping(typeName = "Roadmap", field = "targetStatus")
    Map<Roadmap, List<RoadmapAnalysis.TargetStatus>> targetStatus(List<Roadmap> list) {
        return analysed(list, RoadmapAnalysis::targetStatus);
    }

    /** One kb.roadmap call per roadmap, in one statement for the whole list. */
    private <T> Map<Roadmap, T> analysed(List<Roadmap> list, Function<RoadmapAnalysis, T> part) {
        var analyses = roadmaps.analyses(Batches.ids(list, Roadmap::id));
        var result = new LinkedHashMap<Roadmap, T>();
        list.forEach(r -> result.put(r, part.apply(analyses.get(r.id()).getFirst())));
        return result;
    }

    @BatchMapping(typeName = "CurvePoint", field = "measure")
    Map<CurvePoint, Measure> curveMeasure(List<CurvePoint> list) {
        return Batches.one(list, CurvePoint::measureId, roadmaps.measuresByIds(Batches.ids(list, CurvePoint::measureId)));
    }

    @MutationMapping
    Roadmap createRoadmap(@Argument Map<String, Object> input) {
        return roadmaps.createRoadmap(input);
    }

    @MutationMapping
    Roadmap updateRoadmap(@Argument Map<String, Object> input) {
        return roadmaps.updateRoadmap(input);
    }

    @MutationMapping
    DeleteResult deleteRoadmap(@Argument String id) {
        return new DeleteResult(id, roadmaps.delete("roadmaps", Map.of("id", id)));
    }

    @MutationMapping
    Target setTarget(@Argument Map<String, Object> input) {
        return roadmaps.setTarget(input);
    }

    @MutationMapping
    DeleteResult deleteTarget(@Argument String roadmap, @Argument int year) {
        return new DeleteResult(roadmap + "@" + year, roadmaps.delete("targets", Map.of("roadmap", roadmap, "year", year)));
    }

    @MutationMapping
    Measure createMeasure(@Argument Map<String, Object> input) {
        return roadmaps.createMeasure(input);
    }

    @MutationMapping
    Measure updateMeasure(@Argument Map<String, Object> input) {
        return roadmaps.updateMeasure(input);
    }

    @MutationMapping
    DeleteResult deleteMeasure(@Argument String id) {
        return new DeleteResult(id, roadmaps.delete("measures", Map.of("id", id)));
    }
}
