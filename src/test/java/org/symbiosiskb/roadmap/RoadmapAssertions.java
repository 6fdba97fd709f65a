package org.symbiosiskb.roadmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import tools.jackson.databind.JsonNode;

/** Checks of a trajectory year and a target status as GraphQL answers them. */
final class RoadmapAssertions {

    static final double EPS = 1e-9;

    private RoadmapAssertions() {
    }

    static void assertYear(JsonNode y, int year, double baseline, double planned, double avoided) {
        assertThat(y.get("year").asInt()).isEqualTo(year);
        assertThat(y.get("baseline").asDouble()).as("baseline %d", year).isCloseTo(baseline, within(EPS));
        assertThat(y.get("planned").asDouble()).as("planned %d", year).isCloseTo(planned, within(EPS));
        assertThat(y.get("avoided").asDouble()).as("avoided %d", year).isCloseTo(avoided, within(EPS));
    }

    static void assertTarget(JsonNode t, int year, double threshold, double planned, double gap, boolean met) {
        assertThat(t.get("year").asInt()).isEqualTo(year);
        assertThat(t.get("threshold").asDouble()).as("threshold %d", year).isCloseTo(threshold, within(EPS));
        assertThat(t.get("planned").asDouble()).as("planned %d", year).isCloseTo(planned, within(EPS));
        assertThat(t.get("gap").asDouble()).as("gap %d", year).isCloseTo(gap, within(EPS));
        assertThat(t.get("met").asBoolean()).as("met %d", year).isEqualTo(met);
    }
}
