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

@Controller
class OrganizationController {

    private final OrganizationService organizations;
    private final Paging paging;

    OrganizationController(OrganizationService organizations, Paging paging) {
        this.organizations = organizations;
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

    // ---- Organization's neighbours (those of other features are resolved there: park, sidestream, compensation) ----

    @BatchMapping(typeName = "Organization", field = "processes")
    Map<Organization, List<Process>> processesOfOrganization(List<Organization> list) {
        return Batches.many(list, Organization::id, organizations.processesOf(Batches.ids(list, Organization::id)));
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
