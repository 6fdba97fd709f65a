package org.symbiosiskb.compensation;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.symbiosiskb.api.BadRequestException;
import org.symbiosiskb.api.NotFoundException;
import org.symbiosiskb.api.ForbiddenException;
import org.symbiosiskb.consent.ConsentService;
import org.symbiosiskb.api.Ids;
import org.symbiosiskb.exchange.RecordService;
import org.symbiosiskb.security.Caller;
import org.symbiosiskb.security.Callers;
import org.symbiosiskb.security.Disclosure;
import org.symbiosiskb.security.Writes;

/** Carbon sinks and offset agreements: reads for GraphQL and other features, writes through the exchange rules. */
@Service
public class CompensationService {

    private final CompensationRepository repository;
    private final RecordService records;
    private final ConsentService consents;
    private final Writes writes;
    private final Disclosure disclosure;

    CompensationService(CompensationRepository repository, RecordService records, ConsentService consents, Writes writes,
                        Disclosure disclosure) {
        this.repository = repository;
        this.records = records;
        this.consents = consents;
        this.writes = writes;
        this.disclosure = disclosure;
    }

    /**
     * compensationPartners as the caller may see it (security.Disclosure). The residual sums the organization's
     * process emissions and its agreements: shown only to whoever may see all of them, else FORBIDDEN. A sink
     * whose free capacity the caller may not work out (another partner's PRIVATE sink, or one an agreement the
     * caller may not see buys from) is left out of the allocation itself, not just the answer.
     */
    CompensationPlan partners(String organizationId, int year, double maxDistanceKm, int first) {
        if (disclosure.access(organizationId) == Caller.Access.NONE) {
            throw new NotFoundException("no organization " + organizationId);
        }
        var excluded = new java.util.TreeSet<>(disclosure.withheld("CarbonSink"));
        excluded.addAll(repository.sinksOfAgreements(disclosure.withheld("OffsetAgreement")));
        var plan = repository.partners(organizationId, year, maxDistanceKm, first, List.copyOf(excluded));
        var ids = new java.util.ArrayList<String>(plan.dependsOn());
        plan.candidates().forEach(c -> { if (c.networkPath() != null) ids.addAll(c.networkPath()); });
        var view = disclosure.view(ids);
        if (!view.showsAll(plan.dependsOn())) {
            throw new ForbiddenException("organization " + organizationId + " has records whose figures are PRIVATE: its emissions "
                    + "and residual are shown only to whoever may see them all");
        }
        // a path through a record the caller may not see at all would tell that it exists
        return plan.withCandidates(plan.candidates().stream().map(c -> c.networkPath() == null
                || c.networkPath().stream().allMatch(id -> view.of(id) != Caller.Access.NONE) ? c : c.withoutPath()).toList());
    }

    public Map<String, List<CarbonSink>> sinksByIds(Collection<String> ids) {
        return repository.sinks(CompensationRepository.SINKS_BY_IDS, ids);
    }

    Optional<CarbonSink> sink(String id) {
        return repository.sink(id);
    }

    Optional<OffsetAgreement> agreement(String id) {
        return repository.agreement(id);
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

    /**
     * Activates an agreement: its owner turns its own PROPOSED into ACTIVE; the owner of its sink or buyer, where
     * that is another partner, accepts it (a consent). Who may act is checked before anything else, so an
     * answer never says more than the caller may do. The import's capacity rule runs under a lock on the sink,
     * so racing activations cannot over-allocate it.
     */
    OffsetAgreement activate(String id) {
        var agreement = agreement(id).orElseThrow(() -> new NotFoundException("no offset agreement " + id));
        return switch (roleIn(agreement)) {
            case OWNER -> {
                if ("ENDED".equals(agreement.ownStatus())) {
                    throw new BadRequestException(id + " has ENDED; propose a new agreement instead");
                }
                var active = "ACTIVE".equals(agreement.ownStatus()) ? agreement : updateAgreement(Map.of("id", id, "status", "ACTIVE"));
                if (Callers.current().local()) {
                    // local mode acts for every partner: each party accepts too
                    agreement.parties().forEach(party -> consents.decide(party, id, "ACCEPTED"));
                    yield agreement(id).orElseThrow();
                }
                yield active;
            }
            case PARTY -> {
                if ("ENDED".equals(agreement.status())) {
                    throw new BadRequestException(id + " has ENDED; propose a new agreement instead");
                }
                consents.decide(Callers.current().partner(), id, "ACCEPTED");
                yield agreement(id).orElseThrow();
            }
        };
    }

    /** Ends an agreement: its owner sets ENDED; the owner of its sink or buyer, where another partner, ends it by its consent. */
    OffsetAgreement end(String id) {
        var agreement = agreement(id).orElseThrow(() -> new NotFoundException("no offset agreement " + id));
        return switch (roleIn(agreement)) {
            case OWNER -> "ENDED".equals(agreement.ownStatus()) ? agreement : updateAgreement(Map.of("id", id, "status", "ENDED"));
            case PARTY -> {
                consents.decide(Callers.current().partner(), id, "ENDED");
                yield agreement(id).orElseThrow();
            }
        };
    }

    private enum Role { OWNER, PARTY }

    /** Whether the caller may act on the agreement as its owner or as a party (an EDITOR or ADMIN key); else FORBIDDEN. */
    private Role roleIn(OffsetAgreement agreement) {
        Caller caller = Callers.current();
        String owner = Ids.partnerOf(agreement.id());
        if (caller.local() || owner.equals(caller.partner())) {
            writes.requirePartner(owner);
            return Role.OWNER;
        }
        if (caller.partner() != null && agreement.parties().contains(caller.partner())) {
            writes.requirePartner(caller.partner());
            return Role.PARTY;
        }
        throw new ForbiddenException(caller.describe() + " may not act on " + agreement.id() + ": only its owner (" + owner
                + ") and the owners of its buyer and sink may activate or end it");
    }

    boolean delete(String array, String id) {
        return records.delete(array, Map.of("id", id));
    }
}
