package org.symbiosiskb.sidestream;

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
import org.symbiosiskb.organization.OrganizationService;
import org.symbiosiskb.organization.Process;

@Controller
class SideStreamController {

    private final SideStreamService sideStreams;
    private final OrganizationService organizations;
    private final Paging paging;

    SideStreamController(SideStreamService sideStreams, OrganizationService organizations, Paging paging) {
        this.sideStreams = sideStreams;
        this.organizations = organizations;
        this.paging = paging;
    }

    @QueryMapping
    SideStream sideStream(@Argument String id) {
        return sideStreams.sideStream(id).orElse(null);
    }

    @QueryMapping
    Connection<SideStream> sideStreams(@Argument Map<String, Object> filter, @Argument Integer first, @Argument String after) {
        return sideStreams.sideStreams(filter, paging.page(first, after));
    }

    @QueryMapping
    Flow flow(@Argument String id) {
        return sideStreams.flow(id).orElse(null);
    }

    @QueryMapping
    Need need(@Argument String id) {
        return sideStreams.need(id).orElse(null);
    }

    @QueryMapping
    Connection<Need> needs(@Argument Map<String, Object> filter, @Argument Integer first, @Argument String after) {
        return sideStreams.needs(filter, paging.page(first, after));
    }

    @QueryMapping
    WasteCode wasteCode(@Argument String code) {
        return sideStreams.wasteCode(code).orElse(null);
    }

    @QueryMapping
    List<WasteCode> wasteChapters() {
        return sideStreams.wasteChapters();
    }

    // ---- neighbours ----

    @BatchMapping
    Map<SideStream, Process> producer(List<SideStream> list) {
        return viaIds(list, SideStream::id, sideStreams.producerIds(Batches.ids(list, SideStream::id)));
    }

    @BatchMapping(typeName = "SideStream", field = "wasteCode")
    Map<SideStream, WasteCode> wasteCodeOfStream(List<SideStream> list) {
        return Batches.one(list, SideStream::id, sideStreams.wasteCodesOf(Batches.ids(list, SideStream::id)));
    }

    @BatchMapping
    Map<SideStream, List<Flow>> flows(List<SideStream> list) {
        return Batches.many(list, SideStream::id, sideStreams.flowsOutOf(Batches.ids(list, SideStream::id)));
    }

    @BatchMapping
    Map<Flow, SideStream> sideStream(List<Flow> list) {
        return Batches.one(list, Flow::sideStreamId, sideStreams.sideStreamsByIds(Batches.ids(list, Flow::sideStreamId)));
    }

    @BatchMapping
    Map<Flow, Process> consumer(List<Flow> list) {
        return Batches.one(list, Flow::consumerId, organizations.processesByIds(Batches.ids(list, Flow::consumerId)));
    }

    @BatchMapping(typeName = "Need", field = "process")
    Map<Need, Process> processOfNeed(List<Need> list) {
        return viaIds(list, Need::id, sideStreams.processIdsOfNeeds(Batches.ids(list, Need::id)));
    }

    @BatchMapping(typeName = "Need", field = "wasteCode")
    Map<Need, WasteCode> wasteCodeOfNeed(List<Need> list) {
        return Batches.one(list, Need::id, sideStreams.wasteCodesOf(Batches.ids(list, Need::id)));
    }

    @BatchMapping
    Map<WasteCode, WasteCode> parent(List<WasteCode> list) {
        return Batches.one(list, WasteCode::code, sideStreams.parentsOf(Batches.ids(list, WasteCode::code)));
    }

    @BatchMapping
    Map<WasteCode, List<WasteCode>> children(List<WasteCode> list) {
        return Batches.many(list, WasteCode::code, sideStreams.childrenOf(Batches.ids(list, WasteCode::code)));
    }

    /** Two statements whatever the number of parents: the process ids, then the processes. */
    private <P> Map<P, Process> viaIds(List<P> parents, java.util.function.Function<P, String> idOf, Map<String, List<String>> processIds) {
        var processes = organizations.processesByIds(processIds.values().stream().flatMap(List::stream).distinct().toList());
        var result = new java.util.LinkedHashMap<P, Process>();
        for (P parent : parents) {
            var ids = processIds.get(idOf.apply(parent));
            if (ids != null && processes.containsKey(ids.getFirst())) {
                result.put(parent, processes.get(ids.getFirst()).getFirst());
            }
        }
        return result;
    }

    // ---- writes ----

    // ---- a process's side streams, inputs and needs ----

    @BatchMapping(typeName = "Process", field = "sideStreams")
    Map<Process, List<SideStream>> sideStreamsOfProcess(List<Process> list) {
        return Batches.many(list, Process::id, sideStreams.sideStreamsOfProducers(Batches.ids(list, Process::id)));
    }

    @BatchMapping(typeName = "Process", field = "inputs")
    Map<Process, List<Flow>> inputsOfProcess(List<Process> list) {
        return Batches.many(list, Process::id, sideStreams.flowsInto(Batches.ids(list, Process::id)));
    }

    @BatchMapping(typeName = "Process", field = "needs")
    Map<Process, List<Need>> needsOfProcess(List<Process> list) {
        return Batches.many(list, Process::id, sideStreams.needsOf(Batches.ids(list, Process::id)));
    }

    @MutationMapping
    SideStream createSideStream(@Argument Map<String, Object> input) {
        return sideStreams.create(input);
    }

    @MutationMapping
    SideStream updateSideStream(@Argument Map<String, Object> input) {
        return sideStreams.update(input);
    }

    @MutationMapping
    DeleteResult deleteSideStream(@Argument String id) {
        return new DeleteResult(id, sideStreams.delete("sideStreams", id));
    }

    @MutationMapping
    Flow createFlow(@Argument Map<String, Object> input) {
        return sideStreams.createFlow(input);
    }

    @MutationMapping
    Flow updateFlow(@Argument Map<String, Object> input) {
        return sideStreams.updateFlow(input);
    }

    @MutationMapping
    DeleteResult deleteFlow(@Argument String id) {
        return new DeleteResult(id, sideStreams.delete("flows", id));
    }

    @MutationMapping
    Need createNeed(@Argument Map<String, Object> input) {
        return sideStreams.createNeed(input);
    }

    @MutationMapping
    Need updateNeed(@Argument Map<String, Object> input) {
        return sideStreams.updateNeed(input);
    }

    @MutationMapping
    DeleteResult deleteNeed(@Argument String id) {
        return new DeleteResult(id, sideStreams.delete("needs", id));
    }
}
