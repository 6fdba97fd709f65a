package org.symbiosiskb.roadmap;

import org.neo4j.driver.Record;

/** One measure on the abatement cost curve, as kb.abatementCurve computed it. */
record CurvePoint(String measureId, double abatement, double annualisedCost, double costPerTonne, double cumulativeAbatement,
                  java.util.List<String> dependsOn) {

    CurvePoint withCumulative(double cumulative) {
        return new CurvePoint(measureId, abatement, annualisedCost, costPerTonne, cumulative, dependsOn);
    }

    static CurvePoint from(Record r) {
        return new CurvePoint(r.get("measure").asString(), r.get("abatement").asDouble(), r.get("annualisedCost").asDouble(),
                r.get("costPerTonne").asDouble(), r.get("cumulativeAbatement").asDouble(), r.get("dependsOn").asList(v -> v.asString()));
    }
}
