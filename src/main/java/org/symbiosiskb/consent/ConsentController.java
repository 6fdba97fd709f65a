package org.symbiosiskb.consent;

import java.util.List;
import java.util.Map;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import org.symbiosiskb.api.Batches;
import org.symbiosiskb.api.DeleteResult;
import org.symbiosiskb.api.Paging;
import org.symbiosiskb.api.RecordMeta;

/** Consents, the inbox of links waiting for them, and where each record stands with the partners its links need. */
@Controller
class ConsentController {

    private final ConsentService consents;
    private final Paging paging;

    ConsentController(ConsentService consents, Paging paging) {
        this.consents = consents;
        this.paging = paging;
    }

    @QueryMapping
    List<ConsentRequest> consentRequests(@Argument String partner, @Argument String state, @Argument Integer first) {
        return consents.requests(partner, state, paging.page(first, null).first());
    }

    @MutationMapping
    Consent setConsent(@Argument Map<String, Object> input) {
        return consents.set(input);
    }

    @MutationMapping
    DeleteResult deleteConsent(@Argument String partner, @Argument String record) {
        return new DeleteResult(record, consents.delete(partner, record));
    }

    @BatchMapping(typeName = "Flow", field = "consents")
    Map<RecordMeta.Carrier, List<LinkConsent>> flowConsents(List<RecordMeta.Carrier> flows) {
        return Batches.many(flows, RecordMeta.Carrier::id, consents.linksOfFlows(Batches.ids(flows, RecordMeta.Carrier::id)));
    }

    @BatchMapping(typeName = "OffsetAgreement", field = "consents")
    Map<RecordMeta.Carrier, List<LinkConsent>> agreementConsents(List<RecordMeta.Carrier> list) {
        return recordConsents(list);
    }

    @BatchMapping(typeName = "Process", field = "consents")
    Map<RecordMeta.Carrier, List<LinkConsent>> processConsents(List<RecordMeta.Carrier> list) {
        return recordConsents(list);
    }

    @BatchMapping(typeName = "CarbonSink", field = "consents")
    Map<RecordMeta.Carrier, List<LinkConsent>> sinkConsents(List<RecordMeta.Carrier> list) {
        return recordConsents(list);
    }

    @BatchMapping(typeName = "Organization", field = "consents")
    Map<RecordMeta.Carrier, List<LinkConsent>> organizationConsents(List<RecordMeta.Carrier> list) {
        return recordConsents(list);
    }

    @BatchMapping(typeName = "Park", field = "consents")
    Map<RecordMeta.Carrier, List<LinkConsent>> parkConsents(List<RecordMeta.Carrier> list) {
        return recordConsents(list);
    }

    private Map<RecordMeta.Carrier, List<LinkConsent>> recordConsents(List<RecordMeta.Carrier> list) {
        return Batches.many(list, RecordMeta.Carrier::id, consents.linksOf(Batches.ids(list, RecordMeta.Carrier::id)));
    }
}
