package org.symbiosiskb.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Label;
import org.symbiosiskb.support.TestDatabase;

/**
 * Balance, compensation and matching read the processes of a park, their emission records, flows and locations, and
 * the flows of a waste code from the projection (ProjectedKnowledgeGraph): on random graphs, after random writes of
 * every kind those depend on, each committed on its own, the projection's answers are the store's, to the last bit,
 * and so are whole balances, compensation plans and matches, errors included.
 */
class AnalyticsProjectionTest {

    static final List<String> CODES = List.of("10 01 01", "10 01 01*", "10 01 05", "19 12 12");

    GraphDatabaseService db;
    SplittableRandom random = new SplittableRandom(15);

    @BeforeEach
    void randomGraph() {
        db = TestDatabase.get().defaultDatabaseService();
        db.executeTransactionally("MATCH (n) DETACH DELETE n");
        for (String code : CODES) {
            db.executeTransactionally("CREATE (:WasteCode {code: $c})", Map.of("c", code));
        }
        for (int k = 0; k < 3; k++) {
            db.executeTransactionally("CREATE (k:Record:Park {id: $id}) SET k.location = CASE WHEN $k < 2 THEN point({latitude: 65.0 + $k, longitude: 25.0}) END",
                    Map.of("id", "k" + k, "k", k));
        }
        for (int o = 0; o < 6; o++) {
            db.executeTransactionally("""
                    CREATE (o:Record:Organization {id: $id})
                    SET o.location = CASE WHEN $o % 3 = 0 THEN point({latitude: 64.5 + $o * 0.2, longitude: 24.0}) END
                    WITH o MATCH (k:Park {id: $k}) WHERE $o < 5 CREATE (o)-[:LOCATED_IN]->(k)""", Map.of("id", "o" + o, "o", o, "k", "k" + o % 3));
        }
        for (int i = 0; i < 30; i++) {
            String code = CODES.get(random.nextInt(CODES.size()));
            db.executeTransactionally("""
                    CREATE (p:Record:Process {id: $id, outputTonnes: 1000.0})-[:PRODUCES]->(s:Record:SideStream {id: $id + '-s', quantity: 400.0, unit: 't'})
                    SET p.location = CASE WHEN $i % 7 = 0 THEN point({latitude: 66.0, longitude: 26.0 + $i * 0.01}) END
                    SET s.ewc = CASE WHEN $i % 5 <> 0 THEN $code END, s.material = CASE WHEN $i % 5 = 0 THEN ' Slag ' ELSE 'ash' END
                    WITH p, s OPTIONAL MATCH (w:WasteCode {code: $code}) FOREACH (_ IN CASE WHEN $i % 5 <> 0 THEN [1] ELSE [] END | CREATE (s)-[:CLASSIFIED_AS]->(w))
                    WITH p OPTIONAL MATCH (o:Organization {id: $o}) FOREACH (_ IN CASE WHEN $i % 9 <> 0 THEN [1] ELSE [] END | CREATE (o)-[:OPERATES]->(p))
                    WITH p OPTIONAL MATCH (k:Park {id: $k}) FOREACH (_ IN CASE WHEN $i % 4 = 0 THEN [1] ELSE [] END | CREATE (p)-[:IN_PARK]->(k))
                    WITH p CREATE (p)-[:NEEDS]->(:Record:Need {id: $id + '-n', quantity: 50.0, unit: 't', ewc: CASE WHEN $i % 2 = 0 THEN $code END,
                                                               material: CASE WHEN $i % 2 = 1 THEN 'slag' END})""",
                    Map.of("id", "p" + i, "i", i, "code", code, "o", "o" + random.nextInt(6), "k", "k" + random.nextInt(3)));
            for (int e = 0; e < 4; e++) {
                addEmission("p" + i);
            }
        }
        for (int f = 0; f < 60; f++) {
            addFlow("f" + f);
        }
        for (int s = 0; s < 5; s++) {
            db.executeTransactionally("""
                    MATCH (o:Organization {id: $o}), (k:Park {id: $k})
                    CREATE (o)-[:OWNS]->(s:Record:CarbonSink {id: $id, tCO2ePerYear: 300.0, location: point({latitude: 65.2, longitude: 25.0 + $s * 0.1})})-[:IN_PARK]->(k)
                    WITH o, s MATCH (b:Organization {id: $b})
                    CREATE (b)<-[:BUYER]-(:Record:OffsetAgreement {id: $id + '-a', tCO2ePerYear: 100.0, fromYear: 2020, toYear: 2030, status: 'ACTIVE'})-[:FROM_SINK]->(s)""",
                    Map.of("o", "o" + s, "k", "k" + s % 3, "id", "sink" + s, "s", s, "b", "o" + (s + 1) % 6));
        }
    }

    private void addEmission(String process) {
        String[] kinds = {null, "REPORTED", "CALCULATED", "ILLUSTRATIVE"};
        var params = new java.util.HashMap<String, Object>(Map.of("p", process, "id", process + "@" + random.nextInt(1_000_000),
                "year", 2023L + random.nextInt(2), "scope", 1L + random.nextInt(3), "t", (double) random.nextInt(1000),
                "source", random.nextBoolean() ? "PROCESS" : "ENERGY"));
        params.put("kind", kinds[random.nextInt(kinds.length)]);
        db.executeTransactionally("""
                MATCH (p:Process {id: $p})
                CREATE (p)-[:REPORTED]->(:Record:Emission {id: $id, year: $year, scope: $scope, tCO2e: $t, source: $source, provenance: $kind})""", params);
    }

    private void addFlow(String id) {
        int from = random.nextInt(30);
        int to = random.nextInt(30);
        if (from != to) {
            db.executeTransactionally("""
                    MATCH (s:SideStream {id: $s}), (c:Process {id: $c})
                    CREATE (s)-[:SUPPLIES {id: $id, quantity: $q, substitutesFactor: 0.5, fromYear: $from}]->(c)""",
                    Map.of("s", "p" + from + "-s", "c", "p" + to, "id", id, "q", 1.0 + random.nextInt(9), "from", random.nextInt(4) == 0 ? 2024L : 2000L));
        }
    }

    /** Writes of every kind balance, compensation and matching read through the projection. */
    private void randomWrite(int round) {
        String p = "p" + random.nextInt(30);
        String o = "o" + random.nextInt(6);
        String k = "k" + random.nextInt(3);
        var args = Map.<String, Object>of("p", p, "o", o, "k", k, "code", CODES.get(random.nextInt(CODES.size())), "r", round);
        String write = switch (round % 14) {
            case 0 -> "MATCH (x:Process {id: $p}) OPTIONAL MATCH (x)-[r:IN_PARK]->() DELETE r WITH DISTINCT x MATCH (k:Park {id: $k}) CREATE (x)-[:IN_PARK]->(k)";
            case 1 -> "MATCH (:Process {id: $p})-[r:IN_PARK]->() DELETE r";
            case 2 -> "MATCH (x:Process {id: $p}) OPTIONAL MATCH (x)<-[r:OPERATES]-() DELETE r WITH DISTINCT x MATCH (o:Organization {id: $o}) CREATE (o)-[:OPERATES]->(x)";
            case 3 -> "MATCH (x:Organization {id: $o}) OPTIONAL MATCH (x)-[r:LOCATED_IN]->() DELETE r WITH DISTINCT x MATCH (k:Park {id: $k}) CREATE (x)-[:LOCATED_IN]->(k)";
            case 4 -> "MATCH (x:Organization {id: $o}) SET x.location = CASE WHEN x.location IS NULL THEN point({latitude: 63.0 + $r * 0.05, longitude: 27.0}) END";
            case 5 -> "MATCH (x:Park {id: $k}) SET x.location = point({latitude: 62.0 + $r * 0.1, longitude: 25.5})";
            case 6 -> "MATCH (x:Process {id: $p}) SET x.location = CASE WHEN x.location IS NULL THEN point({latitude: 65.5, longitude: 25.5 + $r * 0.01}) END";
            case 7 -> "MATCH (s:SideStream {id: $p + '-s'}) OPTIONAL MATCH (s)-[r:CLASSIFIED_AS]->() DELETE r WITH DISTINCT s MATCH (w:WasteCode {code: $code}) CREATE (s)-[:CLASSIFIED_AS]->(w) SET s.ewc = $code";
            case 8 -> "MATCH (s:SideStream {id: $p + '-s'}) OPTIONAL MATCH (s)-[r:CLASSIFIED_AS]->() DELETE r WITH DISTINCT s REMOVE s.ewc SET s.material = 'SLAG'";
            case 9 -> "MATCH (:Process {id: $p})-[:REPORTED]->(e) WITH e ORDER BY e.id LIMIT 1 DETACH DELETE e";
            case 10 -> "MATCH (:Process {id: $p})-[:REPORTED]->(e) WITH e ORDER BY e.id LIMIT 1 SET e.scope = 3, e.provenance = 'REPORTED', e.tCO2e = e.tCO2e + 1";
            case 11 -> "MATCH (x:Organization {id: $o}) DETACH DELETE x";
            case 12 -> """
                    MATCH (k:Park {id: $k}) CREATE (x:Record:Process {id: 'new' + $r, outputTonnes: 10.0})-[:IN_PARK]->(k)
                    CREATE (x)-[:PRODUCES]->(s:Record:SideStream {id: 'new' + $r + '-s', quantity: 5.0, unit: 't', ewc: $code})
                    WITH x, s MATCH (w:WasteCode {code: $code}), (c:Process {id: $p}) CREATE (s)-[:CLASSIFIED_AS]->(w)
                    CREATE (s)-[:SUPPLIES {id: 'new-f' + $r, quantity: 2.0}]->(c)
                    CREATE (x)-[:REPORTED]->(:Record:Emission {id: 'new-e' + $r, year: 2024, scope: 1, tCO2e: 12.0})""";
            default -> "MATCH (x:Process {id: $p}) DETACH DELETE x";
        };
        db.executeTransactionally(write, args);
        if (round % 3 == 0) {
            addEmission("p" + random.nextInt(30));
            addFlow("new-flow" + round);
        }
    }

    @Test
    void balance_compensation_and_matching_read_from_the_projection_exactly_what_the_store_holds() {
        assertProjectionEqualsStore("before");
        long builds = FlowProjections.builds();
        for (int round = 0; round < 28; round++) {
            randomWrite(round);
            assertProjectionEqualsStore("round " + round);
            assertThat(FlowProjections.builds()).as("round " + round + ": updated in place").isEqualTo(builds);
        }
    }

    @Test
    void a_process_in_a_park_counts_there_and_not_in_its_operators_park() {
        // hand-worked: p0 is IN_PARK k2 (written below) and operated by an organization LOCATED_IN k0: it counts in k2 only
        db.executeTransactionally("""
                MATCH (x:Process {id: 'p0'}), (o:Organization {id: 'o0'}), (k:Park {id: 'k2'})
                OPTIONAL MATCH (x)-[r:IN_PARK|OPERATES]-() DELETE r
                WITH DISTINCT x, o, k CREATE (o)-[:OPERATES]->(x) CREATE (x)-[:IN_PARK]->(k)""");
        try (var tx = db.beginTx()) {
            var projected = FlowProjections.forAnalytics(tx, db);
            assertThat(projected).isInstanceOf(ProjectedKnowledgeGraph.class);
            assertThat(projected.processesInPark("k2")).contains("p0");
            assertThat(projected.processesInPark("k0")).doesNotContain("p0");
        }
        // the IN_PARK goes: now it counts where its operator is, k0
        db.executeTransactionally("MATCH (:Process {id: 'p0'})-[r:IN_PARK]->() DELETE r");
        try (var tx = db.beginTx()) {
            var projected = FlowProjections.forAnalytics(tx, db);
            assertThat(projected.processesInPark("k0")).contains("p0");
            assertThat(projected.processesInPark("k2")).doesNotContain("p0");
        }
    }

    private void assertProjectionEqualsStore(String when) {
        try (var tx = db.beginTx()) {
            KnowledgeGraph projected = FlowProjections.forAnalytics(tx, db);
            assertThat(projected).as("a committed graph is read through the projection").isInstanceOf(ProjectedKnowledgeGraph.class);
            var store = new CoreFlowGraph(tx);
            var processes = ids(tx, "Process");
            for (String p : processes) {
                for (int year : new int[] {2023, 2024}) {
                    assertThat(projected.emissions(p, year)).as(when + ": emissions of " + p + " " + year).isEqualTo(store.emissions(p, year));
                }
                assertThat(projected.locationOfProcess(p)).as(when + ": location of " + p).isEqualTo(store.locationOfProcess(p));
            }
            for (String code : List.of("10 01 01", "10 01 05", "19 12 12", "99 99 99")) {
                assertThat(flowIds(projected.flowsOfStreamsWithCode(code, 2024))).as(when + ": flows of " + code)
                        .isEqualTo(flowIds(store.flowsOfStreamsWithCode(code, 2024)));
            }
            assertThat(flowIds(projected.flowsOfStreamsWithMaterial("slag", 2023))).as(when + ": flows of slag")
                    .isEqualTo(flowIds(store.flowsOfStreamsWithMaterial("slag", 2023)));
            for (String k : ids(tx, "Park")) {
                assertThat(projected.processesInPark(k)).as(when + ": processes in " + k).isEqualTo(store.processesInPark(k));
                for (boolean scope3 : new boolean[] {false, true}) {
                    same(when + ": balance of " + k, () -> Balance.run(projected, k, 2024, scope3, true), () -> Balance.run(store, k, 2024, scope3, true));
                }
            }
            for (String o : ids(tx, "Organization")) {
                same(when + ": compensation of " + o, () -> Compensation.run(projected, o, 2024, 300, 10, Set.of()),
                        () -> Compensation.run(store, o, 2024, 300, 10, Set.of()));
            }
            for (String s : ids(tx, "SideStream")) {
                same(when + ": matches of " + s, () -> Matching.run(projected, s, 2024, 500, 50, Guard.NONE),
                        () -> Matching.run(store, s, 2024, 500, 50, Guard.NONE));
            }
        }
    }

    private static List<String> ids(org.neo4j.graphdb.Transaction tx, String label) {
        return tx.findNodes(Label.label(label)).stream().map(CoreFlowGraph::id).sorted().toList();
    }

    private static List<String> flowIds(List<Flow> flows) {
        return flows.stream().map(Flow::id).sorted(Comparator.naturalOrder()).toList();
    }

    /** The same answer, field by field and exactly, or the same error. */
    private static void same(String what, Callable<Object> projected, Callable<Object> store) {
        Object a;
        Object b;
        try {
            b = store.call();
        } catch (Exception e) {
            b = e.getClass().getName() + ": " + e.getMessage();
        }
        try {
            a = projected.call();
        } catch (Exception e) {
            a = e.getClass().getName() + ": " + e.getMessage();
        }
        assertThat(a).as(what).usingRecursiveComparison().isEqualTo(b);
    }
}
