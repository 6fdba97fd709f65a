package org.symbiosiskb.federation;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.symbiosiskb.api.Ids;
import org.symbiosiskb.security.Writes;

/**
 * {@code kb.federation.*}: the peers this instance harvests, and how often.
 * <pre>
 * kb.federation.peers[0].partner=se
 * kb.federation.peers[0].url=https://kb.example.se
 * kb.federation.peers[0].key=...   (a key the peer gave us; sent as Authorization: Bearer)
 * </pre>
 * Environment: {@code KB_FEDERATION_PEERS_0_PARTNER}, {@code KB_FEDERATION_PEERS_0_URL}, {@code KB_FEDERATION_PEERS_0_KEY}.
 * A peer of kind {@code pact} is a PACT host (a supplier outside the network): {@code url} is its PACT base URL,
 * {@code client-id} and {@code client-secret} the credentials it gave us, {@code ssl-bundle} a Spring SSL bundle to
 * trust its certificate with, and {@code products[j].product-id} / {@code .stream} map its product ids to our
 * streams where it does not list ours (docs/partners.md, PACT).
 *
 * @param interval time between scheduled pulls of every peer (0 switches the schedule off)
 * @param timeout  longest a single pull may take before it counts as failed
 */
@ConfigurationProperties("kb.federation")
record FederationProperties(List<Peer> peers, Duration interval, Duration timeout) implements Writes.HarvestedPartners {

    /**
     * @param kind {@code symbiosis-kb} (the default: another instance's exchange endpoint) or {@code pact}
     */
    record Peer(String partner, URI url, String key, String kind, String clientId, String clientSecret, String sslBundle,
                List<Product> products) {

        static final String PACT = "pact";

        Peer {
            kind = kind == null || kind.isBlank() ? "symbiosis-kb" : kind;
            products = products == null ? List.of() : List.copyOf(products);
        }

        boolean pact() {
            return PACT.equals(kind);
        }

        /** Product id → stream, as configured. */
        java.util.Map<String, String> productStreams() {
            var map = new java.util.LinkedHashMap<String, String>();
            products.forEach(p -> map.put(p.productId(), p.stream()));
            return map;
        }
    }

    /** A PACT supplier's product id and the side stream (of the supplier's partner) it is. */
    record Product(String productId, String stream) {
    }

    FederationProperties {
        peers = peers == null ? List.of() : List.copyOf(peers);
        interval = interval == null ? Duration.ofMinutes(15) : interval;
        timeout = timeout == null ? Duration.ofMinutes(5) : timeout;
        for (int i = 0; i < peers.size(); i++) {
            var peer = peers.get(i);
            if (!Ids.isValidPartner(peer.partner()) || peer.url() == null) {
                throw new IllegalStateException("kb.federation.peers[" + i + "] needs a partner prefix (" + Ids.PARTNER_FORM + ") and a url");
            }
            if (!peer.kind().equals("symbiosis-kb") && !peer.pact()) {
                throw new IllegalStateException("kb.federation.peers[" + i + "].kind is symbiosis-kb (the default) or pact, found " + peer.kind());
            }
            if (peer.pact() && (peer.clientId() == null || peer.clientId().isBlank() || peer.clientSecret() == null
                    || peer.clientSecret().isBlank())) {
                throw new IllegalStateException("kb.federation.peers[" + i + "] is a PACT host: it needs the client-id and client-secret it gave us");
            }
            for (int j = 0; j < peer.products().size(); j++) {
                var product = peer.products().get(j);
                if (product.productId() == null || !product.productId().regionMatches(true, 0, "urn:", 0, 4) || product.stream() == null
                        || !product.stream().startsWith(peer.partner() + ":")) {
                    throw new IllegalStateException("kb.federation.peers[" + i + "].products[" + j + "] needs a product-id (a URN) and a stream "
                            + "of partner " + peer.partner() + " (" + peer.partner() + ":…)");
                }
            }
        }
    }

    @Override
    public Set<String> harvested() {
        return peers.stream().map(Peer::partner).collect(Collectors.toUnmodifiableSet());
    }
}
