package org.symbiosiskb.compensation;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.symbiosiskb.api.BadRequestException;
import org.symbiosiskb.api.Connection;
import org.symbiosiskb.api.NotFoundException;
import org.symbiosiskb.api.PageRequest;
import org.symbiosiskb.exchange.RecordService;

/** Carbon sinks and offset agreements: reads for GraphQL and other features, writes through the exchange rules. */
@Service
public class CompensationService {

    private final CompensationRepository repository;
    private final RecordService records;

    CompensationService(CompensationRepository repository, RecordService records) {
        this.repository = repository;
        this.records = records;
    }

    public Map<String, List<CarbonSink>> sinksByIds(Collection<String> ids) {
        return repository.sinks(CompensationRepository.SINKS_BY_IDS, ids);
    }

    public Map<String, List<CarbonSink>> sinksInParks(Collection<String> parkIds) {
        return repository.sinks(CompensationRepository.SINKS_IN_PARKS, parkIds);
    }

    public Map<String, List<CarbonSink>> sinksOfOwners(Collection<String> organizationIds) {
        return repository.sinks(CompensationRepository.SINKS_OF_OWNERS, organizationIds);
    }

    public Map<String, List<OffsetAgreement>> agreementsOfBuyers(Collection<String> organizationIds) {
        return repository.agreements(CompensationRepository.AGREEMENTS_OF_BUYERS, organizationIds);
    }

    Optional<CarbonSink> sink(String id) {
        return repository.sink(id);
    }

    Connection<CarbonSink> sinks(Map<String, Object> filter, PageRequest page) {
        return repository.sinks(filter, page);
    }

    Optional<OffsetAgreement> agreement(String id) {
        return repository.agreement(id);
    }

    Connection<OffsetAgreement> agreements(Map<String, Object> filter, PageRequest page) {
        return repository.agreements(filter, page);
    }

    Map<String, List<OffsetAgreement>> agreementsOnSinks(Collection<String> sinkIds) {
        return repository.agreements(CompensationRepository.AGREEMENTS_ON_SINKS, sinkIds);
    }

    Map<String, List<CarbonSink>> sinksOfAgreements(Collection<String> agreementIds) {
        return repository.sinks(CompensationRepository.SINKS_OF_AGREEMENTS, agreementIds);
    }

    CarbonSink create(Map<String, Object> input) {
        return repository.sink(records.create("carbonSinks", input)).orElseThrow();
    }

    CarbonSink update(Map<String, Object> input) {
        return repository.sink(records.update("carbonSinks", input)).orElseThrow();
    }

    OffsetAgreement createAgreement(Map<String, Object> input) {
        return repository.agreement(records.create("offsetAgreements", input)).orElseThrow();
    }

    OffsetAgreement updateAgreement(Map<String, Object> input) {
        return repository.agreement(records.update("offsetAgreements", input)).orElseThrow();
    }

    OffsetAgreement propose(Map<String, Object> input) {
        var proposal = new java.util.LinkedHashMap<>(input);
        if (proposal.get("status") != null && !"PROPOSED".equals(proposal.get("status"))) {
            throw new BadRequestException("input.status: a proposal is PROPOSED; activate it with activateOffsetAgreement");
        }
        proposal.put("status", "PROPOSED");
        return createAgreement(proposal);
    }

    /** The import's capacity rule runs under a lock on the sink, so racing activations cannot over-allocate it. */
    OffsetAgreement activate(String id) {
        var agreement = agreement(id).orElseThrow(() -> new NotFoundException("no offset agreement " + id));
        return switch (agreement.status()) {
            case "ACTIVE" -> agreement;
            case "PROPOSED" -> updateAgreement(Map.of("id", id, "status", "ACTIVE"));
            default -> throw new BadRequestException(id + " has ENDED; propose a new agreement instead");
        };
    }

    OffsetAgreement end(String id) {
        var agreement = agreement(id).orElseThrow(() -> new NotFoundException("no offset agreement " + id));
        return "ENDED".equals(agreement.status()) ? agreement : updateAgreement(Map.of("id", id, "status", "ENDED"));
    }

    boolean delete(String array, String id) {
        return records.delete(array, Map.of("id", id));
    }
}
