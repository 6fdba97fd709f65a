package org.symbiosiskb.roadmap;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.symbiosiskb.exchange.RecordService;

/** Roadmaps, targets and measures: reads for GraphQL, writes through the exchange rules, numbers from kb.roadmap and kb.abatementCurve. */
@Service
class RoadmapService {

    private final RoadmapRepository repository;
    private final RecordService records;

    RoadmapService(RoadmapRepository repository, RecordService records) {
        this.repository = repository;
        this.records = records;
    }

    Optional<Roadmap> roadmap(String id) {
        return repository.roadmap(id);
    }

    List<Roadmap> roadmaps(String parkId) {
        return repository.roadmaps(parkId);
    }

    Map<String, List<Roadmap>> roadmapsByIds(Collection<String> ids) {
        return repository.roadmaps(RoadmapRepository.ROADMAPS_BY_IDS, ids);
    }

    Map<String, List<Roadmap>> roadmapsOfParks(Collection<String> parkIds) {
        return repository.roadmaps(RoadmapRepository.ROADMAPS_OF_PARKS, parkIds);
    }

    Map<String, List<Target>> targetsOf(Collection<String> roadmapIds) {
        return repository.targetsOf(roadmapIds);
    }

    Map<String, List<Measure>> measuresOf(Collection<String> roadmapIds) {
        return repository.measures(RoadmapRepository.MEASURES_OF_ROADMAPS, roadmapIds);
    }

    Map<String, List<Measure>> measuresByIds(Collection<String> ids) {
        return repository.measures(RoadmapRepository.MEASURES_BY_IDS, ids);
    }

    Map<String, List<RoadmapAnalysis>> analyses(Collection<String> roadmapIds) {
        return repository.analyses(roadmapIds);
    }

    List<CurvePoint> abatementCurve(String roadmapId, int year) {
        return repository.curve(roadmapId, year);
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
