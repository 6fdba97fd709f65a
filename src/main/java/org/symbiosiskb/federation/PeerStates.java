package org.symbiosiskb.federation;

import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.symbiosiskb.graph.Cypher;

/** Harvesting progress per peer, kept in the database (a {@code :PeerState} node, not a record) so it survives restarts. */
@Component
class PeerStates {

    static final String READ = "MATCH (s:PeerState {partner: $partner}) RETURN s";
    static final String ATTEMPT = "MERGE (s:PeerState {partner: $partner}) SET s.url = $url, s.lastAttemptAt = $at";
    static final String SUCCESS = """
            MERGE (s:PeerState {partner: $partner})
            SET s.since = $since, s.etag = $etag, s.lastSuccessAt = $at, s.lastResult = $result
            """;
    static final String FAILURE = "MERGE (s:PeerState {partner: $partner}) SET s.lastErrorAt = $at, s.lastError = $error";

    private final Cypher cypher;
    private final org.springframework.context.ApplicationEventPublisher events;

    PeerStates(Cypher cypher, org.springframework.context.ApplicationEventPublisher events) {
        this.cypher = cypher.unguarded(); // the service's own bookkeeping
        this.events = events;
    }

    Optional<PeerState> of(String partner, String url, String kind) {
        return cypher.one(READ, Map.of("partner", partner), r -> {
            var s = r.get("s");
            return new PeerState(partner, kind, url, s.get("since").asString(null), s.get("etag").asString(null),
                    s.get("lastAttemptAt").asString(null), s.get("lastSuccessAt").asString(null), s.get("lastResult").asString(null),
                    s.get("lastErrorAt").asString(null), s.get("lastError").asString(null));
        });
    }

    void attempted(String partner, String url, String at) {
        cypher.run(ATTEMPT, Map.of("partner", partner, "url", url, "at", at));
    }

    void succeeded(String partner, String since, String etag, String at, String result) {
        var params = new java.util.HashMap<String, Object>();
        params.put("partner", partner);
        params.put("since", since);
        params.put("etag", etag);
        params.put("at", at);
        params.put("result", result);
        cypher.run(SUCCESS, params);
        events.publishEvent(new PeerStateChanged(partner));
    }

    void failed(String partner, String at, String error) {
        cypher.run(FAILURE, Map.of("partner", partner, "at", at, "error", error));
        events.publishEvent(new PeerStateChanged(partner));
    }
}
