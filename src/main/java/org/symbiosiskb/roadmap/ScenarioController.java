package org.symbiosiskb.roadmap;

import java.util.List;
import java.util.Map;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import org.symbiosiskb.api.Batches;
import org.symbiosiskb.organization.OrganizationService;
import org.symbiosiskb.organization.Process;

/** simulate, and the processes of its traces. */
@Controller
class ScenarioController {

    private final ScenarioService scenarios;
    private final OrganizationService organizations;

    ScenarioController(ScenarioService scenarios, OrganizationService organizations) {
        this.scenarios = scenarios;
        this.organizations = organizations;
    }

    @QueryMapping
    Scenario simulate(@Argument String parkId, @Argument int year, @Argument List<Map<String, Object>> changes,
                      @Argument List<String> traceProcesses) {
        return scenarios.simulate(parkId, year, changes, traceProcesses);
    }

    @BatchMapping(typeName = "ScenarioTrace", field = "process")
    Map<Scenario.ScenarioTrace, Process> traceProcess(List<Scenario.ScenarioTrace> list) {
        return Batches.one(list, Scenario.ScenarioTrace::processId,
                organizations.processesByIds(Batches.ids(list, Scenario.ScenarioTrace::processId)));
    }

}
