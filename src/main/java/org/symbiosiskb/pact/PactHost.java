package org.symbiosiskb.pact;

import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * This host as others see it, and the data recipients it talks to: its base URL (the {@code source} of the
 * events it sends), the CloudEvents envelope of those events, and a client per recipient.
 */
@Component
class PactHost {

    static final String REQUEST_CREATED = "org.wbcsd.pact.ProductFootprint.RequestCreatedEvent.3";
    static final String REQUEST_FULFILLED = "org.wbcsd.pact.ProductFootprint.RequestFulfilledEvent.3";
    static final String REQUEST_REJECTED = "org.wbcsd.pact.ProductFootprint.RequestRejectedEvent.3";
    static final String PUBLISHED = "org.wbcsd.pact.ProductFootprint.PublishedEvent.3";

    private final PactProperties properties;
    private final PactConnector connector;
    private final PactClients clients;
    private final Clock clock;
    private final Map<PactProperties.Recipient, PactClient> recipientClients = new ConcurrentHashMap<>();

    PactHost(PactProperties properties, PactConnector connector, PactClients clients, Clock clock) {
        this.properties = properties;
        this.connector = connector;
        this.clients = clients;
        this.clock = clock;
    }

    /** {@code kb.pact.public-url}, else {@code https://localhost:<port>/pact}. */
    URI baseUrl() {
        return properties.publicUrl() != null ? Urls.normal(properties.publicUrl()) : URI.create("https://localhost:" + connector.port() + "/pact");
    }

    /** A CloudEvents 1.0 event from this host (structured mode), with a fresh id. */
    Map<String, Object> event(String type, Map<String, Object> data) {
        var event = new LinkedHashMap<String, Object>();
        event.put("type", type);
        event.put("specversion", "1.0");
        event.put("id", UUID.randomUUID().toString());
        event.put("source", baseUrl().toString());
        event.put("time", clock.instant().toString());
        event.put("data", data);
        return event;
    }

    /**
     * The recipient a RequestCreatedEvent's {@code source} names, among those configured for the partner whose token
     * sent it. Only configured hosts are ever called back: a source is never trusted to name one (SSRF).
     */
    Optional<PactProperties.Recipient> recipient(String partner, String source) {
        var base = Urls.baseOf(source);
        return base.flatMap(b -> properties.recipients().stream()
                .filter(r -> r.partner().equals(partner) && Urls.normal(r.url()).equals(b)).findFirst());
    }

    PactClient client(PactProperties.Recipient recipient) {
        return recipientClients.computeIfAbsent(recipient, r -> clients.client(r.url(), r.clientId(), r.clientSecret(), r.sslBundle(),
                java.time.Duration.ofSeconds(30)));
    }
}
