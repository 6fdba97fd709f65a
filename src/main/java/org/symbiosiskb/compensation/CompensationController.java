package org.symbiosiskb.compensation;

import java.util.Map;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;
import org.symbiosiskb.api.DeleteResult;

/** Writes of carbon sinks and offset agreements and the agreements' workflow; their reads are translated (CompensationGraph). */
@Controller
class CompensationController {

    private final CompensationService compensation;

    CompensationController(CompensationService compensation) {
        this.compensation = compensation;
    }

    @MutationMapping
    CarbonSink createCarbonSink(@Argument Map<String, Object> input) {
        return compensation.create(input);
    }

    @MutationMapping
    CarbonSink updateCarbonSink(@Argument Map<String, Object> input) {
        return compensation.update(input);
    }

    @MutationMapping
    DeleteResult deleteCarbonSink(@Argument String id) {
        return new DeleteResult(id, compensation.delete("carbonSinks", id));
    }

    @MutationMapping
    OffsetAgreement createOffsetAgreement(@Argument Map<String, Object> input) {
        return compensation.createAgreement(input);
    }

    @MutationMapping
    OffsetAgreement updateOffsetAgreement(@Argument Map<String, Object> input) {
        return compensation.updateAgreement(input);
    }

    @MutationMapping
    OffsetAgreement proposeOffsetAgreement(@Argument Map<String, Object> input) {
        return compensation.propose(input);
    }

    @MutationMapping
    OffsetAgreement activateOffsetAgreement(@Argument String id) {
        return compensation.activate(id);
    }

    @MutationMapping
    OffsetAgreement endOffsetAgreement(@Argument String id) {
        return compensation.end(id);
    }

    @MutationMapping
    DeleteResult deleteOffsetAgreement(@Argument String id) {
        return new DeleteResult(id, compensation.delete("offsetAgreements", id));
    }
}
