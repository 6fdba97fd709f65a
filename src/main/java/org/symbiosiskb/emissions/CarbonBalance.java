package org.symbiosiskb.emissions;

import java.util.ArrayList;
import java.util.List;

import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.symbiosiskb.security.Disclosure;

/**
 * The answer of carbonBalance, as kb.carbonBalance computed it, then shown as the caller may see it: a
 * figure computed from a record the caller may not see is null (security.Disclosure), and {@code withheld}
 * says that some are.
 */
public record CarbonBalance(String parkId, int year, Double gross, Double sequestration, Double soldOutside, Double retained,
                            Double purchasedOffsets, Double avoided, Double net, Double reportedShare, Boolean climatePositive, Boolean carbonNeutral,
                            List<ProcessEmissions> byProcess, List<SourceEmissions> bySource, boolean withheld) {

    /** @param tCO2e null when the caller may not see every emission record it sums; the process still counts in the totals */
    public record ProcessEmissions(String processId, Double tCO2e) {
    }

    public record SourceEmissions(String source, Double tCO2e) {
    }

    /** The computed balance and the records each of its figures depends on. */
    record Computed(Record row) {

        List<String> ids() {
            var ids = new ArrayList<String>();
            for (String from : List.of("grossFrom", "sequestrationFrom", "soldOutsideFrom", "purchasedOffsetsFrom", "avoidedFrom")) {
                ids.addAll(from(row.get(from)));
            }
            row.get("byProcess").values().forEach(p -> ids.add(p.get("process").asString()));
            return ids;
        }

        CarbonBalance shownTo(Disclosure.View view, boolean includeAvoided) {
            Double gross = view.figure(row.get("gross").asDouble(), from(row.get("grossFrom")));
            Double sequestration = view.figure(row.get("sequestration").asDouble(), from(row.get("sequestrationFrom")));
            Double sold = view.figure(row.get("soldOutside").asDouble(), from(row.get("soldOutsideFrom")));
            Double retained = sequestration == null || sold == null ? null : row.get("retained").asDouble();
            Double purchased = view.figure(row.get("purchasedOffsets").asDouble(), from(row.get("purchasedOffsetsFrom")));
            Double avoided = view.figure(row.get("avoided").asDouble(), from(row.get("avoidedFrom")));
            boolean netShown = gross != null && retained != null && purchased != null && (!includeAvoided || avoided != null);
            Double net = netShown ? row.get("net").asDouble() : null;
            var byProcess = row.get("byProcess").asList(p -> new ProcessEmissions(p.get("process").asString(),
                    view.shows(p.get("process").asString()) ? view.figure(p.get("tCO2e").asDouble(), from(p.get("from"))) : null));
            var bySource = row.get("bySource").asList(s -> new SourceEmissions(s.get("source").asString(),
                    view.figure(s.get("tCO2e").asDouble(), from(s.get("from")))));
            boolean withheld = !netShown || avoided == null || byProcess.stream().anyMatch(p -> p.tCO2e() == null)
                    || bySource.stream().anyMatch(s -> s.tCO2e() == null);
            // the reported share of gross tells the reported part of it: shown with gross
            Double reportedShare = gross == null || row.get("reportedShare").isNull() ? null : row.get("reportedShare").asDouble();
            return new CarbonBalance(row.get("park").asString(), row.get("year").asInt(), gross, sequestration, sold, retained,
                    purchased, avoided, net, reportedShare, netShown ? row.get("climatePositive").asBoolean() : null,
                    netShown ? row.get("carbonNeutral").asBoolean() : null,
                    byProcess.stream().filter(p -> view.of(p.processId()) != org.symbiosiskb.security.Caller.Access.NONE).toList(),
                    bySource, withheld);
        }

        private static List<String> from(Value ids) {
            return ids.isNull() ? List.of() : ids.asList(Value::asString);
        }
    }
}
