package org.symbiosiskb.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.graphdb.GraphDatabaseService;
import org.symbiosiskb.support.TestDatabase;

/**
 * Issue 15, items 1 and 2: the projection solves the network once, and a commit re-solves only the
 * processes it touched and what lies downstream of them. Hand-worked on a chain A → B → C beside a
 * process D, every flow in tonnes without transport, so F(p) = E(p) + Σ c(f)·F(q) with
 * c(f) = quantity / the producer's outputTonnes:
 * <pre>
 *   A: output 100 t, E 10          A → B 50 t   c = 50 / 100 = 0.5
 *   B: output 200 t, E 20          B → C 100 t  c = 100 / 200 = 0.5
 *   C: E 5            D: output 70 t, E 7 (no flows)
 *   F(A) = 10, F(B) = 20 + 0.5·10 = 25, F(C) = 5 + 0.5·25 = 17.5, F(D) = 7
 * </pre>
 */
class ProjectionUpkeepTest {

    GraphDatabaseService db;

    @BeforeEach
    void chain() {
        db = TestDatabase.get().defaultDatabaseService();
        db.executeTransactionally("MATCH (n) DETACH DELETE n");
        db.executeTransactionally("""
                CREATE (a:Record:Process {id: 'A', outputTonnes: 100.0})-[:PRODUCES]->(sa:Record:SideStream {id: 'sA', quantity: 100.0, unit: 't'})
                CREATE (b:Record:Process {id: 'B', outputTonnes: 200.0})-[:PRODUCES]->(sb:Record:SideStream {id: 'sB', quantity: 200.0, unit: 't'})
                CREATE (c:Record:Process {id: 'C'})
                CREATE (d:Record:Process {id: 'D', outputTonnes: 70.0})-[:PRODUCES]->(:Record:SideStream {id: 'sD', quantity: 70.0, unit: 't'})
                CREATE (a)-[:REPORTED]->(:Emission {year: 2024, scope: 1, tCO2e: 10.0})
                CREATE (b)-[:REPORTED]->(:Emission {year: 2024, scope: 1, tCO2e: 20.0})
                CREATE (c)-[:REPORTED]->(:Emission {year: 2024, scope: 1, tCO2e: 5.0})
                CREATE (d)-[:REPORTED]->(:Emission {year: 2024, scope: 1, tCO2e: 7.0})
                CREATE (sa)-[:SUPPLIES {id: 'ab', quantity: 50.0}]->(b)
                CREATE (sb)-[:SUPPLIES {id: 'bc', quantity: 100.0}]->(c)""");
    }

    private double total(String process) {
        return db.executeTransactionally("CALL kb.trace($p, 2024) YIELD total RETURN total", Map.of("p", process),
                result -> (Double) result.next().get("total"));
    }

    private long solvedNodes() {
        return db.executeTransactionally("CALL kb.projection() YIELD solvedNodes RETURN solvedNodes",
                Map.of(), result -> (Long) result.next().get("solvedNodes"));
    }

    @Test
    void a_commit_solves_again_only_what_lies_downstream_of_it() {
        assertThat(total("C")).isCloseTo(17.5, within(1e-9));
        assertThat(total("B")).isCloseTo(25, within(1e-9));
        assertThat(total("D")).isCloseTo(7, within(1e-9));
        long builds = FlowProjections.builds();
        long solved = solvedNodes();

        // A's emission 10 → 30: F(A) = 30, F(B) = 20 + 0.5·30 = 35, F(C) = 5 + 0.5·35 = 22.5; D is not downstream of A
        db.executeTransactionally("MATCH (:Process {id: 'A'})-[:REPORTED]->(e) SET e.tCO2e = 30.0");
        assertThat(total("C")).isCloseTo(22.5, within(1e-9));
        assertThat(total("B")).isCloseTo(35, within(1e-9));
        assertThat(total("D")).isCloseTo(7, within(1e-9));
        assertThat(solvedNodes() - solved).as("A, B and C solved again; D kept its figure").isEqualTo(3);

        // one new flow D → C, 14 t of D's 70 t: c = 0.2, F(C) = 5 + 0.5·35 + 0.2·7 = 23.9; only C is downstream of the change
        solved = solvedNodes();
        db.executeTransactionally("MATCH (s:SideStream {id: 'sD'}), (c:Process {id: 'C'}) CREATE (s)-[:SUPPLIES {id: 'dc', quantity: 14.0}]->(c)");
        assertThat(total("C")).isCloseTo(23.9, within(1e-9));
        assertThat(solvedNodes() - solved).isEqualTo(1);
        assertThat(FlowProjections.builds()).as("no write built the projection again").isEqualTo(builds);
    }

    @Test
    void a_commit_returns_before_its_upkeep_and_a_trace_after_it_waits_for_the_upkeep() throws Exception {
        assertThat(total("C")).isCloseTo(17.5, within(1e-9));
        var release = new CountDownLatch(1);
        FlowProjections.onUpkeepThread(db, () -> awaitQuietly(release)); // the upkeep thread is busy until released

        // A's emission 10 → 30: the commit returns although its upkeep cannot start
        db.executeTransactionally("MATCH (:Process {id: 'A'})-[:REPORTED]->(e) SET e.tCO2e = 30.0");
        var traced = new CompletableFuture<Double>();
        var reader = Thread.ofPlatform().start(() -> traced.complete(total("C")));
        // release the upkeep once the reader waits for it (or has answered without waiting, which the assertion refuses)
        while (!traced.isDone() && reader.getState() != Thread.State.WAITING) {
            Thread.onSpinWait();
        }
        release.countDown();

        // F(A) = 30, F(B) = 20 + 0.5·30 = 35, F(C) = 5 + 0.5·35 = 22.5 (17.5 if the trace had read the projection before the upkeep)
        assertThat(traced.get(60, TimeUnit.SECONDS)).isCloseTo(22.5, within(1e-9));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void a_flow_waiting_for_consent_counts_only_once_a_consent_retypes_it() {
        assertThat(total("D")).isCloseTo(7, within(1e-9));
        long solved = solvedNodes();
        // B → D 40 t proposed to D's owner: invisible, nothing to solve again
        db.executeTransactionally("""
                MATCH (s:SideStream {id: 'sB'}), (d:Process {id: 'D'})
                CREATE (s)-[:PROPOSED_SUPPLIES {id: 'bd', quantity: 40.0, consent: 'AWAITING', party: 'x'}]->(d)""");
        assertThat(total("D")).isCloseTo(7, within(1e-9));
        assertThat(solvedNodes() - solved).isZero();

        // the consent retypes it (a delete and a create): c = 40 / 200 = 0.2, F(D) = 7 + 0.2·25 = 12
        db.executeTransactionally("""
                MATCH (a)-[f:PROPOSED_SUPPLIES {id: 'bd'}]->(b) WITH a, f, b, properties(f) AS props
                DELETE f CREATE (a)-[g:SUPPLIES]->(b) SET g = props, g.consent = null, g.party = null""");
        assertThat(total("D")).isCloseTo(12, within(1e-9));
        assertThat(solvedNodes() - solved).as("only D").isEqualTo(1);

        // the consent ends: back to PROPOSED_SUPPLIES, F(D) = 7 again
        db.executeTransactionally("""
                MATCH (a)-[f:SUPPLIES {id: 'bd'}]->(b) WITH a, f, b, properties(f) AS props
                DELETE f CREATE (a)-[g:PROPOSED_SUPPLIES]->(b) SET g = props, g.consent = 'ENDED'""");
        assertThat(total("D")).isCloseTo(7, within(1e-9));
    }

    @Test
    void a_producer_deleted_or_halved_reaches_its_consumers() {
        assertThat(total("C")).isCloseTo(17.5, within(1e-9));
        // B's output 200 → 100 t: c(bc) = 100 / 100 = 1, F(C) = 5 + 1·25 = 30
        db.executeTransactionally("MATCH (b:Process {id: 'B'}) SET b.outputTonnes = 100.0");
        assertThat(total("C")).isCloseTo(30, within(1e-9));
        // A deleted: its stream sA still supplies B, but without a producer it carries nothing: F(B) = 20, F(C) = 5 + 20 = 25
        db.executeTransactionally("MATCH (a:Process {id: 'A'}) DETACH DELETE a");
        assertThat(total("B")).isCloseTo(20, within(1e-9));
        assertThat(total("C")).isCloseTo(25, within(1e-9));
    }

    private long modelBytes() {
        return db.executeTransactionally("CALL kb.projection() YIELD modelBytes RETURN modelBytes",
                Map.of(), result -> (Long) result.next().get("modelBytes"));
    }

    /** What A passes on to B, read from the downstream trace's first chain: F(A) × c(ab). */
    private double passedToB() {
        return db.executeTransactionally("CALL kb.trace('A', 2024, 'DOWNSTREAM') YIELD paths RETURN paths[0].contribution AS c",
                Map.of(), result -> (Double) result.next().get("c"));
    }

    @Test
    void a_downstream_trace_keeps_the_flows_out_it_read_counted_and_a_write_makes_them_again() {
        assertThat(total("C")).isCloseTo(17.5, within(1e-9)); // solved: from here the model changes only by what traces keep
        long before = modelBytes();

        // A → B → C explores A's, B's and C's flows out, kept as links of 16 + 3·16 bytes and 4 + 8 a flow:
        // A and B one flow each, 76 bytes; C none, 64 bytes; 76 + 76 + 64 = 216
        assertThat(passedToB()).as("F(A) · c(ab) = 10 · 0.5").isCloseTo(5, within(1e-9));
        assertThat(modelBytes() - before).isEqualTo(216);
        assertThat(passedToB()).isCloseTo(5, within(1e-9));
        assertThat(modelBytes() - before).as("read again, not made again").isEqualTo(216);

        // ab 50 → 60 t: c(ab) = 60 / 100 = 0.6, so A's links are made again: F(A) · c(ab) = 10 · 0.6 = 6
        db.executeTransactionally("MATCH ()-[f:SUPPLIES {id: 'ab'}]->() SET f.quantity = 60.0");
        assertThat(passedToB()).isCloseTo(6, within(1e-9));
        assertThat(modelBytes() - before).as("A's links forgotten, then made again").isEqualTo(216);
    }

    @Test
    void commits_the_listener_did_not_see_are_noticed_by_the_last_transaction_id() {
        // a cluster member applies its leader's transactions without calling listeners; here the listener is taken off
        assertThat(total("C")).isCloseTo(17.5, within(1e-9));
        long builds = FlowProjections.builds();
        var dbms = TestDatabase.get().databaseManagementService();
        var listener = FlowProjections.listenerOf(db);
        dbms.unregisterTransactionEventListener("neo4j", listener);
        try {
            // C's emission 5 → 9: F(C) = 9 + 0.5·25 = 21.5
            db.executeTransactionally("MATCH (:Process {id: 'C'})-[:REPORTED]->(e) SET e.tCO2e = 9.0");
        } finally {
            dbms.registerTransactionEventListener("neo4j", listener);
        }
        assertThat(total("C")).isCloseTo(21.5, within(1e-9));
        assertThat(FlowProjections.builds()).as("built again from the store").isEqualTo(builds + 1);
    }

    @Test
    void a_build_beside_the_kept_projection_reads_the_store_and_leaves_the_kept_one_as_it_is() {
        assertThat(total("C")).isCloseTo(17.5, within(1e-9));
        long builds = FlowProjections.builds();
        long solved = solvedNodes();

        var rebuilt = Analytics.rebuild(db, 2024, "MASS");

        assertThat(rebuilt.processes()).as("A, B, C and D").isEqualTo(4);
        assertThat(rebuilt.buildMillis()).isNotNegative();
        assertThat(FlowProjections.builds()).as("the kept projection was not built again").isEqualTo(builds);
        assertThat(solvedNodes()).as("nor solved again").isEqualTo(solved);
        var status = db.executeTransactionally("CALL kb.projection() YIELD lastBuildMillis, builds RETURN *", Map.of(), r -> r.next());
        assertThat(status.get("lastBuildMillis")).as("the time of the kept projection's own build").isInstanceOf(Double.class);
    }
}
