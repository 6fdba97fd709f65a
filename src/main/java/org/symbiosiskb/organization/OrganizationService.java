package org.symbiosiskb.organization;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.symbiosiskb.exchange.RecordService;

/** Organizations and their processes: reads for GraphQL and other features, writes through the exchange rules. */
@Service
public class OrganizationService {

    private final OrganizationRepository repository;
    private final RecordService records;

    OrganizationService(OrganizationRepository repository, RecordService records) {
        this.repository = repository;
        this.records = records;
    }

    public Optional<Organization> organization(String id) {
        return repository.organization(id);
    }

    public Optional<Process> process(String id) {
        return repository.process(id);
    }

    public Map<String, List<Organization>> organizationsByIds(Collection<String> ids) {
        return repository.organizations(OrganizationRepository.ORGANIZATIONS_BY_IDS, ids);
    }

    public Map<String, List<Process>> processesByIds(Collection<String> ids) {
        return repository.processes(OrganizationRepository.PROCESSES_BY_IDS, ids);
    }

    Organization create(Map<String, Object> input) {
        return repository.organization(records.create("organizations", input)).orElseThrow();
    }

    Organization update(Map<String, Object> input) {
        return repository.organization(records.update("organizations", input)).orElseThrow();
    }

    Process createProcess(Map<String, Object> input) {
        return repository.process(records.create("processes", input)).orElseThrow();
    }

    Process updateProcess(Map<String, Object> input) {
        return repository.process(records.update("processes", input)).orElseThrow();
    }

    boolean delete(String array, String id) {
        return records.delete(array, Map.of("id", id));
    }
}
