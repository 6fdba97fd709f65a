package org.symbiosiskb.sidestream;

import org.neo4j.driver.Record;

/** One answer of sideStreamMatches, as kb.sideStreamMatches computed it. */
record SideStreamMatch(String level, String needId, String processId, double distanceKm, Double wanted, Double supplyable) {

    /** wanted is the need's figure; supplyable also depends on what the stream has available. */
    SideStreamMatch shownWith(boolean needShown, boolean availableShown) {
        return new SideStreamMatch(level, needId, processId, distanceKm, needShown ? wanted : null,
                needShown && availableShown ? supplyable : null);
    }

    static SideStreamMatch from(Record r) {
        return new SideStreamMatch(r.get("level").asString(), r.get("need").asString(null), r.get("process").asString(),
                r.get("distanceKm").asDouble(), r.get("wanted").isNull() ? null : r.get("wanted").asDouble(),
                r.get("supplyable").asDouble());
    }
}
