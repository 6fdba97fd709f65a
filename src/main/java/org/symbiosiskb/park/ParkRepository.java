package org.symbiosiskb.park;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.symbiosiskb.graph.Cypher;
import org.springframework.stereotype.Component;

/** Cypher for parks and networks. Every relationship read takes many parents at once ({@code $ids}). */
@Component
class ParkRepository {

    static final String PARK_BY_ID = "MATCH (n:Park {id: $id}) RETURN n";
    static final String PARKS_BY_IDS = "UNWIND $ids AS key MATCH (n:Park {id: key}) RETURN key, n";
    static final String NETWORK_BY_ID = "MATCH (n:Network {id: $id}) RETURN n";
    static final String NETWORKS_BY_IDS = "UNWIND $ids AS key MATCH (n:Network {id: key}) RETURN key, n";
    /** A process is in a park through IN_PARK, or else through its operator's park (docs/spec/analytics.md). */
    static final String PARK_OF_PROCESSES = """
            UNWIND $ids AS key MATCH (p:Process {id: key})
            CALL (p) {
              OPTIONAL MATCH (p)-[:IN_PARK]->(own:Park)
              OPTIONAL MATCH (p)<-[:OPERATES]-(:Organization)-[:LOCATED_IN]->(operators:Park)
              RETURN coalesce(own, operators) AS n LIMIT 1
            }
            WITH key, n WHERE n IS NOT NULL
            RETURN key, n""";
    static final String PARK_OF_RECORDS = """
            UNWIND $ids AS key MATCH (:Record {id: key})-[:LOCATED_IN|IN_PARK]->(n:Park) RETURN key, n""";
    static final String PARKS_COORDINATED_BY = """
            UNWIND $ids AS key MATCH (:Organization {id: key})-[:COORDINATES]->(n:Park) RETURN key, n ORDER BY n.id""";
    static final String NETWORKS_COORDINATED_BY = """
            UNWIND $ids AS key MATCH (:Organization {id: key})-[:COORDINATES]->(n:Network) RETURN key, n ORDER BY n.id""";

    private final Cypher cypher;

    ParkRepository(Cypher cypher) {
        this.cypher = cypher;
    }

    Optional<Park> park(String id) {
        return cypher.one(PARK_BY_ID, Map.of("id", id), r -> Park.from(r.get("n")));
    }

    Optional<Network> network(String id) {
        return cypher.one(NETWORK_BY_ID, Map.of("id", id), r -> Network.from(r.get("n")));
    }

    /** Parks keyed by the parent ids of {@code query} (one of the constants above). */
    Map<String, List<Park>> parks(String query, Collection<String> ids) {
        return cypher.grouped(query, ids, r -> Park.from(r.get("n")));
    }

    Map<String, List<Network>> networks(String query, Collection<String> ids) {
        return cypher.grouped(query, ids, r -> Network.from(r.get("n")));
    }

    Map<String, List<Park>> parksOfProcesses(Collection<String> ids) {
        return parks(PARK_OF_PROCESSES, ids);
    }

    Map<String, List<Park>> parksOf(Collection<String> ids) {
        return parks(PARK_OF_RECORDS, ids);
    }

    Map<String, List<Park>> parksCoordinatedBy(Collection<String> ids) {
        return parks(PARKS_COORDINATED_BY, ids);
    }

    Map<String, List<Network>> networksCoordinatedBy(Collection<String> ids) {
        return networks(NETWORKS_COORDINATED_BY, ids);
    }
}
