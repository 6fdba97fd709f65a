package org.symbiosiskb.eprtr;

import java.util.Map;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;
import org.symbiosiskb.api.DeleteResult;

/** Writes of releases; their reads are translated (ReleaseGraph). */
@Controller
class ReleaseController {

    private final ReleaseService releases;

    ReleaseController(ReleaseService releases) {
        this.releases = releases;
    }

    @MutationMapping
    Release setRelease(@Argument Map<String, Object> input) {
        return releases.set(input);
    }

    @MutationMapping
    DeleteResult deleteRelease(@Argument Map<String, Object> key) {
        return new DeleteResult(String.valueOf(key.get("process")), releases.delete(key));
    }
}
