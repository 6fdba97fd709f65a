package org.symbiosiskb.compensation;

import java.util.List;
import java.util.Map;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import org.symbiosiskb.api.Batches;
import org.symbiosiskb.api.ForbiddenException;
import org.symbiosiskb.api.NotFoundException;
import org.symbiosiskb.api.Paging;
import org.symbiosiskb.graph.Cypher;
import org.symbiosiskb.organization.Organization;
import org.symbiosiskb.organization.OrganizationService;
import org.symbiosiskb.security.Caller;
import org.symbiosiskb.security.Disclosure;

/** compensationPartners: one call of kb.compensationPartners; sinks and owners batch-loaded. */
@Controller
class PartnersController {

    static final String PARTNERS = "CALL kb.compensationPartners($organizationId, $year, $maxDistanceKm, $first, $excludeSinks)";
    static final String PROCESSES_OF = "MATCH (:Organization {id: $id})-[:OPERATES]->(p:Process) RETURN p.id AS id";

    private final Cypher cypher;
    private final Paging paging;
    private final CompensationService compensation;
    private final OrganizationService organizations;

    private final Disclosure disclosure;

    PartnersController(Cypher cypher, Paging paging, CompensationService compensation, OrganizationService organizations,
                       Disclosure disclosure) {
        this.cypher = cypher;
        this.disclosure = disclosure;
        this.paging = paging;
        this.compensation = compensation;
        this.organizations = organizations;
    }

    @QueryMapping
    CompensationPlan compensationPartners(@Argument String organizationId, @Argument int year, @Argument double maxDistanceKm,
                                          @Argument int first) {
        paging.page(first, null);
        requireResidualShown(organizationId);
        // another partner's PRIVATE sink is not on offer to this caller: left out of the allocation, not just the answer
        return cypher.one(PARTNERS, Map.of("organizationId", organizationId, "year", year, "maxDistanceKm", maxDistanceKm,
                "first", first, "excludeSinks", List.copyOf(disclosure.withheld("CarbonSink"))), CompensationPlan::from).orElseThrow();
    }

    /** The residual is the sum of the organization's process emissions: shown only to whoever may see all of them. */
    private void requireResidualShown(String organizationId) {
        var ids = new java.util.ArrayList<String>(List.of(organizationId));
        ids.addAll(cypher.list(PROCESSES_OF, Map.of("id", organizationId), r -> r.get("id").asString()));
        var access = disclosure.access(ids);
        if (access.get(organizationId) == Caller.Access.NONE) {
            throw new NotFoundException("no organization " + organizationId);
        }
        if (access.values().stream().anyMatch(a -> a != Caller.Access.FULL)) {
            throw new ForbiddenException("organization " + organizationId + " has PRIVATE records: its emissions and residual "
                    + "are shown only to its owner's keys");
        }
    }

    @BatchMapping(typeName = "CompensationPlan", field = "organization")
    Map<CompensationPlan, Organization> planOrganization(List<CompensationPlan> list) {
        return Batches.one(list, CompensationPlan::organizationId,
                organizations.organizationsByIds(Batches.ids(list, CompensationPlan::organizationId)));
    }

    @BatchMapping(typeName = "CompensationCandidate", field = "sink")
    Map<CompensationPlan.Candidate, CarbonSink> candidateSink(List<CompensationPlan.Candidate> list) {
        return Batches.one(list, CompensationPlan.Candidate::sinkId, compensation.sinksByIds(Batches.ids(list, CompensationPlan.Candidate::sinkId)));
    }

    @BatchMapping(typeName = "CompensationCandidate", field = "owner")
    Map<CompensationPlan.Candidate, Organization> candidateOwner(List<CompensationPlan.Candidate> list) {
        return Batches.one(list, CompensationPlan.Candidate::ownerId,
                organizations.organizationsByIds(Batches.ids(list, CompensationPlan.Candidate::ownerId)));
    }
}
