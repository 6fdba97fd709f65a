package org.symbiosiskb.roadmap;

import java.util.List;

import org.symbiosiskb.emissions.CarbonBalance;
import org.symbiosiskb.emissions.EmissionTrace;

/** A what-if answer: the park's balance and the named processes' traces before and after the changes. */
record Scenario(CarbonBalance before, CarbonBalance after, List<ScenarioTrace> traces) {

    record ScenarioTrace(String processId, EmissionTrace before, EmissionTrace after) {
    }
}
