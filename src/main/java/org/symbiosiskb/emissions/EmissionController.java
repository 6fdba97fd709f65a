package org.symbiosiskb.emissions;

import java.util.Map;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;
import org.symbiosiskb.api.DeleteResult;

/** Writes of emission records; their reads are translated (EmissionGraph). */
@Controller
class EmissionController {

    private final EmissionService emissions;

    EmissionController(EmissionService emissions) {
        this.emissions = emissions;
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
