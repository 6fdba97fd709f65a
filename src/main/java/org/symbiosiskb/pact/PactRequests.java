package org.symbiosiskb.pact;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.symbiosiskb.api.BadRequestException;

/**
 * Sends a RequestCreatedEvent to a PACT host for footprints of these products, with this host's base URL as its
 * {@code source}: the host answers there, asynchronously, with a RequestFulfilledEvent or RequestRejectedEvent
 * ({@code POST /pact/3/events}), which reaches {@link PactSuppliers}. The host must know this one as a data
 * recipient, and this one must have given it a key of the supplier's partner for its callback's token.
 */
@Component
public class PactRequests {

    private final PactHost host;
    private final PactSwitch on;

    PactRequests(PactHost host, PactSwitch on) {
        this.host = host;
        this.on = on;
    }

    /** @return the request's event id, which the answer names as its requestEventId */
    public String request(PactClient supplier, List<String> productIds) throws PactClient.PactCallException {
        if (!on.on()) {
            throw new BadRequestException("this instance's PACT host is off (" + on.why() + "), and the supplier answers a request "
                    + "at its /pact/3/events");
        }
        var event = host.event(PactHost.REQUEST_CREATED, Map.of("productId", List.copyOf(productIds),
                "comment", "Footprints of the products symbiosis-kb's flows take from you"));
        supplier.sendEvent(event);
        return (String) event.get("id");
    }

    /** The product id this knowledge base gives a record (a side stream, a process). */
    public static String productId(String recordId) {
        return PactIds.product(recordId);
    }
}
