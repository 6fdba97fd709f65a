package org.symbiosiskb.park;

import java.util.Map;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;
import org.symbiosiskb.api.DeleteResult;

/** Writes of parks and networks; their reads are translated (ParkGraph). */
@Controller
class ParkController {

    private final ParkService parks;

    ParkController(ParkService parks) {
        this.parks = parks;
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
