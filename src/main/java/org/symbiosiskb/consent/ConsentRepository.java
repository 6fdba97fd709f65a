package org.symbiosiskb.consent;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.symbiosiskb.graph.Cypher;
import org.symbiosiskb.graph.FlowById;

/** Cypher for consents and the links that wait for them (PROPOSED_* relationships, see exchange.Consents). */
@Component
class ConsentRepository {

    /** The relationships a consent-gated link of a record has when it counts (flows aside: they are relationships themselves). */
    static final List<String> LINKS = List.of("IN_PARK", "LOCATED_IN", "MEMBER_OF", "BUYER", "FROM_SINK");
    private static final String LINK_LIST = LINKS.stream().map(v -> "'" + v + "'").collect(Collectors.joining(", ", "[", "]"));

    /** Whether the consent still matches its record: no link of the record to the partner waits for it again. */
    static final String CONSENT_BY_KEY = """
            MATCH (n:Consent {id: $key})
            RETURN n, n.decision = 'ENDED' OR NOT (
                EXISTS { MATCH (:Record {id: n.record})-[l]->(:Record)
                         WHERE type(l) STARTS WITH 'PROPOSED_' AND l.party = n.partner AND l.consent = 'AWAITING' }
                OR EXISTS { MATCH ()-[f:PROPOSED_SUPPLIES {id: n.record}]->() WHERE f.party = n.partner AND f.consent = 'AWAITING' }
            ) AS current""";

    static final String LINKS_OF_RECORDS = """
            UNWIND $ids AS key
            MATCH (n:Record {id: key})-[l]->(m:Record)
            WHERE replace(type(l), 'PROPOSED_', '') IN """ + LINK_LIST + """
             AND m.source <> n.source
            RETURN DISTINCT key, m.source AS partner, CASE WHEN type(l) STARTS WITH 'PROPOSED_' THEN l.consent ELSE 'AGREED' END AS state
            ORDER BY partner""";

    static final String LINKS_OF_FLOWS = "UNWIND $ids AS key\n" + FlowById.call("key", "key", "f") + """
            WITH key, startNode(f) AS s, f, endNode(f) AS c WHERE s.source <> c.source
            RETURN key, CASE WHEN f.source = s.source THEN c.source ELSE s.source END AS partner,
                   CASE type(f) WHEN 'SUPPLIES' THEN 'AGREED' ELSE f.consent END AS state""";

    /** A partner's inbox: one index seek per kind of link (relationship indexes on `party`, cypher/schema.cypher). */
    static final String REQUESTS = LINKS.stream().map(type -> """
              MATCH (n:Record)-[l:PROPOSED_%s]->(m:Record) WHERE l.party = $partner AND l.consent = $state
              RETURN n.id AS record, [x IN labels(n) WHERE x <> 'Record'][0] AS label, n.source AS owner, '%s' AS link, m.id AS target
            """.formatted(type, type)).collect(Collectors.joining("  UNION\n", "CALL {\n", """
              UNION
              MATCH (s)-[f:PROPOSED_SUPPLIES]->(c) WHERE f.party = $partner AND f.consent = $state
              RETURN f.id AS record, 'Flow' AS label, f.source AS owner, 'SUPPLIES' AS link,
                     CASE WHEN s.source = $partner THEN s.id ELSE c.id END AS target
            }
            RETURN record, label, owner, link, target ORDER BY record, link LIMIT $limit"""));

    private final Cypher cypher;

    ConsentRepository(Cypher cypher) {
        this.cypher = cypher;
    }

    Optional<Consent> consent(String key) {
        return cypher.one(CONSENT_BY_KEY, Map.of("key", key), r -> Consent.from(r.get("n"), r.get("current").asBoolean()));
    }

    Map<String, List<LinkConsent>> linksOfRecords(Collection<String> ids) {
        return cypher.grouped(LINKS_OF_RECORDS, ids,
                r -> new LinkConsent(r.get("key").asString(), r.get("partner").asString(), r.get("state").asString()));
    }

    Map<String, List<LinkConsent>> linksOfFlows(Collection<String> ids) {
        return cypher.grouped(LINKS_OF_FLOWS, ids,
                r -> new LinkConsent(r.get("key").asString(), r.get("partner").asString(), r.get("state").asString()));
    }

    List<ConsentRequest> requests(String partner, String state, int limit) {
        return cypher.list(REQUESTS, Map.of("partner", partner, "state", state, "limit", limit), r -> new ConsentRequest(
                r.get("record").asString(), kind(r.get("label").asString()), r.get("owner").asString(), partner,
                r.get("link").asString(), r.get("target").asString(), state));
    }

    private static String kind(String label) {
        return Character.toLowerCase(label.charAt(0)) + label.substring(1);
    }
}
