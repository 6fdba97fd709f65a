package org.symbiosiskb.emissions;

import java.util.List;

import org.neo4j.driver.Record;

/** The answer of carbonBalance, as kb.carbonBalance computed it. */
public record CarbonBalance(String parkId, int year, double gross, double sequestration, double soldOutside, double retained,
                     double purchasedOffsets, double avoided, double net, Double reportedShare, boolean climatePositive,
                     boolean carbonNeutral, List<ProcessEmissions> byProcess, List<SourceEmissions> bySource) {

    /** @param tCO2e null for another partner's PRIVATE process: it counts in the totals, its figure is not shown */
    public record ProcessEmissions(String processId, Double tCO2e) {
    }

    CarbonBalance withBreakdowns(List<ProcessEmissions> byProcessShown, List<SourceEmissions> bySourceShown) {
        return new CarbonBalance(parkId, year, gross, sequestration, soldOutside, retained, purchasedOffsets, avoided, net,
                reportedShare, climatePositive, carbonNeutral, byProcessShown, bySourceShown);
    }

    public record SourceEmissions(String source, double tCO2e) {
    }

    static CarbonBalance from(Record r) {
        return new CarbonBalance(r.get("park").asString(), r.get("year").asInt(), r.get("gross").asDouble(),
                r.get("sequestration").asDouble(), r.get("soldOutside").asDouble(), r.get("retained").asDouble(),
                r.get("purchasedOffsets").asDouble(), r.get("avoided").asDouble(), r.get("net").asDouble(),
                EmissionTrace.nullable(r.get("reportedShare")), r.get("climatePositive").asBoolean(), r.get("carbonNeutral").asBoolean(),
                r.get("byProcess").asList(v -> new ProcessEmissions(v.get("process").asString(), v.get("tCO2e").asDouble())),
                r.get("bySource").asList(v -> new SourceEmissions(v.get("source").asString(), v.get("tCO2e").asDouble())));
    }
}
