package org.symbiosiskb.exchange;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.symbiosiskb.graph.Cypher;
import org.symbiosiskb.graph.StartupData;

/**
 * A store written before the consent rule holds links between partners that nobody consented to. At the
 * first start with this version they wait for the other partner's consent, as if they had just been
 * written (exchange.Consents), an offset agreement counts with its effective status, and a record's parties
 * are recorded. Runs once: a {@code :Migration} node remembers it.
 */
@Component
class ConsentMigration implements StartupData {

    private static final Logger log = LoggerFactory.getLogger(ConsentMigration.class);
    static final String ID = "consent-links-1";

    static final String DONE = "MATCH (m:Migration {id: $id}) RETURN count(m) > 0 AS done";
    static final String LINKS = """
            MATCH (n:Record)-[r:IN_PARK|LOCATED_IN|MEMBER_OF|BUYER|FROM_SINK]->(m:Record)
            WHERE n.source <> m.source AND NOT EXISTS { MATCH (:Consent {id: m.source + ':consent@' + n.id}) }
            WITH n, r, m, type(r) AS counting
            DELETE r
            CREATE (n)-[s:$('PROPOSED_' + counting)]->(m)
            SET s.consent = 'AWAITING', s.party = m.source
            RETURN count(*) AS links""";
    static final String FLOWS = """
            MATCH (s:SideStream)-[f:SUPPLIES]->(c:Process)
            WHERE s.source <> c.source
            WITH s, f, c, CASE WHEN f.source = s.source THEN c.source ELSE s.source END AS party
            WHERE NOT EXISTS { MATCH (:Consent {id: party + ':consent@' + f.id}) }
            WITH s, f, c, party, properties(f) AS props
            DELETE f
            CREATE (s)-[g:PROPOSED_SUPPLIES]->(c)
            SET g = props, g.consent = 'AWAITING', g.party = party, g.parties = [party]
            RETURN count(*) AS flows""";
    static final String PARTIES = """
            MATCH (n:Record)-[r]->(m:Record)
            WHERE replace(type(r), 'PROPOSED_', '') IN ['IN_PARK', 'LOCATED_IN', 'MEMBER_OF', 'BUYER', 'FROM_SINK']
              AND n.source <> m.source AND n.parties IS NULL
            WITH n, collect(DISTINCT m.source) AS parties
            SET n.parties = parties""";
    static final String AGREEMENTS = """
            MATCH (a:OffsetAgreement) WHERE a.effectiveStatus IS NULL AND a.placeholder IS NULL
            WITH a, [(a)-[x]->(m) WHERE type(x) STARTS WITH 'PROPOSED_' | m.source] AS awaiting,
                 EXISTS { (a)-[:BUYER|FROM_SINK]->(m) WHERE m.source <> a.source } AS crossPartner
            SET a.awaiting = awaiting,
                a.effectiveStatus = CASE WHEN a.status = 'ENDED' THEN 'ENDED' WHEN size(awaiting) > 0 THEN 'PROPOSED'
                                         WHEN crossPartner THEN 'ACTIVE' ELSE a.status END""";
    static final String MARK = "MERGE (m:Migration {id: $id}) SET m.at = datetime()";

    private final Cypher cypher;

    ConsentMigration(Cypher cypher) {
        this.cypher = cypher.unguarded(); // service work on the store as it is
    }

    @Override
    public void load() {
        if (cypher.one(DONE, Map.of("id", ID), r -> r.get("done").asBoolean()).orElse(false)) {
            return;
        }
        long links = cypher.one(LINKS, Map.of(), r -> r.get("links").asLong()).orElse(0L);
        long flows = cypher.one(FLOWS, Map.of(), r -> r.get("flows").asLong()).orElse(0L);
        cypher.run(PARTIES, Map.of());
        cypher.run(AGREEMENTS, Map.of());
        cypher.run(MARK, Map.of("id", ID));
        if (links + flows > 0) {
            log.warn("Consent rule: {} links and {} flows between partners written before it now wait for the other partner's "
                    + "consent (consentRequests lists them)", links, flows);
        }
    }

    @Override
    public int getOrder() {
        return 5; // after the reference data, before the example data
    }
}
