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
import org.symbiosiskb.sidestream.SideStream;
import org.symbiosiskb.sidestream.SideStreamService;

/** simulate, and the links of measures and scenario traces to processes and side streams. */
@Controller
class ScenarioController {

    private final ScenarioService scenarios;
    private final OrganizationService organizations;
    private final SideStreamService sideStreams;

    ScenarioController(ScenarioService scenarios, OrganizationService organizations, SideStreamService sideStreams) {
        this.scenarios = scenarios;
        this.organizations = organizations;
        this.sideStreams = sideStreams;
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

    @BatchMapping(typeName = "Measure", field = "process")
    Map<Measure, Process> measureProcess(List<Measure> list) {
        return Batches.one(list, Measure::processId, organizations.processesByIds(Batches.ids(list, Measure::processId)));
    }

    @BatchMapping(typeName = "Measure", field = "consumer")
    Map<Measure, Process> measureConsumer(List<Measure> list) {
        return Batches.one(list, Measure::consumerId, organizations.processesByIds(Batches.ids(list, Measure::consumerId)));
    }

    @BatchMapping(typeName = "Measure", field = "sideStream")
    Map<Measure, SideStream> measureSideStream(List<Measure> list) {
        return Batches.one(list, Measure::sideStreamId, sideStreams.sideStreamsByIds(Batches.ids(list, Measure::sideStreamId)));
    }
}
