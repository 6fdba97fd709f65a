package org.symbiosiskb.sidestream;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.symbiosiskb.exchange.RecordService;
import org.symbiosiskb.security.Caller;
import org.symbiosiskb.security.Disclosure;

/** Side streams, flows, needs and waste codes: reads for GraphQL and other features, writes through the exchange rules. */
@Service
public class SideStreamService {

    private final SideStreamRepository repository;
    private final RecordService records;
    private final Disclosure disclosure;

    SideStreamService(SideStreamRepository repository, RecordService records, Disclosure disclosure) {
        this.repository = repository;
        this.records = records;
        this.disclosure = disclosure;
    }

    /**
     * The park's side-stream table as the caller may see it (security.Disclosure): a stream the caller may not see
     * at all is left out; produced shows when it may see the stream, used when it may see every flow summed, and
     * available when both.
     */
    List<SideStreamRow> table(String parkId, int year, String chapter) {
        var rows = repository.table(parkId, year, chapter);
        var ids = new java.util.ArrayList<String>();
        rows.forEach(r -> { ids.add(r.stream().id()); ids.addAll(r.flowIds()); });
        var view = disclosure.view(ids);
        return rows.stream().filter(r -> view.of(r.stream().id()) != Caller.Access.NONE).map(r -> {
            boolean streamShown = view.shows(r.stream().id());
            var stream = streamShown ? r.stream() : r.stream().withoutFigures();
            Double used = view.figure(r.used(), r.flowIds());
            Double produced = streamShown ? r.stream().quantity() : null;
            Double available = produced == null || used == null ? null : produced - used;
            return new SideStreamRow(stream, produced, used, available, r.unit());
        }).toList();
    }

    /**
     * Needs and precedents the stream could serve, as the caller may see them: the stream's own figures must be
     * seen (else FORBIDDEN); a need seen by name keeps its place without wanted and supplyable, and supplyable
     * also needs every flow the stream's available quantity subtracts.
     */
    List<SideStreamMatch> matches(String sideStreamId, int year, double maxDistanceKm, int first) {
        disclosure.requireFigures(sideStreamId, "side stream", "what it could supply");
        var matches = repository.matches(sideStreamId, year, maxDistanceKm, first);
        var flowsOut = repository.activeFlowsOut(sideStreamId, year);
        var ids = new java.util.ArrayList<String>(flowsOut);
        matches.forEach(m -> {
            ids.add(m.processId());
            if (m.needId() != null) {
                ids.add(m.needId());
            }
        });
        var view = disclosure.view(ids);
        boolean availableShown = view.showsAll(flowsOut);
        return matches.stream()
                .filter(m -> view.of(m.processId()) != Caller.Access.NONE && (m.needId() == null || view.of(m.needId()) != Caller.Access.NONE))
                .map(m -> m.shownWith(m.needId() == null || view.shows(m.needId()), availableShown))
                .toList();
    }

    public Optional<SideStream> sideStream(String id) {
        return repository.sideStream(id);
    }

    public Map<String, List<SideStream>> sideStreamsByIds(Collection<String> ids) {
        return repository.sideStreams(SideStreamRepository.STREAMS_BY_IDS, ids);
    }

    public Map<String, List<Flow>> flowsByIds(Collection<String> ids) {
        return repository.flows(SideStreamRepository.FLOWS_BY_IDS, ids);
    }

    public Map<String, List<Flow>> flowsInto(Collection<String> processIds) {
        return repository.flows(SideStreamRepository.FLOWS_INTO_PROCESSES, processIds);
    }

    public Map<String, List<Need>> needsByIds(Collection<String> ids) {
        return repository.needs(SideStreamRepository.NEEDS_BY_IDS, ids);
    }

    Optional<Flow> flow(String id) {
        return repository.flow(id);
    }

    Map<String, List<Flow>> flowsOutOf(Collection<String> sideStreamIds) {
        return repository.flows(SideStreamRepository.FLOWS_OUT_OF_STREAMS, sideStreamIds);
    }

    Optional<Need> need(String id) {
        return repository.need(id);
    }

    /** The process that produces the stream, if the stream is here with its producer. */
    public java.util.Optional<String> producerOf(String sideStreamId) {
        return producerIds(List.of(sideStreamId)).getOrDefault(sideStreamId, List.of()).stream().findFirst();
    }

    /** Whether the stream's owner published its footprint for the year (federation: what a consumer may use). */
    public boolean publishedFootprint(String sideStreamId, int year) {
        return repository.publishedFootprint(sideStreamId, year);
    }

    /** The id of each stream's producing process. */
    Map<String, List<String>> producerIds(Collection<String> sideStreamIds) {
        return repository.ids(SideStreamRepository.PRODUCER_OF_STREAMS, sideStreamIds);
    }

    Optional<WasteCode> wasteCode(String code) {
        return repository.wasteCode(code);
    }

    List<WasteCode> wasteChapters() {
        return repository.wasteChapters();
    }

    SideStream create(Map<String, Object> input) {
        return repository.sideStream(records.create("sideStreams", input)).orElseThrow();
    }

    SideStream update(Map<String, Object> input) {
        return repository.sideStream(records.update("sideStreams", input)).orElseThrow();
    }

    Flow createFlow(Map<String, Object> input) {
        return repository.flow(records.create("flows", input)).orElseThrow();
    }

    Flow updateFlow(Map<String, Object> input) {
        return repository.flow(records.update("flows", input)).orElseThrow();
    }

    Need createNeed(Map<String, Object> input) {
        return repository.need(records.create("needs", input)).orElseThrow();
    }

    Need updateNeed(Map<String, Object> input) {
        return repository.need(records.update("needs", input)).orElseThrow();
    }

    boolean delete(String array, String id) {
        return records.delete(array, Map.of("id", id));
    }
}
