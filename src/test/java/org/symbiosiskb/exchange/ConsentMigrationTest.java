package org.symbiosiskb.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.symbiosiskb.support.KbTest;

/** A store from before the consent rule: its links between partners wait for consent after the first start. */
@KbTest
class ConsentMigrationTest {

    @Autowired
    Neo4jClient neo4j;
    @Autowired
    ConsentMigration migration;

    private long count(String cypher) {
        return neo4j.query(cypher).fetchAs(Long.class).one().orElseThrow();
    }

    @Test
    void links_between_partners_written_before_the_consent_rule_wait_for_consent() {
        neo4j.query("MATCH (n) DETACH DELETE n").run();
        // as an older version wrote them: a Swedish process IN_PARK of a Finnish park, a Finnish flow from a Swedish stream,
        // a Swedish agreement on a Finnish sink; a Finnish process in its own park stays as it is
        neo4j.query("""
                CREATE (park:Record:Park {id: 'mgfi:park', source: 'mgfi'})
                CREATE (kiln:Record:Process {id: 'mgse:kiln', source: 'mgse'})-[:IN_PARK]->(park)
                CREATE (own:Record:Process {id: 'mgfi:own', source: 'mgfi'})-[:IN_PARK]->(park)
                CREATE (slag:Record:SideStream {id: 'mgse:slag', source: 'mgse'})
                CREATE (slag)-[:SUPPLIES {id: 'mgfi:flow', source: 'mgfi', quantity: 10.0}]->(own)
                CREATE (sink:Record:CarbonSink {id: 'mgfi:sink', source: 'mgfi'})
                CREATE (buyer:Record:Organization {id: 'mgse:buyer', source: 'mgse'})
                CREATE (a:Record:OffsetAgreement {id: 'mgse:oa', source: 'mgse', status: 'ACTIVE'})
                CREATE (a)-[:FROM_SINK]->(sink), (a)-[:BUYER]->(buyer)""").run();

        migration.load();

        assertThat(count("MATCH (:Process {id: 'mgse:kiln'})-[:PROPOSED_IN_PARK {consent: 'AWAITING', party: 'mgfi'}]->() RETURN count(*)")).isOne();
        assertThat(count("MATCH (:Process {id: 'mgfi:own'})-[:IN_PARK]->() RETURN count(*)")).isOne();
        assertThat(count("MATCH ()-[f:PROPOSED_SUPPLIES {id: 'mgfi:flow', party: 'mgse', quantity: 10.0}]->() RETURN count(*)")).isOne();
        assertThat(count("MATCH (a:OffsetAgreement {id: 'mgse:oa', effectiveStatus: 'PROPOSED'}) WHERE a.awaiting = ['mgfi'] "
                + "AND a.parties = ['mgfi'] RETURN count(*)")).isOne();
        // once only: a second start leaves what consents did since alone
        neo4j.query("MATCH (p:Process {id: 'mgse:kiln'})-[r:PROPOSED_IN_PARK]->(park) DELETE r CREATE (p)-[:IN_PARK]->(park)").run();
        migration.load();
        assertThat(count("MATCH (:Process {id: 'mgse:kiln'})-[:IN_PARK]->() RETURN count(*)")).isOne();
    }
}
