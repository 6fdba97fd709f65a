package org.symbiosiskb.emissions;

import java.util.List;
import java.util.Map;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;
import org.symbiosiskb.api.Batches;
import org.symbiosiskb.api.DeleteResult;
import org.symbiosiskb.organization.OrganizationService;
import org.symbiosiskb.organization.Process;

@Controller
class EmissionController {

    private final EmissionService emissions;
    private final OrganizationService organizations;

    EmissionController(EmissionService emissions, OrganizationService organizations) {
        this.emissions = emissions;
        this.organizations = organizations;
    }

    @BatchMapping(typeName = "Process")
    Map<Process, List<Emission>> emissions(List<Process> processes) {
        return Batches.many(processes, Process::id, emissions.emissionsOf(Batches.ids(processes, Process::id)));
    }

    @BatchMapping
    Map<Emission, Process> process(List<Emission> records) {
        return Batches.one(records, Emission::processId, organizations.processesByIds(Batches.ids(records, Emission::processId)));
    }

    @MutationMapping
    Emission setEmission(@Argument Map<String, Object> input) {
        return emissions.set(input);
    }

    @MutationMapping
    DeleteResult deleteEmission(@Argument Map<String, Object> key) {
        return new DeleteResult(String.valueOf(key.get("process")), emissions.delete(key));
    }
}
