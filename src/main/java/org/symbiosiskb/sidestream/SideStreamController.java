package org.symbiosiskb.sidestream;

import java.util.Map;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;
import org.symbiosiskb.api.DeleteResult;

/** Writes of side streams, flows and needs; their reads are translated (SideStreamGraph). */
@Controller
class SideStreamController {

    private final SideStreamService sideStreams;

    SideStreamController(SideStreamService sideStreams) {
        this.sideStreams = sideStreams;
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
