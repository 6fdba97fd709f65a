package org.symbiosiskb.park;

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
import org.symbiosiskb.organization.Process;

@Controller
class ParkController {

    private final ParkService parks;
    private final OrganizationService organizations;
    private final Paging paging;

    ParkController(ParkService parks, OrganizationService organizations, Paging paging) {
        this.parks = parks;
        this.organizations = organizations;
        this.paging = paging;
    }

    @QueryMapping
    Park park(@Argument String id) {
        return parks.park(id).orElse(null);
    }

    @QueryMapping
    Connection<Park> parks(@Argument Map<String, Object> filter, @Argument Integer first, @Argument String after) {
        return parks.parks(filter, paging.page(first, after));
    }

    @QueryMapping
    Network network(@Argument String id) {
        return parks.network(id).orElse(null);
    }

    @QueryMapping
    Connection<Network> networks(@Argument Map<String, Object> filter, @Argument Integer first, @Argument String after) {
        return parks.networks(filter, paging.page(first, after));
    }

    @BatchMapping
    Map<Park, List<Network>> networks(List<Park> list) {
        return Batches.many(list, Park::id, parks.networksOfParks(Batches.ids(list, Park::id)));
    }

    @BatchMapping(field = "coordinator")
    Map<Park, Organization> parkCoordinator(List<Park> list) {
        return Batches.one(list, Park::id, organizations.coordinatorsOf(Batches.ids(list, Park::id)));
    }

    @BatchMapping
    Map<Park, List<Organization>> organizations(List<Park> list) {
        return Batches.many(list, Park::id, organizations.organizationsInParks(Batches.ids(list, Park::id)));
    }

    @BatchMapping
    Map<Park, List<Process>> processes(List<Park> list) {
        return Batches.many(list, Park::id, organizations.processesInParks(Batches.ids(list, Park::id)));
    }

    @BatchMapping(typeName = "Network", field = "parks")
    Map<Network, List<Park>> parksOfNetworks(List<Network> list) {
        return Batches.many(list, Network::id, parks.parksOfNetworks(Batches.ids(list, Network::id)));
    }

    @BatchMapping(typeName = "Network", field = "organizations")
    Map<Network, List<Organization>> membersOfNetwork(List<Network> list) {
        return Batches.many(list, Network::id, organizations.membersOfNetworks(Batches.ids(list, Network::id)));
    }

    @BatchMapping(typeName = "Network", field = "coordinator")
    Map<Network, Organization> networkCoordinator(List<Network> list) {
        return Batches.one(list, Network::id, organizations.coordinatorsOf(Batches.ids(list, Network::id)));
    }

    // ---- the parks and networks of organizations and processes (park is the higher concept) ----

    @BatchMapping(typeName = "Organization", field = "park")
    Map<Organization, Park> parkOfOrganization(List<Organization> list) {
        return Batches.one(list, Organization::id, parks.parksOf(Batches.ids(list, Organization::id)));
    }

    @BatchMapping(typeName = "Organization", field = "networks")
    Map<Organization, List<Network>> networksOfOrganization(List<Organization> list) {
        return Batches.many(list, Organization::id, parks.networksOfOrganizations(Batches.ids(list, Organization::id)));
    }

    @BatchMapping(typeName = "Organization", field = "coordinatedParks")
    Map<Organization, List<Park>> coordinatedParks(List<Organization> list) {
        return Batches.many(list, Organization::id, parks.parksCoordinatedBy(Batches.ids(list, Organization::id)));
    }

    @BatchMapping(typeName = "Organization", field = "coordinatedNetworks")
    Map<Organization, List<Network>> coordinatedNetworks(List<Organization> list) {
        return Batches.many(list, Organization::id, parks.networksCoordinatedBy(Batches.ids(list, Organization::id)));
    }

    @BatchMapping(typeName = "Process", field = "park")
    Map<Process, Park> parkOfProcess(List<Process> list) {
        return Batches.one(list, Process::id, parks.parksOfProcesses(Batches.ids(list, Process::id)));
    }

    @MutationMapping
    Park createPark(@Argument Map<String, Object> input) {
        return parks.create(input);
    }

    @MutationMapping
    Park updatePark(@Argument Map<String, Object> input) {
        return parks.update(input);
    }

    @MutationMapping
    DeleteResult deletePark(@Argument String id) {
        return new DeleteResult(id, parks.delete("parks", id));
    }

    @MutationMapping
    Network createNetwork(@Argument Map<String, Object> input) {
        return parks.createNetwork(input);
    }

    @MutationMapping
    Network updateNetwork(@Argument Map<String, Object> input) {
        return parks.updateNetwork(input);
    }

    @MutationMapping
    DeleteResult deleteNetwork(@Argument String id) {
        return new DeleteResult(id, parks.delete("networks", id));
    }
}
