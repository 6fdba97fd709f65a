package org.symbiosiskb.pact;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.symbiosiskb.security.Caller;
import org.symbiosiskb.security.Callers;
import org.symbiosiskb.security.Role;

/**
 * Answers an accepted RequestCreatedEvent off the request thread: the footprints its filter matches among those
 * the requesting partner may see (the same as ListFootprints would give it), as one RequestFulfilledEvent, or a
 * RequestRejectedEvent ({@code NotFound}) when there are none; sent to the recipient by {@link CallbackSender},
 * which retries. Exactly one answer per request.
 */
@Component
class EventResponder {

    private static final Logger log = LoggerFactory.getLogger(EventResponder.class);

    private final FootprintCatalogue catalogue;
    private final FootprintAccess access;
    private final PactHost host;
    private final CallbackSender sender;
    private final Executor executor;

    EventResponder(FootprintCatalogue catalogue, FootprintAccess access, PactHost host, CallbackSender sender,
                   @Qualifier("pactExecutor") Executor executor) {
        this.catalogue = catalogue;
        this.access = access;
        this.host = host;
        this.sender = sender;
        this.executor = executor;
    }

    void answer(PactProperties.Recipient recipient, String partner, String requestEventId, FootprintFilter filter) {
        Caller caller = Callers.current();
        executor.execute(() -> {
            Map<String, Object> event;
            try {
                var matching = Callers.as(caller, () -> {
                    var versions = catalogue.versions();
                    var visible = access.visible(versions);
                    return versions.stream().filter(v -> visible.contains(v.id()))
                            .filter(v -> filter.matches(v.footprint(), v.status())).map(FootprintVersions.Version::shown).toList();
                });
                event = matching.isEmpty()
                        ? host.event(PactHost.REQUEST_REJECTED, Map.of("requestEventId", requestEventId,
                                "error", Map.of("code", "NotFound", "message", "The requested footprint could not be found.")))
                        : host.event(PactHost.REQUEST_FULFILLED, Map.of("requestEventId", requestEventId, "pfs", List.copyOf(matching)));
            } catch (RuntimeException e) {
                log.error("PACT: answering request {} of partner {} failed", requestEventId, partner, e);
                event = host.event(PactHost.REQUEST_REJECTED, Map.of("requestEventId", requestEventId,
                        "error", Map.of("code", "InternalError", "message", "An internal or unexpected error has occurred")));
            }
            sender.send(host.client(recipient), event, event.get("type").toString().replace("org.wbcsd.pact.ProductFootprint.", "")
                    + " for request " + requestEventId);
        });
    }
}
