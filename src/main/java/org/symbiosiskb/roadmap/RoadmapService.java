package org.symbiosiskb.roadmap;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.symbiosiskb.exchange.RecordService;
import org.symbiosiskb.security.Disclosure;

/** Roadmaps, targets and measures: reads for GraphQL, writes through the exchange rules, numbers from kb.roadmap and kb.abatementCurve. */
@Service
class RoadmapService {

    private final RoadmapRepository repository;
    private final RecordService records;
    private final Disclosure disclosure;

    RoadmapService(RoadmapRepository repository, RecordService records, Disclosure disclosure) {
        this.repository = repository;
        this.records = records;
        this.disclosure = disclosure;
    }

    Optional<Roadmap> roadmap(String id) {
        return repository.roadmap(id);
    }

    List<Roadmap> roadmaps(String parkId) {
        return repository.roadmaps(parkId);
    }

    Map<String, List<Target>> targetsOf(Collection<String> roadmapIds) {
        return repository.targetsOf(roadmapIds);
    }

    Map<String, List<Measure>> measuresByIds(Collection<String> ids) {
        return repository.measures(RoadmapRepository.MEASURES_BY_IDS, ids);
    }

    /** The roadmaps' trajectories as the caller may see them: whole, or every figure withheld (RoadmapAnalysis). */
    Map<String, List<RoadmapAnalysis>> analyses(Collection<String> roadmapIds) {
        var analyses = repository.analyses(roadmapIds);
        var view = disclosure.view(analyses.values().stream().flatMap(List::stream).flatMap(a -> a.dependsOn().stream()).toList());
        var shown = new java.util.HashMap<String, List<RoadmapAnalysis>>();
        analyses.forEach((id, list) -> shown.put(id, list.stream().map(a -> view.showsAll(a.dependsOn()) ? a : a.withheldWhole()).toList()));
        return shown;
    }

    /**
     * The curve as the caller may see it: the measures whose abatement and cost it may see (a measure of its own
     * roadmap, the process it cuts and that process's records), cumulative over those. A measure it may not see is
     * left out rather than blanked: its place in the order would tell its cost per tonne.
     */
    List<CurvePoint> abatementCurve(String roadmapId, int year) {
        disclosure.requireFigures(roadmapId, "roadmap", "its abatement curve");
        var points = repository.curve(roadmapId, year);
        var view = disclosure.view(points.stream().flatMap(p -> p.dependsOn().stream()).toList());
        var shown = new java.util.ArrayList<CurvePoint>();
        double cumulative = 0;
        for (CurvePoint point : points) {
            if (view.showsAll(point.dependsOn())) {
                cumulative += point.abatement();
                shown.add(point.withCumulative(cumulative));
            }
        }
        return shown;
    }

    Roadmap createRoadmap(Map<String, Object> input) {
        return repository.roadmap(records.create("roadmaps", input)).orElseThrow();
    }

    Roadmap updateRoadmap(Map<String, Object> input) {
        return repository.roadmap(records.update("roadmaps", input)).orElseThrow();
    }

    /** Creates or replaces the roadmap's target for the year. */
    Target setTarget(Map<String, Object> input) {
        return repository.target(records.put("targets", input)).orElseThrow();
    }

    Measure createMeasure(Map<String, Object> input) {
        return measure(records.create("measures", input));
    }

    Measure updateMeasure(Map<String, Object> input) {
        return measure(records.update("measures", input));
    }

    private Measure measure(String id) {
        return measuresByIds(List.of(id)).get(id).getFirst();
    }

    boolean delete(String array, Map<String, Object> key) {
        return records.delete(array, key);
    }
}
