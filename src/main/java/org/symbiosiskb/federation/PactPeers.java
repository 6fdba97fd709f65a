package org.symbiosiskb.federation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.symbiosiskb.graph.Cypher;
import org.symbiosiskb.pact.PactClient;
import org.symbiosiskb.pact.PactClients;
import org.symbiosiskb.pact.PactRequests;
import org.symbiosiskb.pact.PactSuppliers;
import org.symbiosiskb.pact.SupplierFootprints;
import org.symbiosiskb.security.Caller;
import org.symbiosiskb.security.Callers;
import tools.jackson.databind.JsonNode;

/**
 * Peers of kind {@code pact}, PACT suppliers, beyond the scheduled pull ({@link PeerService}): a supplier's
 * PublishedEvent starts a pull of it; a request for footprints is sent as a RequestCreatedEvent, and the
 * supplier's answer (RequestFulfilledEvent) is imported like a pull, without withdrawing what it did not repeat.
 */
@Component
class PactPeers implements PactSuppliers {

    private static final Logger log = LoggerFactory.getLogger(PactPeers.class);
    static final String STREAMS = "MATCH (s:SideStream) WHERE s.id STARTS WITH $prefix RETURN s.id AS id ORDER BY id";

    private final FederationProperties properties;
    private final PeerService peers;
    private final PeerStates states;
    private final PactClients clients;
    private final PactRequests requests;
    private final SupplierFootprints footprints;
    private final Executor executor;
    private final Cypher cypher;

    PactPeers(FederationProperties properties, PeerService peers, PeerStates states, PactClients clients, PactRequests requests,
              SupplierFootprints footprints, @Qualifier("pactExecutor") Executor executor, Cypher cypher) {
        this.properties = properties;
        this.peers = peers;
        this.states = states;
        this.clients = clients;
        this.requests = requests;
        this.footprints = footprints;
        this.executor = executor;
        this.cypher = cypher.unguarded();
    }

    @Override
    public boolean supplies(String partner) {
        return properties.peers().stream().anyMatch(p -> p.pact() && p.partner().equals(partner));
    }

    @Override
    public void published(String partner) {
        executor.execute(() -> {
            var result = peers.sync(partner);
            if (!result.ok()) {
                log.warn("Pull of PACT peer {} after its PublishedEvent failed: {}", partner, result.error());
            }
        });
    }

    @Override
    public void fulfilled(String partner, String requestEventId, List<JsonNode> pfs) {
        var peer = peers.peer(partner);
        executor.execute(() -> Callers.as(Caller.SYSTEM, () -> peers.importPact(peer, Instant.now().toString(),
                footprints.convert(partner, pfs, peer.productStreams(), false),
                "request " + requestEventId + " fulfilled with " + pfs.size() + " footprint(s)")));
    }

    @Override
    public void rejected(String partner, String requestEventId, String code, String message) {
        var peer = peers.peer(partner);
        states.succeeded(partner, null, null, Instant.now().toString(), "request " + requestEventId + " rejected by the supplier: "
                + code + ": " + message.substring(0, Math.min(message.length(), 200)));
        log.info("PACT peer {} rejected request {}: {} {}", peer.partner(), requestEventId, code, message);
    }

    /** The product ids this instance knows the supplier's streams by: ours, and those its configuration maps. */
    List<String> productIds(FederationProperties.Peer peer) {
        var ids = new ArrayList<String>(peer.productStreams().keySet());
        cypher.list(STREAMS, Map.of("prefix", peer.partner() + ":"), r -> ids.add(PactRequests.productId(r.get("id").asString())));
        return ids.stream().distinct().toList();
    }

    /** Asks the supplier for the footprints of its products that flows here take; the answer comes as an event. */
    Map<String, Object> request(String partner) throws PactClient.PactCallException {
        var peer = peers.peer(partner);
        if (!peer.pact()) {
            throw new org.symbiosiskb.api.BadRequestException("peer " + partner + " is not a PACT host (kind pact); its records are pulled whole");
        }
        var products = Callers.as(Caller.SYSTEM, () -> productIds(peer));
        if (products.isEmpty()) {
            throw new org.symbiosiskb.api.BadRequestException("no side stream of partner " + partner
                    + " is in the graph: there is nothing to ask the supplier for");
        }
        var client = clients.client(peer.url(), peer.clientId(), peer.clientSecret(), peer.sslBundle(), properties.timeout());
        String id = requests.request(client, products);
        states.succeeded(partner, null, null, Instant.now().toString(), "request " + id + " sent for " + products.size() + " product(s)");
        return Map.of("partner", partner, "requestEventId", id, "productIds", products);
    }
}
