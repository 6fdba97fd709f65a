package org.symbiosiskb.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.graphdb.GraphDatabaseService;
import org.symbiosiskb.support.TestDatabase;

/**
 * The in-memory projection answers exactly what the store answers, after every kind of write:
 * random graphs, random changes committed in between, every process traced both ways.
 */
class FlowProjectionTest {

    GraphDatabaseService db;
    SplittableRandom random = new SplittableRandom(11);

    @BeforeEach
    void randomGraph() {
        db = TestDatabase.get().defaultDatabaseService();
        db.executeTransactionally("MATCH (n) DETACH DELETE n");
        for (int i = 0; i < 40; i++) {
            db.executeTransactionally("""
                    CREATE (p:Record:Process {id: $id, outputTonnes: $out})-[:PRODUCES]->(:Record:SideStream {id: $id + '-s', quantity: $q, unit: 't'})
                    CREATE (p)-[:REPORTED]->(:Emission {year: 2024, scope: 1, tCO2e: $e})
                    CREATE (p)-[:REPORTED]->(:Emission {year: 2024, scope: 3, tCO2e: 999.0})""",
                    Map.of("id", "p" + i, "out", 1000.0 + random.nextInt(9000), "q", 300.0, "e", (double) random.nextInt(500)));
            // every other process also has a record of better provenance beside its illustrative one: only that one counts
            if (i % 2 == 0) {
                db.executeTransactionally("MATCH (p:Process {id: $id}) CREATE (p)-[:REPORTED]->(:Emission {year: 2024, scope: 1, tCO2e: $e, provenance: $kind})",
                        Map.of("id", "p" + i, "e", (double) random.nextInt(500), "kind", i % 4 == 0 ? "REPORTED" : "CALCULATED"));
            }
        }
        for (int f = 0; f < 80; f++) {
            addFlow("f" + f);
        }
    }

    private void addFlow(String id) {
        int from = random.nextInt(40);
        int to = random.nextInt(40);
        if (from != to) {
            db.executeTransactionally("""
                    MATCH (s:SideStream {id: $s}), (c:Process {id: $c})
                    CREATE (s)-[:SUPPLIES {id: $id, quantity: $q, distanceKm: 10.0, transportMode: 'ROAD', fromYear: $from}]->(c)""",
                    Map.of("s", "p" + from + "-s", "c", "p" + to, "id", id, "q", 1.0 + random.nextInt(3), "from",
                            random.nextInt(5) == 0 ? 2025L : 2000L));
        }
    }

    private void randomWrite(int round) {
        switch (round % 5) {
            case 0 -> addFlow("new" + round);
            case 1 -> db.executeTransactionally("MATCH ()-[f:SUPPLIES]->() WITH f ORDER BY f.id LIMIT 1 DELETE f");
            case 2 -> db.executeTransactionally("MATCH ()-[f:SUPPLIES]->() WITH f ORDER BY f.id DESC LIMIT 1 SET f.quantity = f.quantity * 2");
            case 3 -> db.executeTransactionally("MATCH (:Process {id: 'p7'})-[:REPORTED]->(e:Emission {scope: 1}) SET e.tCO2e = e.tCO2e + 100");
            default -> db.executeTransactionally("MATCH (p:Process {id: 'p3'}) SET p.outputTonnes = p.outputTonnes / 2");
        }
    }

    @Test
    void the_projection_answers_exactly_what_the_store_answers_after_random_writes() {
        for (int round = 0; round < 10; round++) {
            randomWrite(round);
            assertProjectionEqualsStore("round " + round);
        }
    }

    /**
     * Writes of every kind the projection reads, as the service and researchers make them: a consent
     * retypes a waiting flow (delete and create), a reported record replaces an assumed one, a stream
     * turns to MWh, a process is deleted and another created, a producer becomes a placeholder with a
     * published footprint, a flow moves out of the year, an emission record is deleted. After each,
     * every trace equals the store's, and no write made the projection be built again.
     */
    @Test
    void the_projection_is_updated_in_place_by_writes_of_every_kind() {
        assertProjectionEqualsStore("before");
        long builds = FlowProjections.builds();
        for (int round = 0; round < 20; round++) {
            switch (round % 10) {
                case 0 -> db.executeTransactionally("""
                        MATCH (s:SideStream {id: 'p5-s'}), (c:Process {id: 'p9'})
                        CREATE (s)-[:PROPOSED_SUPPLIES {id: 'waiting' + $r, quantity: 7.0, consent: 'AWAITING'}]->(c)""", Map.of("r", round));
                case 1 -> db.executeTransactionally("""
                        MATCH (a)-[f:PROPOSED_SUPPLIES]->(b) WITH a, f, b, properties(f) AS props
                        DELETE f CREATE (a)-[g:SUPPLIES]->(b) SET g = props, g.consent = null""");
                case 2 -> db.executeTransactionally("""
                        MATCH (p:Process {id: $p}) CREATE (p)-[:REPORTED]->(:Emission {year: 2024, scope: 1, tCO2e: 42.0, provenance: 'REPORTED'})""",
                        Map.of("p", "p" + (2 * round + 1) % 40));
                case 3 -> db.executeTransactionally("MATCH (s:SideStream {id: $s}) SET s.unit = 'MWh', s.allocationShare = 0.3",
                        Map.of("s", "p" + round % 40 + "-s"));
                case 4 -> db.executeTransactionally("MATCH (p:Process {id: $p}) DETACH DELETE p", Map.of("p", "p" + (round + 11) % 40));
                case 5 -> db.executeTransactionally("""
                        MATCH (s:SideStream {id: 'p1-s'})
                        CREATE (n:Record:Process {id: 'new' + $r, outputTonnes: 500.0})-[:PRODUCES]->(t:Record:SideStream {id: 'new' + $r + '-s', quantity: 50.0, unit: 't'})
                        CREATE (n)-[:REPORTED]->(:Emission {year: 2024, scope: 2, tCO2e: 30.0})
                        CREATE (s)-[:SUPPLIES {id: 'into-new' + $r, quantity: 2.0}]->(n)
                        WITH t MATCH (c:Process {id: 'p2'}) CREATE (t)-[:SUPPLIES {id: 'from-new' + $r, quantity: 10.0}]->(c)""", Map.of("r", round));
                case 6 -> db.executeTransactionally("""
                        MATCH (p:Process {id: 'p4'})-[:PRODUCES]->(s) SET p.placeholder = true
                        MERGE (s)-[:PUBLISHED]->(fp:Footprint {key: 'p4-2024'}) SET fp.year = 2024, fp.tCO2ePerUnit = 0.5 + $r""", Map.of("r", round));
                case 7 -> db.executeTransactionally("MATCH ()-[f:SUPPLIES]->() WITH f ORDER BY f.id LIMIT 3 SET f.fromYear = 2025");
                case 8 -> db.executeTransactionally("MATCH (:Process {id: 'p6'})-[:REPORTED]->(e:Emission {scope: 1}) DETACH DELETE e");
                default -> randomWrite(round);
            }
            assertProjectionEqualsStore("round " + round);
            assertThat(FlowProjections.builds()).as("round " + round + ": updated in place").isEqualTo(builds);
        }
    }

    /** Every process traced both ways, the projection's answer against the store's, to the last bit. */
    private void assertProjectionEqualsStore(String when) {
        try (var tx = db.beginTx()) {
            FlowGraph projected = FlowProjections.forTrace(tx, db);
            assertThat(projected).as("a committed graph is read from the projection").isInstanceOf(FlowProjection.class);
            assertThat(FlowProjections.forTrace(tx, db)).as("and the copy is reused until the next commit").isSameAs(projected);
            var store = new CoreFlowGraph(tx);
            var processes = tx.findNodes(org.neo4j.graphdb.Label.label("Process")).stream().map(CoreFlowGraph::id).sorted().toList();
            for (String p : processes) {
                for (String direction : List.of("UPSTREAM", "DOWNSTREAM")) {
                    var a = Trace.run(projected, p, 2024, direction, "MASS", 10, 0.001, 50);
                    var b = Trace.run(store, p, 2024, direction, "MASS", 10, 0.001, 50);
                    String what = when + ", " + p + " " + direction;
                    assertThat(a.total).as(what).isEqualTo(b.total);
                    assertThat(a.reportedShare).as(what).isEqualTo(b.reportedShare);
                    assertThat(a.direct).as(what).isEqualTo(b.direct);
                    assertThat(a.transport).as(what).isEqualTo(b.transport);
                    assertThat(a.inherited).as(what).isEqualTo(b.inherited);
                    assertThat(a.coverage).as(what).isEqualTo(b.coverage);
                    assertThat(a.truncated).as(what).isEqualTo(b.truncated);
                    assertThat(a.paths).as(what).isEqualTo(b.paths);
                }
            }
        }
    }

    @Test
    void a_large_loop_is_solved_again_from_its_kept_tables_after_a_write() {
        // a ring of 500 (beyond the dense solve): each process (1000 t, 10 t CO2e) sends 500 t to the next, c = 0.5: F = 20
        db.executeTransactionally("MATCH (n) DETACH DELETE n");
        db.executeTransactionally("""
                UNWIND range(0, 499) AS i
                CREATE (p:Record:Process {id: 'ring-' + i, outputTonnes: 1000.0})-[:PRODUCES]->(:Record:SideStream {id: 'out-' + i, quantity: 500.0, unit: 't'})
                CREATE (p)-[:REPORTED]->(:Emission {year: 2024, scope: 1, tCO2e: 10.0})""");
        db.executeTransactionally("""
                UNWIND range(0, 499) AS i
                MATCH (s:SideStream {id: 'out-' + i}), (c:Process {id: 'ring-' + ((i + 1) % 500)})
                CREATE (s)-[:SUPPLIES {id: 'link-' + i, quantity: 500.0}]->(c)""");
        assertThat(trace("ring-9")).isCloseTo(20, within(1e-9));
        long builds = FlowProjections.builds();

        // ring-9 now takes 250 t of ring-8's output: c = 0.25. Below ring-9 every F moves toward 20 by half a step:
        // F(9 + d) = 20 + (F(9) − 20) × 0.5^d, so F(8) = 20 + (F(9) − 20) × 0.5^499 ≈ 20 and F(9) = 10 + 0.25 × 20 = 15;
        // F(10) = 10 + 0.5 × 15 = 17.5; F(11) = 10 + 0.5 × 17.5 = 18.75
        db.executeTransactionally("MATCH ()-[f:SUPPLIES {id: 'link-8'}]->() SET f.quantity = 250.0");
        assertThat(trace("ring-9")).isCloseTo(15, within(1e-9));
        assertThat(trace("ring-10")).isCloseTo(17.5, within(1e-9));
        assertThat(trace("ring-11")).isCloseTo(18.75, within(1e-9));

        // ring-300 emits 110 t: F(300) = 110 + 0.5 × F(299) = 120 (F(299) ≈ 20); F(301) = 10 + 0.5 × 120 = 70
        db.executeTransactionally("MATCH (:Process {id: 'ring-300'})-[:REPORTED]->(e:Emission) SET e.tCO2e = 110.0");
        assertThat(trace("ring-300")).isCloseTo(120, within(1e-6));
        assertThat(trace("ring-301")).isCloseTo(70, within(1e-6));
        assertThat(trace("ring-10")).as("the first write is kept").isCloseTo(17.5, within(1e-6));
        assertThat(FlowProjections.builds()).as("updated in place, not built again").isEqualTo(builds);
        try (var tx = db.beginTx()) {
            var store = new CoreFlowGraph(tx);
            for (String p : List.of("ring-9", "ring-10", "ring-299", "ring-300", "ring-301", "ring-499")) {
                assertThat(trace(p)).as(p).isCloseTo(Trace.run(store, p, 2024, "UPSTREAM", "MASS", 10, 0.001, 50).total, within(1e-9));
            }
        }
    }

    private double trace(String process) {
        // Cypher is lazy: the procedure runs only when its rows are read
        return db.executeTransactionally("CALL kb.trace($p, 2024) YIELD total RETURN total", Map.of("p", process),
                result -> (Double) result.next().get("total"));
    }

    private double direct(String process) {
        return db.executeTransactionally("CALL kb.trace($p, 2024) YIELD direct RETURN direct", Map.of("p", process),
                result -> (Double) result.next().get("direct"));
    }

    @Test
    void procedure_calls_reuse_one_projection_and_a_commit_updates_it_in_place() {
        trace("p1");
        long before = FlowProjections.builds();
        for (int i = 0; i < 5; i++) {
            trace("p" + i);
        }
        assertThat(FlowProjections.builds()).isEqualTo(before);
        double p7 = direct("p7");
        randomWrite(3); // a commit: p7's scope-1 emission (its only one) grows by 100 t
        assertThat(direct("p7")).as("the next trace sees the commit").isCloseTo(p7 + 100, within(1e-9));
        assertThat(FlowProjections.builds()).as("updated in place, not built again").isEqualTo(before);
    }

    @Test
    void a_transaction_with_its_own_uncommitted_writes_reads_the_store() {
        try (var tx = db.beginTx()) {
            tx.execute("MATCH (p:Process {id: 'p1'}) SET p.outputTonnes = 1.0");
            assertThat(FlowProjections.forTrace(tx, db)).isInstanceOf(CoreFlowGraph.class);
            tx.rollback();
        }
    }
}
