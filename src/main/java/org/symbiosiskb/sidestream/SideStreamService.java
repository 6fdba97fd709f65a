package org.symbiosiskb.sidestream;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.symbiosiskb.api.Connection;
import org.symbiosiskb.api.PageRequest;
import org.symbiosiskb.exchange.RecordService;

/** Side streams, flows, needs and waste codes: reads for GraphQL and other features, writes through the exchange rules. */
@Service
public class SideStreamService {

    private final SideStreamRepository repository;
    private final RecordService records;

    SideStreamService(SideStreamRepository repository, RecordService records) {
        this.repository = repository;
        this.records = records;
    }

    public Optional<SideStream> sideStream(String id) {
        return repository.sideStream(id);
    }

    public Connection<SideStream> sideStreams(Map<String, Object> filter, PageRequest page) {
        return repository.sideStreams(filter, page);
    }

    public Map<String, List<SideStream>> sideStreamsByIds(Collection<String> ids) {
        return repository.sideStreams(SideStreamRepository.STREAMS_BY_IDS, ids);
    }

    public Map<String, List<SideStream>> sideStreamsOfProducers(Collection<String> processIds) {
        return repository.sideStreams(SideStreamRepository.STREAMS_OF_PRODUCERS, processIds);
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

    public Map<String, List<Need>> needsOf(Collection<String> processIds) {
        return repository.needs(SideStreamRepository.NEEDS_OF_PROCESSES, processIds);
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

    Connection<Need> needs(Map<String, Object> filter, PageRequest page) {
        return repository.needs(filter, page);
    }

    /** The id of each stream's producing process. */
    Map<String, List<String>> producerIds(Collection<String> sideStreamIds) {
        return repository.ids(SideStreamRepository.PRODUCER_OF_STREAMS, sideStreamIds);
    }

    Map<String, List<String>> processIdsOfNeeds(Collection<String> needIds) {
        return repository.ids(SideStreamRepository.PROCESS_OF_NEEDS, needIds);
    }

    Optional<WasteCode> wasteCode(String code) {
        return repository.wasteCode(code);
    }

    List<WasteCode> wasteChapters() {
        return repository.wasteChapters();
    }

    Map<String, List<WasteCode>> wasteCodesOf(Collection<String> recordIds) {
        return repository.wasteCodes(SideStreamRepository.WASTE_CODES_OF_RECORDS, recordIds);
    }

    Map<String, List<WasteCode>> parentsOf(Collection<String> codes) {
        return repository.wasteCodes(SideStreamRepository.WASTE_CODE_PARENTS, codes);
    }

    Map<String, List<WasteCode>> childrenOf(Collection<String> codes) {
        return repository.wasteCodes(SideStreamRepository.WASTE_CODE_CHILDREN, codes);
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
