package org.symbiosiskb.roadmap;

import java.util.List;

import org.neo4j.driver.Record;

/** What kb.roadmap computed for one roadmap: its trajectory and the status of its targets. */
record RoadmapAnalysis(List<TrajectoryYear> trajectory, List<TargetStatus> targetStatus) {

    record TrajectoryYear(int year, double baseline, double planned, double avoided) {
    }

    record TargetStatus(int year, double threshold, double planned, double gap, boolean met) {
    }

    static RoadmapAnalysis from(Record r) {
        return new RoadmapAnalysis(
                r.get("trajectory").asList(v -> new TrajectoryYear(v.get("year").asInt(), v.get("baseline").asDouble(),
                        v.get("planned").asDouble(), v.get("avoided").asDouble())),
                r.get("targetStatus").asList(v -> new TargetStatus(v.get("year").asInt(), v.get("threshold").asDouble(),
                        v.get("planned").asDouble(), v.get("gap").asDouble(), v.get("met").asBoolean())));
    }
}
