package org.symbiosiskb.roadmap;

import java.util.List;

import org.neo4j.driver.Record;

/**
 * What kb.roadmap computed for one roadmap: its trajectory and the status of its targets, and the records
 * those figures are computed from. Shown whole or, when the caller may not see one of those records, with
 * every figure null (security.Disclosure): each year's net mixes all of them.
 */
record RoadmapAnalysis(List<TrajectoryYear> trajectory, List<TargetStatus> targetStatus, List<String> dependsOn, boolean withheld) {

    record TrajectoryYear(int year, Double baseline, Double planned, Double avoided) {
    }

    record TargetStatus(int year, Double threshold, Double planned, Double gap, Boolean met) {
    }

    RoadmapAnalysis withheldWhole() {
        return new RoadmapAnalysis(trajectory.stream().map(t -> new TrajectoryYear(t.year(), null, null, null)).toList(),
                targetStatus.stream().map(t -> new TargetStatus(t.year(), null, null, null, null)).toList(), dependsOn, true);
    }

    static RoadmapAnalysis from(Record r) {
        return new RoadmapAnalysis(
                r.get("trajectory").asList(v -> new TrajectoryYear(v.get("year").asInt(), v.get("baseline").asDouble(),
                        v.get("planned").asDouble(), v.get("avoided").asDouble())),
                r.get("targetStatus").asList(v -> new TargetStatus(v.get("year").asInt(), v.get("threshold").asDouble(),
                        v.get("planned").asDouble(), v.get("gap").asDouble(), v.get("met").asBoolean())),
                r.get("dependsOn").asList(v -> v.asString()), false);
    }
}
