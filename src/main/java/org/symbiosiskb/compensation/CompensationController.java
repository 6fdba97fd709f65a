package org.symbiosiskb.compensation;

import java.util.List;
import java.util.Map;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import org.symbiosiskb.api.Batches;
import org.symbiosiskb.api.Connection;
import org.symbiosiskb.api.DeleteResult;
import org.symbiosiskb.api.Paging;
import org.symbiosiskb.organization.Organization;
import org.symbiosiskb.organization.OrganizationService;
import org.symbiosiskb.park.Park;
import org.symbiosiskb.park.ParkService;

@Controller
class CompensationController {

    private final CompensationService compensation;
    private final OrganizationService organizations;
    private final ParkService parks;
    private final Paging paging;

    CompensationController(CompensationService compensation, OrganizationService organizations, ParkService parks, Paging paging) {
        this.compensation = compensation;
        this.organizations = organizations;
        this.parks = parks;
        this.paging = paging;
    }

    @QueryMapping
    CarbonSink carbonSink(@Argument String id) {
        return compensation.sink(id).orElse(null);
    }

    @QueryMapping
    Connection<CarbonSink> carbonSinks(@Argument Map<String, Object> filter, @Argument Integer first, @Argument String after) {
        return compensation.sinks(filter, paging.page(first, after));
    }

    @QueryMapping
    OffsetAgreement offsetAgreement(@Argument String id) {
        return compensation.agreement(id).orElse(null);
    }

    @QueryMapping
    Connection<OffsetAgreement> offsetAgreements(@Argument Map<String, Object> filter, @Argument Integer first, @Argument String after) {
        return compensation.agreements(filter, paging.page(first, after));
    }

    @BatchMapping
    Map<CarbonSink, Organization> owner(List<CarbonSink> list) {
        return Batches.one(list, CarbonSink::id, organizations.ownersOf(Batches.ids(list, CarbonSink::id)));
    }

    @BatchMapping
    Map<CarbonSink, Park> park(List<CarbonSink> list) {
        return Batches.one(list, CarbonSink::id, parks.parksOf(Batches.ids(list, CarbonSink::id)));
    }

    @BatchMapping
    Map<CarbonSink, List<OffsetAgreement>> agreements(List<CarbonSink> list) {
        return Batches.many(list, CarbonSink::id, compensation.agreementsOnSinks(Batches.ids(list, CarbonSink::id)));
    }

    @BatchMapping
    Map<OffsetAgreement, Organization> buyer(List<OffsetAgreement> list) {
        return Batches.one(list, OffsetAgreement::id, organizations.buyersOf(Batches.ids(list, OffsetAgreement::id)));
    }

    @BatchMapping
    Map<OffsetAgreement, CarbonSink> sink(List<OffsetAgreement> list) {
        return Batches.one(list, OffsetAgreement::id, compensation.sinksOfAgreements(Batches.ids(list, OffsetAgreement::id)));
    }

    // ---- the sinks and agreements of organizations and parks ----

    @BatchMapping(typeName = "Organization", field = "carbonSinks")
    Map<Organization, List<CarbonSink>> sinksOfOrganization(List<Organization> list) {
        return Batches.many(list, Organization::id, compensation.sinksOfOwners(Batches.ids(list, Organization::id)));
    }

    @BatchMapping(typeName = "Organization", field = "offsetAgreements")
    Map<Organization, List<OffsetAgreement>> agreementsOfOrganization(List<Organization> list) {
        return Batches.many(list, Organization::id, compensation.agreementsOfBuyers(Batches.ids(list, Organization::id)));
    }

    @BatchMapping(typeName = "Park", field = "carbonSinks")
    Map<Park, List<CarbonSink>> sinksOfPark(List<Park> list) {
        return Batches.many(list, Park::id, compensation.sinksInParks(Batches.ids(list, Park::id)));
    }

    @MutationMapping
    CarbonSink createCarbonSink(@Argument Map<String, Object> input) {
        return compensation.create(input);
    }

    @MutationMapping
    CarbonSink updateCarbonSink(@Argument Map<String, Object> input) {
        return compensation.update(input);
    }

    @MutationMapping
    DeleteResult deleteCarbonSink(@Argument String id) {
        return new DeleteResult(id, compensation.delete("carbonSinks", id));
    }

    @MutationMapping
    OffsetAgreement createOffsetAgreement(@Argument Map<String, Object> input) {
        return compensation.createAgreement(input);
    }

    @MutationMapping
    OffsetAgreement updateOffsetAgreement(@Argument Map<String, Object> input) {
        return compensation.updateAgreement(input);
    }

    @MutationMapping
    OffsetAgreement proposeOffsetAgreement(@Argument Map<String, Object> input) {
        return compensation.propose(input);
    }

    @MutationMapping
    OffsetAgreement activateOffsetAgreement(@Argument String id) {
        return compensation.activate(id);
    }

    @MutationMapping
    OffsetAgreement endOffsetAgreement(@Argument String id) {
        return compensation.end(id);
    }

    @MutationMapping
    DeleteResult deleteOffsetAgreement(@Argument String id) {
        return new DeleteResult(id, compensation.delete("offsetAgreements", id));
    }
}
