package org.symbiosiskb.roadmap;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.symbiosiskb.api.BadRequestException;
import org.symbiosiskb.api.NotFoundException;
import org.symbiosiskb.emissions.AnalyticsService;
import org.symbiosiskb.emissions.EmissionTrace;
import org.symbiosiskb.api.InvalidDocumentException;
import org.symbiosiskb.exchange.RecordService;
import org.symbiosiskb.sidestream.SideStreamService;
import org.symbiosiskb.graph.RequestDeadline;

/**
 * simulate (docs/spec/analytics.md §7): the changes are written through the ordinary single-record pipeline
 * (so they are refused with the import's errors), the analytics read them inside the same
 * transaction (kb.trace reads the store while its transaction holds writes), and the transaction
 * is always rolled back, whether the request succeeds or fails halfway: nothing is ever committed.
 */
@Service
class ScenarioService {

    static final List<String> CHANGES = List.of("addFlow", "removeFlow", "scaleFlow", "setEmission", "addSink", "addAgreement");
    static final int MAX_CHANGES = 100;
    static final int MAX_TRACES = 20;

    private final AnalyticsService analytics;
    private final RecordService records;
    private final SideStreamService sideStreams;
    private final PlatformTransactionManager transactions;

    ScenarioService(AnalyticsService analytics, RecordService records, SideStreamService sideStreams,
                    PlatformTransactionManager transactionManager) {
        this.analytics = analytics;
        this.records = records;
        this.sideStreams = sideStreams;
        this.transactions = transactionManager; // each write runs within the request's time limit (RequestDeadline.within)
    }

    Scenario simulate(String parkId, int year, List<Map<String, Object>> changes, List<String> traceProcesses) {
        var traced = traceProcesses == null ? List.<String>of() : List.copyOf(new java.util.LinkedHashSet<>(traceProcesses));
        if (changes.size() > MAX_CHANGES) {
            throw new BadRequestException("changes: at most " + MAX_CHANGES + " changes per scenario, found " + changes.size());
        }
        if (traced.size() > MAX_TRACES) {
            throw new BadRequestException("traceProcesses: at most " + MAX_TRACES + " processes, found " + traced.size());
        }
        for (int i = 0; i < changes.size(); i++) {
            kindOf(i, changes.get(i));
        }
        return RequestDeadline.within(transactions, status -> {
            status.setRollbackOnly(); // a scenario never writes: the transaction ends in a rollback, always
            var before = analytics.balance(parkId, year, false, false);
            var tracesBefore = traces(traced, year);
            for (int i = 0; i < changes.size(); i++) {
                apply(i, year, changes.get(i));
            }
            var after = analytics.balance(parkId, year, false, false);
            var tracesAfter = traces(traced, year);
            var result = new ArrayList<Scenario.ScenarioTrace>();
            for (int i = 0; i < traced.size(); i++) {
                result.add(new Scenario.ScenarioTrace(traced.get(i), tracesBefore.get(i), tracesAfter.get(i)));
            }
            return new Scenario(before, after, result);
        });
    }

    private List<EmissionTrace> traces(List<String> processes, int year) {
        return processes.stream().map(p -> analytics.trace(p, year, "UPSTREAM", "MASS", 10, 0.001, 50)).toList();
    }

    private static String kindOf(int index, Map<String, Object> change) {
        var set = CHANGES.stream().filter(k -> change.get(k) != null).toList();
        if (set.size() != 1) {
            throw new BadRequestException("changes[" + index + "]: set exactly one of " + String.join(", ", CHANGES)
                    + (set.isEmpty() ? "" : "; found " + String.join(", ", set)));
        }
        return set.getFirst();
    }

    @SuppressWarnings("unchecked")
    private void apply(int index, int year, Map<String, Object> change) {
        String kind = kindOf(index, change);
        String at = "changes[" + index + "]." + kind;
        Object value = change.get(kind);
        try {
            switch (kind) {
                case "addFlow" -> addFlow(at, year, (Map<String, Object>) value);
                case "removeFlow" -> {
                    if (!records.delete("flows", Map.of("id", value))) {
                        throw new BadRequestException(at + ": no flow " + value);
                    }
                }
                case "scaleFlow" -> scale(at, (Map<String, Object>) value);
                case "setEmission" -> records.put("emissions", (Map<String, Object>) value);
                // a hypothetical sink in another partner's park, an agreement with another partner: as if they agreed
                case "addSink" -> records.assumeAgreedInScenario("carbonSinks", records.create("carbonSinks", (Map<String, Object>) value), false);
                case "addAgreement" -> records.assumeAgreedInScenario("offsetAgreements",
                        records.create("offsetAgreements", (Map<String, Object>) value), false);
                default -> throw new IllegalStateException(kind);
            }
        } catch (InvalidDocumentException e) {
            throw e.at(at);
        } catch (NotFoundException e) {
            // RecordService names its argument "input"; here it is this change
            throw new BadRequestException(e.getMessage().replaceFirst("^input", at));
        } catch (BadRequestException e) {
            throw e.getMessage().startsWith("input") ? new BadRequestException(e.getMessage().replaceFirst("^input", at)) : e;
        }
    }

    /**
     * A hypothetical flow between partners counts as if the other side had agreed, but a flow from another
     * partner's stream brings that producer's burden: only where the caller would see the producer's footprint
     * anyway (security.Disclosure), else the stream's published footprint, else it is refused (a scenario must
     * not read a footprint its owner keeps to itself).
     */
    private void addFlow(String at, int year, Map<String, Object> flow) {
        String id = records.create("flows", flow);
        String stream = String.valueOf(flow.get("sideStream"));
        String owner = org.symbiosiskb.api.Ids.partnerOf(id);
        if (org.symbiosiskb.api.Ids.partnerOf(stream).equals(owner)) {
            records.assumeAgreedInScenario("flows", id, false);
            return;
        }
        var producer = sideStreams.producerOf(stream);
        if (producer.isPresent() && analytics.footprintShown(producer.get(), year)) {
            records.assumeAgreedInScenario("flows", id, false);
        } else if (sideStreams.publishedFootprint(stream, year)) {
            records.assumeAgreedInScenario("flows", id, true);
        } else {
            throw new BadRequestException(at + ".sideStream: the footprint of " + stream + " in " + year + " is partner "
                    + org.symbiosiskb.api.Ids.partnerOf(stream) + "'s to share: a scenario can add this flow once they publish "
                    + "a footprint of the stream or let you see its producer's figures");
        }
    }

    private void scale(String at, Map<String, Object> input) {
        String id = String.valueOf(input.get("flow"));
        double factor = ((Number) input.get("factor")).doubleValue();
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new BadRequestException(at + ".factor: must be greater than 0 (removeFlow takes a flow away), found " + factor);
        }
        var flow = sideStreams.flowsByIds(List.of(id)).get(id);
        if (flow == null || flow.isEmpty()) {
            throw new BadRequestException(at + ".flow: no flow " + id);
        }
        var update = new LinkedHashMap<String, Object>();
        update.put("id", id);
        update.put("quantity", flow.getFirst().quantity() * factor);
        records.update("flows", update);
    }
}
