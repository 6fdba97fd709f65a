package org.symbiosiskb.federation;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.symbiosiskb.security.Writes;

/**
 * {@code kb.federation.*}: the peers this instance harvests, and how often.
 * <pre>
 * kb.federation.peers[0].partner=se
 * kb.federation.peers[0].url=https://kb.example.se
 * kb.federation.peers[0].key=...   (a key the peer gave us; sent as Authorization: Bearer)
 * </pre>
 * Environment: {@code KB_FEDERATION_PEERS_0_PARTNER}, {@code KB_FEDERATION_PEERS_0_URL}, {@code KB_FEDERATION_PEERS_0_KEY}.
 *
 * @param interval time between scheduled pulls of every peer (0 switches the schedule off)
 * @param timeout  longest a single pull may take before it counts as failed
 */
@ConfigurationProperties("kb.federation")
record FederationProperties(List<Peer> peers, Duration interval, Duration timeout) implements Writes.HarvestedPartners {

    record Peer(String partner, URI url, String key) {
    }

    FederationProperties {
        peers = peers == null ? List.of() : List.copyOf(peers);
        interval = interval == null ? Duration.ofMinutes(15) : interval;
        timeout = timeout == null ? Duration.ofMinutes(5) : timeout;
        for (int i = 0; i < peers.size(); i++) {
            var peer = peers.get(i);
            if (peer.partner() == null || !peer.partner().matches("[a-z][a-z0-9-]{1,31}") || peer.url() == null) {
                throw new IllegalStateException("kb.federation.peers[" + i + "] needs a partner prefix ([a-z][a-z0-9-]{1,31}) and a url");
            }
        }
    }

    @Override
    public Set<String> harvested() {
        return peers.stream().map(Peer::partner).collect(Collectors.toUnmodifiableSet());
    }
}
