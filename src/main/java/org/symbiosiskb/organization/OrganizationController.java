package org.symbiosiskb.organization;

import java.util.Map;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;
import org.symbiosiskb.api.DeleteResult;

/** Writes of organizations and processes; their reads are translated (OrganizationGraph). */
@Controller
class OrganizationController {

    private final OrganizationService organizations;

    OrganizationController(OrganizationService organizations) {
        this.organizations = organizations;
    }

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
