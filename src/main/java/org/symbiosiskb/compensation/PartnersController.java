package org.symbiosiskb.compensation;

import java.util.List;
import java.util.Map;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import org.symbiosiskb.api.Batches;
import org.symbiosiskb.api.Paging;
import org.symbiosiskb.organization.Organization;
import org.symbiosiskb.organization.OrganizationService;

/** compensationPartners: one call of kb.compensationPartners; sinks and owners batch-loaded. */
@Controller
class PartnersController {

    private final Paging paging;
    private final CompensationService compensation;
    private final OrganizationService organizations;

    PartnersController(Paging paging, CompensationService compensation, OrganizationService organizations) {
        this.paging = paging;
        this.compensation = compensation;
        this.organizations = organizations;
    }

    @QueryMapping
    CompensationPlan compensationPartners(@Argument String organizationId, @Argument int year, @Argument double maxDistanceKm,
                                          @Argument int first) {
        paging.page(first, null);
        return compensation.partners(organizationId, year, maxDistanceKm, first);
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
