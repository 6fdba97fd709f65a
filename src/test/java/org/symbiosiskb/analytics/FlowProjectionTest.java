package org.symbiosiskb.analytics;

import static org.assertj.core.api.Assertions.assertThat;

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
            try (var tx = db.beginTx()) {
                FlowGraph projected = FlowProjections.forTrace(tx, db);
                assertThat(projected).as("a committed graph is read from the projection").isInstanceOf(FlowProjection.class);
                assertThat(FlowProjections.forTrace(tx, db)).as("and the copy is reused until the next commit").isSameAs(projected);
                var store = new CoreFlowGraph(tx);
                for (int i = 0; i < 40; i++) {
                    for (String direction : List.of("UPSTREAM", "DOWNSTREAM")) {
                        var a = Trace.run(projected, "p" + i, 2024, direction, "MASS", 10, 0.001, 50);
                        var b = Trace.run(store, "p" + i, 2024, direction, "MASS", 10, 0.001, 50);
                        String what = "round " + round + ", p" + i + " " + direction;
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
    }

    private double trace(String process) {
        // Cypher is lazy: the procedure runs only when its rows are read
        return db.executeTransactionally("CALL kb.trace($p, 2024) YIELD total RETURN total", Map.of("p", process),
                result -> (Double) result.next().get("total"));
    }

    @Test
    void procedure_calls_without_a_commit_in_between_reuse_one_projection() {
        trace("p1");
        long before = FlowProjections.builds();
        for (int i = 0; i < 5; i++) {
            trace("p" + i);
        }
        assertThat(FlowProjections.builds()).isEqualTo(before);
        randomWrite(3); // a commit: p7's emission changes
        trace("p1");
        assertThat(FlowProjections.builds()).isEqualTo(before + 1);
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
