package org.symbiosiskb.federation;

/**
 * Where harvesting a peer got to, as {@code GET /api/v1/peers} shows it.
 *
 * @param kind          symbiosis-kb (another instance) or pact (a PACT host)
 * @param since         the peer's instant to ask from next time (null: the next pull takes everything)
 * @param lastResult    counts of the last successful pull, e.g. "created 3, updated 0, unchanged 0, deleted 1"
 */
record PeerState(String partner, String kind, String url, String since, String etag, String lastAttemptAt, String lastSuccessAt,
                 String lastResult, String lastErrorAt, String lastError) {
}
