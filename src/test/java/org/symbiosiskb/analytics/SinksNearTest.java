package org.symbiosiskb.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.graphdb.GraphDatabaseService;
import org.symbiosiskb.analytics.Records.Location;
import org.symbiosiskb.analytics.Records.Sink;
import org.symbiosiskb.support.TestDatabase;

/**
 * compensationPartners reads only the sinks near the organization, found by the point index, and lists exactly the
 * sinks it listed when it read them all. Sinks due north of the organization on its meridian, where the great-circle
 * distance is the radius times the latitude difference: kmTo(lat 65 + toDegrees(d / 6371.0088)) = d km.
 */
class SinksNearTest {

    static final Location HERE = new Location(65.0, 25.0);

    GraphDatabaseService db;

    /** A latitude d km due north of HERE, on a sphere of 6371.0088 km. */
    static double north(double km) {
        return 65.0 + Math.toDegrees(km / 6371.0088);
    }

    @BeforeEach
    void sinks() {
        db = TestDatabase.get().defaultDatabaseService();
        db.executeTransactionally("MATCH (n) DETACH DELETE n");
        db.executeTransactionally("CREATE (:Record:Organization {id: 'near:buyer', location: point({latitude: 65.0, longitude: 25.0})})");
        var sinks = Map.of("near:s50", 50.0, "near:s100", 99.999, "near:s101", 100.5, "near:s500", 500.0);
        sinks.forEach((id, km) -> db.executeTransactionally(
                "CREATE (:Record:CarbonSink {id: $id, tCO2ePerYear: 1000.0, location: point({latitude: $lat, longitude: 25.0})})",
                Map.of("id", id, "lat", north(km))));
        db.executeTransactionally("CREATE (:Record:CarbonSink {id: 'near:placeholder', placeholder: true, location: point({latitude: $lat, longitude: 25.0})})",
                Map.of("lat", north(10)));
        db.executeTransactionally("CREATE (:Record:CarbonSink {id: 'near:nowhere', tCO2ePerYear: 1000.0})");
    }

    @Test
    void the_index_finds_every_sink_within_the_distance_and_no_far_one() {
        try (var tx = db.beginTx()) {
            var graph = new CoreFlowGraph(tx);
            List<String> near = graph.sinkPlacesNear(HERE, 100).stream().map(Records.SinkPlace::id).toList();
            List<String> all = graph.allSinks().stream().map(Sink::id).toList();

            // 50 km and 99.999 km are within 100 km; 100.5 km is within the seek's margin (101 km + 1 km) and may come
            assertThat(near).contains("near:s50", "near:s100").doesNotContain("near:s500", "near:placeholder", "near:nowhere");
            assertThat(near).isSortedAccordingTo(String::compareTo);
            assertThat(all).contains("near:s500", "near:nowhere"); // read one by one, every sink comes
        }
    }

    @Test
    void compensation_lists_exactly_the_sinks_within_the_distance_nearest_first() {
        try (var tx = db.beginTx()) {
            var plan = Compensation.run(new CoreFlowGraph(tx), "near:buyer", 2024, 100, 10, Set.of());

            // 100.5 km is measured again and left out; the buyer emits nothing, so nothing is suggested
            assertThat(plan.candidates.stream().map(c -> c.get("sink")).toList()).containsExactly("near:s50", "near:s100");
            assertThat((double) plan.candidates.getFirst().get("distanceKm")).isCloseTo(50.0, org.assertj.core.api.Assertions.within(1e-9));
            assertThat((double) plan.candidates.get(1).get("distanceKm")).isCloseTo(99.999, org.assertj.core.api.Assertions.within(1e-9));
            assertThat(plan.candidates.getFirst().get("free")).isEqualTo(1000.0);
        }
    }

    @Test
    void a_sinks_free_capacity_counts_the_agreements_that_are_effectively_active_in_the_year() {
        db.executeTransactionally("""
                MATCH (s:CarbonSink {id: 'near:s50'})
                CREATE (:Record:OffsetAgreement {id: 'near:a-active', tCO2ePerYear: 100.0, status: 'ACTIVE', fromYear: 2020})-[:FROM_SINK]->(s)
                CREATE (:Record:OffsetAgreement {id: 'near:a-accepted', tCO2ePerYear: 40.0, status: 'PROPOSED', effectiveStatus: 'ACTIVE'})-[:FROM_SINK]->(s)
                CREATE (:Record:OffsetAgreement {id: 'near:a-unaccepted', tCO2ePerYear: 200.0, status: 'ACTIVE', effectiveStatus: 'PROPOSED'})-[:FROM_SINK]->(s)
                CREATE (:Record:OffsetAgreement {id: 'near:a-ended', tCO2ePerYear: 300.0, status: 'ACTIVE', toYear: 2023})-[:FROM_SINK]->(s)""");
        try (var tx = db.beginTx()) {
            var plan = Compensation.run(new CoreFlowGraph(tx), "near:buyer", 2024, 100, 10, Set.of());

            // 1000 − 100 (active since 2020) − 40 (accepted by the sink's owner); not 200 (its owner has not accepted
            // it: effectiveStatus PROPOSED over status ACTIVE) nor 300 (ended in 2023): 860 t free
            assertThat(plan.candidates.getFirst().get("sink")).isEqualTo("near:s50");
            assertThat(plan.candidates.getFirst().get("free")).isEqualTo(860.0);
        }
    }

    @Test
    void sinks_are_read_nearest_first_until_the_list_is_full_and_ties_go_by_free_capacity_then_id() {
        db.executeTransactionally("""
                CREATE (s20:Record:CarbonSink {id: 'near:s20', tCO2ePerYear: 100.0, location: point({latitude: $lat20, longitude: 25.0})})
                CREATE (:Record:OffsetAgreement {id: 'near:a-full', tCO2ePerYear: 100.0, status: 'ACTIVE'})-[:FROM_SINK]->(s20)
                CREATE (:Record:CarbonSink {id: 'near:s30a', tCO2ePerYear: 500.0, location: point({latitude: $lat30, longitude: 25.0})})
                CREATE (:Record:CarbonSink {id: 'near:s30b', tCO2ePerYear: 700.0, location: point({latitude: $lat30, longitude: 25.0})})
                CREATE (:Record:CarbonSink {id: 'near:s30c', tCO2ePerYear: 700.0, location: point({latitude: $lat30, longitude: 25.0})})""",
                Map.of("lat20", north(20), "lat30", north(30)));
        var asked = new java.util.ArrayList<String>(); // sinks whose agreements were read
        var read = new java.util.ArrayList<String>(); // sinks read whole
        try (var tx = db.beginTx()) {
            var core = new CoreFlowGraph(tx);
            // the store's graph, noting which sinks are read whole and whose agreements are read
            var graph = (KnowledgeGraph) java.lang.reflect.Proxy.newProxyInstance(KnowledgeGraph.class.getClassLoader(),
                    new Class<?>[] {KnowledgeGraph.class}, (proxy, method, args) -> {
                        if (method.getName().equals("agreementsOnSink")) {
                            asked.add((String) args[0]);
                        } else if (method.getName().equals("sink")) {
                            read.add((String) args[0]);
                        }
                        try {
                            return method.invoke(core, args);
                        } catch (java.lang.reflect.InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
            var plan = Compensation.run(graph, "near:buyer", 2024, 100, 2, Set.of());

            // s20 is nearest but full (100 − 100 = 0 free); the three at 30 km tie: s30b and s30c have 700 t free, s30a
            // 500 t, so s30b and s30c by id; the list is full after the 30 km sinks, so 50 km and 99.999 km are not read
            assertThat(plan.candidates.stream().map(c -> c.get("sink")).toList()).containsExactly("near:s30b", "near:s30c");
            assertThat(asked).containsExactlyInAnyOrder("near:s20", "near:s30a", "near:s30b", "near:s30c");
            assertThat(read).containsExactlyInAnyOrder("near:s20", "near:s30a", "near:s30b", "near:s30c");
        }
    }
}
