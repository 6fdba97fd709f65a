package org.symbiosiskb.compensation;

import java.util.List;
import java.util.Map;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import org.symbiosiskb.api.Batches;
import org.symbiosiskb.api.Paging;
import org.symbiosiskb.graph.Cypher;
import org.symbiosiskb.organization.Organization;
import org.symbiosiskb.organization.OrganizationService;

/** compensationPartners: one call of kb.compensationPartners; sinks and owners batch-loaded. */
@Controller
class PartnersController {

    static final String PARTNERS = "CALL kb.compensationPartners($organizationId, $year, $maxDistanceKm, $first)";

    private final Cypher cypher;
    private final Paging paging;
    private final CompensationService compensation;
    private final OrganizationService organizations;

    PartnersController(Cypher cypher, Paging paging, CompensationService compensation, OrganizationService organizations) {
        this.cypher = cypher;
        this.paging = paging;
        this.compensation = compensation;
        this.organizations = organizations;
    }

    @QueryMapping
    CompensationPlan compensationPartners(@Argument String organizationId, @Argument int year, @Argument double maxDistanceKm,
                                          @Argument int first) {
        paging.page(first, null);
        return cypher.one(PARTNERS, Map.of("organizationId", organizationId, "year", year, "maxDistanceKm", maxDistanceKm,
                "first", first), CompensationPlan::from).orElseThrow();
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
