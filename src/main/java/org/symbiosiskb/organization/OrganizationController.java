package org.symbiosiskb.organization;

import java.util.List;
import java.util.Map;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import org.symbiosiskb.api.Batches;
import org.symbiosiskb.api.Connection;
import org.symbiosiskb.api.Location;
import org.symbiosiskb.api.DeleteResult;
import org.symbiosiskb.api.Paging;
import org.symbiosiskb.compensation.CarbonSink;
import org.symbiosiskb.compensation.CompensationService;
import org.symbiosiskb.compensation.OffsetAgreement;
import org.symbiosiskb.park.Network;
import org.symbiosiskb.park.Park;
import org.symbiosiskb.park.ParkService;
import org.symbiosiskb.sidestream.Flow;
import org.symbiosiskb.sidestream.Need;
import org.symbiosiskb.sidestream.SideStream;
import org.symbiosiskb.sidestream.SideStreamService;

@Controller
class OrganizationController {

    private final OrganizationService organizations;
    private final ParkService parks;
    private final SideStreamService sideStreams;
    private final CompensationService compensation;
    private final Paging paging;

    OrganizationController(OrganizationService organizations, ParkService parks, SideStreamService sideStreams,
                           CompensationService compensation, Paging paging) {
        this.organizations = organizations;
        this.parks = parks;
        this.sideStreams = sideStreams;
        this.compensation = compensation;
        this.paging = paging;
    }

    @QueryMapping
    Organization organization(@Argument String id) {
        return organizations.organization(id).orElse(null);
    }

    @QueryMapping
    Connection<Organization> organizations(@Argument Map<String, Object> filter, @Argument Integer first, @Argument String after) {
        return organizations.organizations(filter, paging.page(first, after));
    }

    @QueryMapping
    Process process(@Argument String id) {
        return organizations.process(id).orElse(null);
    }

    @QueryMapping
    Connection<Process> processes(@Argument Map<String, Object> filter, @Argument Integer first, @Argument String after) {
        return organizations.processes(filter, paging.page(first, after));
    }

    // ---- Organization's neighbours ----

    @BatchMapping(typeName = "Organization", field = "park")
    Map<Organization, Park> parkOfOrganization(List<Organization> list) {
        return Batches.one(list, Organization::id, parks.parksOf(Batches.ids(list, Organization::id)));
    }

    @BatchMapping(typeName = "Organization", field = "processes")
    Map<Organization, List<Process>> processesOfOrganization(List<Organization> list) {
        return Batches.many(list, Organization::id, organizations.processesOf(Batches.ids(list, Organization::id)));
    }

    @BatchMapping
    Map<Organization, List<CarbonSink>> carbonSinks(List<Organization> list) {
        return Batches.many(list, Organization::id, compensation.sinksOfOwners(Batches.ids(list, Organization::id)));
    }

    @BatchMapping
    Map<Organization, List<OffsetAgreement>> offsetAgreements(List<Organization> list) {
        return Batches.many(list, Organization::id, compensation.agreementsOfBuyers(Batches.ids(list, Organization::id)));
    }

    @BatchMapping(typeName = "Organization", field = "networks")
    Map<Organization, List<Network>> networksOfOrganization(List<Organization> list) {
        return Batches.many(list, Organization::id, parks.networksOfOrganizations(Batches.ids(list, Organization::id)));
    }

    @BatchMapping
    Map<Organization, List<Park>> coordinatedParks(List<Organization> list) {
        return Batches.many(list, Organization::id, parks.parksCoordinatedBy(Batches.ids(list, Organization::id)));
    }

    @BatchMapping
    Map<Organization, List<Network>> coordinatedNetworks(List<Organization> list) {
        return Batches.many(list, Organization::id, parks.networksCoordinatedBy(Batches.ids(list, Organization::id)));
    }

    /** Its own location, else its park's; computed only when a client asks. */
    @BatchMapping(typeName = "Organization", field = "location")
    Map<Organization, Location> organizationLocation(List<Organization> list) {
        return Batches.one(list, Organization::id, organizations.organizationLocations(Batches.ids(list, Organization::id)));
    }

    // ---- Process's neighbours ----

    /** Its own location, else its operator's, else its park's; computed only when a client asks. */
    @BatchMapping(typeName = "Process", field = "location")
    Map<Process, Location> processLocation(List<Process> list) {
        return Batches.one(list, Process::id, organizations.processLocations(Batches.ids(list, Process::id)));
    }

    @BatchMapping
    Map<Process, Organization> operator(List<Process> list) {
        return Batches.one(list, Process::id, organizations.operatorsOf(Batches.ids(list, Process::id)));
    }

    @BatchMapping(typeName = "Process", field = "park")
    Map<Process, Park> parkOfProcess(List<Process> list) {
        return Batches.one(list, Process::id, parks.parksOfProcesses(Batches.ids(list, Process::id)));
    }

    @BatchMapping
    Map<Process, List<SideStream>> sideStreams(List<Process> list) {
        return Batches.many(list, Process::id, sideStreams.sideStreamsOfProducers(Batches.ids(list, Process::id)));
    }

    @BatchMapping
    Map<Process, List<Flow>> inputs(List<Process> list) {
        return Batches.many(list, Process::id, sideStreams.flowsInto(Batches.ids(list, Process::id)));
    }

    @BatchMapping
    Map<Process, List<Need>> needs(List<Process> list) {
        return Batches.many(list, Process::id, sideStreams.needsOf(Batches.ids(list, Process::id)));
    }

    // ---- writes ----

    @MutationMapping
    Organization createOrganization(@Argument Map<String, Object> input) {
        return organizations.create(input);
    }

    @MutationMapping
    Organization updateOrganization(@Argument Map<String, Object> input) {
        return organizations.update(input);
    }

    @MutationMapping
    DeleteResult deleteOrganization(@Argument String id) {
        return new DeleteResult(id, organizations.delete("organizations", id));
    }

    @MutationMapping
    Process createProcess(@Argument Map<String, Object> input) {
        return organizations.createProcess(input);
    }

    @MutationMapping
    Process updateProcess(@Argument Map<String, Object> input) {
        return organizations.updateProcess(input);
    }

    @MutationMapping
    DeleteResult deleteProcess(@Argument String id) {
        return new DeleteResult(id, organizations.delete("processes", id));
    }
}
