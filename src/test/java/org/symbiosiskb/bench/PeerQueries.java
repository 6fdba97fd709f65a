package org.symbiosiskb.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.neo4j.driver.Driver;
import org.symbiosiskb.support.Http;
import tools.jackson.databind.JsonNode;

/**
 * The queries the benchmark asks this service, the GraphQL peer ({@code @neo4j/graphql}) and
 * hand-written Cypher alike (issue 15): each in the three dialects, and each answer brought to one
 * form (lists ordered by id, numbers as doubles) so that the three can be compared.
 */
final class PeerQueries {

    private PeerQueries() {
    }

    /** A GraphQL query and where its answer's payload is. */
    record Ask(String query, Function<JsonNode, JsonNode> payload) {

        Object normalize(JsonNode answer) {
            if (answer == null || answer.get("errors") != null && !answer.get("errors").isEmpty()) {
                return "errors: " + (answer == null ? "no answer" : answer.get("errors"));
            }
            return PeerQueries.normalize(Http.json().treeToValue(payload.apply(answer.get("data")), Object.class));
        }
    }

    record Query(String name, Ask ours, Ask peer, String cypher) {

        Query(String name, Query q) {
            this(name, q.ours, q.peer, q.cypher);
        }
    }

    /** A park, its organizations and their processes. */
    static Query parkOrganizationsProcesses(String park) {
        return new Query("", new Ask("{ park(id: \"" + park + "\") { id name organizations { id name processes { id name } } } }",
                data -> data.get("park")),
                new Ask("{ parks(where: { id: { eq: \"" + park + "\" } }) { id name organizations { id name processes { id name } } } }",
                        data -> data.get("parks").get(0)),
                """
                MATCH (k:Park {id: '%s'})
                RETURN k { .id, .name, organizations: COLLECT {
                  MATCH (k)<-[:LOCATED_IN]-(o:Organization)
                  RETURN o { .id, .name, processes: COLLECT { MATCH (o)-[:OPERATES]->(p:Process) RETURN p { .id, .name } } } } } AS answer"""
                        .formatted(park));
    }

    /** The first 100 parks of a network by id, with their organizations, processes and side streams. */
    static Query hundredParks(String network) {
        String selection = "id name organizations { id name processes { id name sideStreams { id quantity } } }";
        return new Query("", new Ask("{ parks(first: 100, filter: { network: \"" + network + "\" }) { nodes { " + selection + " } } }",
                data -> data.get("parks").get("nodes")),
                new Ask("{ parks(limit: 100, sort: [{ id: ASC }], where: { networks: { some: { id: { eq: \"" + network + "\" } } } }) { "
                        + selection + " } }", data -> data.get("parks")),
                """
                MATCH (k:Park)-[:MEMBER_OF]->(:Network {id: '%s'}) WITH k ORDER BY k.id LIMIT 100
                RETURN collect(k { .id, .name, organizations: COLLECT {
                  MATCH (k)<-[:LOCATED_IN]-(o:Organization)
                  RETURN o { .id, .name, processes: COLLECT {
                    MATCH (o)-[:OPERATES]->(p:Process)
                    RETURN p { .id, .name, sideStreams: COLLECT { MATCH (p)-[:PRODUCES]->(s:SideStream) RETURN s { .id, .quantity } } } } } } }) AS answer"""
                        .formatted(network));
    }

    /** The first 100 side streams by id of a waste code and at least a quantity, with their producer and its operator. */
    static Query streamsProducerOperator(String ewc, double minQuantity) {
        String selection = "id quantity producer { id name operator { id name } }";
        return new Query("", new Ask("{ sideStreams(first: 100, filter: { ewc: \"" + ewc + "\", minQuantity: " + minQuantity + " }) { nodes { "
                + selection + " } } }", data -> data.get("sideStreams").get("nodes")),
                new Ask("{ sideStreams(limit: 100, sort: [{ id: ASC }], where: { ewc: { eq: \"" + ewc + "\" }, quantity: { gte: " + minQuantity
                        + " } }) { " + selection + " } }", data -> data.get("sideStreams")),
                """
                MATCH (s:SideStream) WHERE s.ewc = '%s' AND s.quantity >= %s WITH s ORDER BY s.id LIMIT 100
                RETURN collect(s { .id, .quantity, producer: head(COLLECT {
                  MATCH (s)<-[:PRODUCES]-(p:Process)
                  RETURN p { .id, .name, operator: head(COLLECT { MATCH (p)<-[:OPERATES]-(o:Organization) RETURN o { .id, .name } }) } }) }) AS answer"""
                        .formatted(ewc, minQuantity));
    }

    /** The Cypher's answer in the common form. */
    static Object cypher(Driver bolt, String query) {
        return normalize(bolt.executableQuery(query).execute().records().getFirst().get("answer").asObject());
    }

    /** Lists ordered by their members' ids, maps by key, every number a double. */
    static Object normalize(Object value) {
        if (value instanceof Map<?, ?> map) {
            var sorted = new TreeMap<String, Object>();
            map.forEach((k, v) -> sorted.put(String.valueOf(k), normalize(v)));
            return sorted;
        }
        if (value instanceof List<?> list) {
            var copy = new ArrayList<Object>();
            list.forEach(v -> copy.add(normalize(v)));
            copy.sort(Comparator.comparing(v -> v instanceof Map<?, ?> m ? String.valueOf(m.get("id")) : String.valueOf(v)));
            return copy;
        }
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        return value;
    }

    /** Objects in an answer (maps), the size the issue counts. */
    static int objects(Object value) {
        if (value instanceof Map<?, ?> map) {
            return 1 + map.values().stream().mapToInt(PeerQueries::objects).sum();
        }
        if (value instanceof List<?> list) {
            return list.stream().mapToInt(PeerQueries::objects).sum();
        }
        return 0;
    }
}
