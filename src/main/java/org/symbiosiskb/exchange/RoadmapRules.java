package org.symbiosiskb.exchange;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.symbiosiskb.api.Problem;

/**
 * The rules between the fields of a target or a measure (docs/spec/model.md): a target states exactly one
 * of maxNet and reductionPercent; a measure states the fields its kind needs and none that belong
 * to another kind, so that a measure means one thing.
 */
final class RoadmapRules {

    static final List<String> KINDS = List.of("EMISSION_CUT", "NEW_SINK", "OFFSET", "NEW_FLOW");

    private static final Map<String, List<String>> REQUIRED = Map.of(
            "EMISSION_CUT", List.of("process", "tCO2ePerYear"),
            "NEW_SINK", List.of("tCO2ePerYear"),
            "OFFSET", List.of("tCO2ePerYear"),
            "NEW_FLOW", List.of("sideStream", "consumer", "quantity"));

    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "EMISSION_CUT", Set.of("process", "tCO2ePerYear"),
            "NEW_SINK", Set.of("tCO2ePerYear"),
            "OFFSET", Set.of("tCO2ePerYear"),
            "NEW_FLOW", Set.of("sideStream", "consumer", "quantity", "substitutesFactor", "transportMode", "distanceKm", "transportFactor"));

    private static final Set<String> BY_KIND = Set.of("process", "tCO2ePerYear", "sideStream", "consumer", "quantity",
            "substitutesFactor", "transportMode", "distanceKm", "transportFactor");

    private RoadmapRules() {
    }

    static void check(RecordType type, Map<String, Object> f, String pointer, List<Problem> problems) {
        if (type == RecordTypes.TARGETS && (f.get("maxNet") == null) == (f.get("reductionPercent") == null)) {
            problems.add(new Problem(pointer, "a target states exactly one of maxNet (t CO2e; below 0 for climate positive) "
                    + "and reductionPercent (against the base year's net)"));
        }
        if (type != RecordTypes.MEASURES || !(f.get("kind") instanceof String kind)) {
            return;
        }
        for (String field : REQUIRED.get(kind)) {
            if (f.get(field) == null) {
                problems.add(new Problem(pointer + "/" + field, "is required for a measure of kind " + kind));
            }
        }
        for (String field : BY_KIND) {
            if (f.get(field) != null && !ALLOWED.get(kind).contains(field)) {
                problems.add(new Problem(pointer + "/" + field, "does not apply to a measure of kind " + kind
                        + "; it takes " + ALLOWED.get(kind).stream().sorted().toList()));
            }
        }
    }
}
