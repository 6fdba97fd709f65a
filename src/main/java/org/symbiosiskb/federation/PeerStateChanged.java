package org.symbiosiskb.federation;

/**
 * Published (as a Spring application event) each time a peer's status in {@code GET /api/v1/peers} changes: a pull
 * succeeded or failed, a PACT supplier's answer was taken in. What it imported is committed by then, so a listener
 * (a test, a metric) sees the graph and the status as they are after the pull.
 */
public record PeerStateChanged(String partner) {
}
