package org.symbiosiskb.emissions;

import java.util.List;
import java.util.Map;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import org.symbiosiskb.api.Batches;
import org.symbiosiskb.organization.OrganizationService;
import org.symbiosiskb.organization.Process;
import org.symbiosiskb.park.Park;
import org.symbiosiskb.park.ParkService;
import org.symbiosiskb.sidestream.Flow;
import org.symbiosiskb.sidestream.SideStream;
import org.symbiosiskb.sidestream.SideStreamService;

@Controller
class AnalyticsController {

    private final AnalyticsService analytics;
    private final OrganizationService organizations;
    private final SideStreamService sideStreams;
    private final ParkService parks;

    AnalyticsController(AnalyticsService analytics, OrganizationService organizations, SideStreamService sideStreams, ParkService parks) {
        this.analytics = analytics;
        this.organizations = organizations;
        this.sideStreams = sideStreams;
        this.parks = parks;
    }

    @QueryMapping
    EmissionTrace traceEmissions(@Argument String processId, @Argument int year, @Argument String direction,
                                 @Argument String allocation, @Argument int maxDepth, @Argument double cutoff, @Argument int first) {
        return analytics.trace(processId, year, direction, allocation, maxDepth, cutoff, first);
    }

    @QueryMapping
    CarbonBalance carbonBalance(@Argument String parkId, @Argument int year, @Argument boolean includeScope3,
                                @Argument boolean includeAvoided) {
        return analytics.balance(parkId, year, includeScope3, includeAvoided);
    }

    @BatchMapping(typeName = "EmissionTrace", field = "process")
    Map<EmissionTrace, Process> traceProcess(List<EmissionTrace> list) {
        return Batches.one(list, EmissionTrace::processId, organizations.processesByIds(Batches.ids(list, EmissionTrace::processId)));
    }

    @BatchMapping(typeName = "EmissionHop", field = "from")
    Map<EmissionTrace.EmissionHop, Process> hopFrom(List<EmissionTrace.EmissionHop> hops) {
        return Batches.one(hops, EmissionTrace.EmissionHop::fromId,
                organizations.processesByIds(Batches.ids(hops, EmissionTrace.EmissionHop::fromId)));
    }

    @BatchMapping(typeName = "EmissionHop", field = "to")
    Map<EmissionTrace.EmissionHop, Process> hopTo(List<EmissionTrace.EmissionHop> hops) {
        return Batches.one(hops, EmissionTrace.EmissionHop::toId,
                organizations.processesByIds(Batches.ids(hops, EmissionTrace.EmissionHop::toId)));
    }

    @BatchMapping(typeName = "EmissionHop", field = "sideStream")
    Map<EmissionTrace.EmissionHop, SideStream> hopSideStream(List<EmissionTrace.EmissionHop> hops) {
        return Batches.one(hops, EmissionTrace.EmissionHop::sideStreamId,
                sideStreams.sideStreamsByIds(Batches.ids(hops, EmissionTrace.EmissionHop::sideStreamId)));
    }

    @BatchMapping(typeName = "EmissionHop", field = "flow")
    Map<EmissionTrace.EmissionHop, Flow> hopFlow(List<EmissionTrace.EmissionHop> hops) {
        return Batches.one(hops, EmissionTrace.EmissionHop::flowId,
                sideStreams.flowsByIds(Batches.ids(hops, EmissionTrace.EmissionHop::flowId)));
    }

    @BatchMapping(typeName = "CarbonBalance", field = "park")
    Map<CarbonBalance, Park> balancePark(List<CarbonBalance> list) {
        return Batches.one(list, CarbonBalance::parkId, parks.parksByIds(Batches.ids(list, CarbonBalance::parkId)));
    }

    @BatchMapping(typeName = "ProcessEmissions", field = "process")
    Map<CarbonBalance.ProcessEmissions, Process> emissionsProcess(List<CarbonBalance.ProcessEmissions> list) {
        return Batches.one(list, CarbonBalance.ProcessEmissions::processId,
                organizations.processesByIds(Batches.ids(list, CarbonBalance.ProcessEmissions::processId)));
    }

}
