package org.symbiosiskb.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Value;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.symbiosiskb.graph.CypherScript;
import org.symbiosiskb.support.Http;
import org.symbiosiskb.support.KbTest;
import org.symbiosiskb.support.PluginServer;
import org.symbiosiskb.support.TestDatabase;

/**
 * Issue 15, item 3: a Neo4j server that has only the plugin keeps the same projection as the
 * embedded database. The server is a real one in its own process (PluginServer: Neo4j's entry
 * point, neo4j.conf, the plugin jar in its plugins folder and on its classpath, none of the
 * service's classes). A document imported through the service is copied node for node to it; then
 * every process is traced both ways on both, after a build and after writes made on both alike.
 */
@KbTest
class PluginServerTest {

    static PluginServer server;
    static Driver serverBolt;
    static Driver serviceBolt;

    @LocalServerPort
    int port;
    @Autowired
    Neo4jClient neo4j;

    @BeforeAll
    static void start() throws Exception {
        server = PluginServer.start(512);
        serverBolt = GraphDatabase.driver(server.boltUri(), AuthTokens.none());
        serviceBolt = GraphDatabase.driver(TestDatabase.boltUri(), AuthTokens.none());
        for (String statement : CypherScript.load("cypher/schema.cypher").statements()) {
            serverBolt.executableQuery(statement).execute();
        }
    }

    @AfterAll
    static void stop() throws Exception {
        serverBolt.close();
        serviceBolt.close();
        server.close();
    }

    @Test
    void the_server_with_only_the_plugin_traces_as_the_embedded_service_before_and_after_writes() {
        neo4j.query("MATCH (n) DETACH DELETE n").run();
        var response = new Http(port).post("/api/v1/datasets", document());
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        var proposed = new Http(port).post("/api/v1/datasets", Map.of("format", "symbiosis-kb/1", "partner", "se",
                "organizations", List.of(Map.of("id", "se:org", "name", "Swedish mill")),
                "processes", List.of(Map.of("id", "se:mill", "name", "Mill", "operator", "se:org", "outputTonnes", 1000.0)),
                "emissions", List.of(Map.of("process", "se:mill", "year", 2024, "scope", 1, "tCO2e", 500.0)),
                "sideStreams", List.of(Map.of("id", "se:ash", "name", "Ash", "producer", "se:mill", "quantity", 400.0, "unit", "t")),
                "flows", List.of(Map.of("id", "se:ash-to-p3", "sideStream", "se:ash", "consumer", "fi:p3", "quantity", 300.0))));
        assertThat(proposed.status()).as(proposed.raw()).isEqualTo(200);
        copy();
        assertThat(count(serverBolt, "MATCH ()-[f:PROPOSED_SUPPLIES]->() RETURN count(f) AS n"))
                .as("the flow into another partner's process waits for its consent").isEqualTo(1);

        var status = projection();
        assertThat(status.get("kept").asBoolean()).as("the extension runs on the server").isTrue();
        assertSameTraces("after the import");
        status = projection();
        assertThat(status.get("built").asBoolean()).isTrue();
        long builds = status.get("builds").asLong();
        long updates = status.get("updates").asLong();

        for (String write : List.of(
                // a one-flow write: p1's stream to p5, 40 t of p1's 1000 t
                "MATCH (s:SideStream {id: 'fi:p1-s'}), (c:Process {id: 'fi:p5'}) CREATE (s)-[:SUPPLIES {id: 'fi:new', quantity: 40.0}]->(c)",
                // an emission record replaced by a reported one
                "MATCH (p:Process {id: 'fi:p2'}) CREATE (p)-[:REPORTED]->(:Emission {id: 'fi:p2@2024/1/-/R', year: 2024, scope: 1, tCO2e: 77.0, provenance: 'REPORTED'})",
                // the consent to the waiting flow retypes it
                """
                MATCH (a)-[f:PROPOSED_SUPPLIES]->(b) WITH a, f, b, properties(f) AS props
                DELETE f CREATE (a)-[g:SUPPLIES]->(b) SET g = props, g.consent = null, g.party = null""")) {
            neo4j.query(write).run();
            serverBolt.executableQuery(write).execute();
            assertSameTraces("after " + write.strip().lines().findFirst().orElse(write));
        }
        status = projection();
        assertThat(status.get("builds").asLong()).as("the server updated its projection in place").isEqualTo(builds);
        assertThat(status.get("updates").asLong()).isEqualTo(updates + 3);
    }

    private Map<String, Value> projection() {
        return serverBolt.executableQuery("CALL kb.projection()").execute().records().getFirst().asMap(v -> v);
    }

    private void assertSameTraces(String when) {
        var processes = serverBolt.executableQuery("MATCH (p:Process) RETURN p.id AS id ORDER BY id").execute().records()
                .stream().map(r -> r.get("id").asString()).toList();
        assertThat(processes).hasSize(7);
        for (String p : processes) {
            for (String direction : List.of("UPSTREAM", "DOWNSTREAM")) {
                for (String allocation : List.of("MASS", "CUT_OFF")) {
                    String trace = "CALL kb.trace($p, 2024, $d, $a) YIELD total, direct, transport, inherited, reportedShare, passedOn, "
                            + "coverage, truncated, paths RETURN *";
                    var params = Map.<String, Object>of("p", p, "d", direction, "a", allocation);
                    var embedded = rounded(serviceBolt.executableQuery(trace).withParameters(params).execute().records().getFirst().asMap());
                    var plugin = rounded(serverBolt.executableQuery(trace).withParameters(params).execute().records().getFirst().asMap());
                    assertThat(plugin).as(when + ": " + p + " " + direction + " " + allocation).isEqualTo(embedded);
                }
            }
        }
        assertThat(serverBolt.executableQuery("CALL kb.projection() YIELD built RETURN built").execute().records().getFirst()
                .get("built").asBoolean()).as("the server's traces read its projection").isTrue();
    }

    /** Figures to 12 significant digits: two stores may sum a process's records in another order. */
    private static Object rounded(Object value) {
        if (value instanceof Double d) {
            return d == 0 ? 0.0 : new BigDecimal(d).round(new MathContext(12)).doubleValue();
        }
        if (value instanceof Map<?, ?> map) {
            var copy = new LinkedHashMap<Object, Object>();
            map.forEach((k, v) -> copy.put(k, rounded(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(PluginServerTest::rounded).toList();
        }
        return value;
    }

    private static long count(Driver driver, String query) {
        return driver.executableQuery(query).execute().records().getFirst().get("n").asLong();
    }

    /** The service's database, node for node and relationship for relationship, into the server's. */
    private static void copy() {
        serverBolt.executableQuery("MATCH (n) DETACH DELETE n").execute();
        var nodes = serviceBolt.executableQuery("MATCH (n) RETURN elementId(n) AS key, labels(n) AS labels, properties(n) AS props")
                .execute().records().stream().map(r -> Map.<String, Object>of("key", r.get("key").asString(),
                        "labels", r.get("labels").asList(Value::asString), "props", r.get("props").asMap())).toList();
        serverBolt.executableQuery("UNWIND $rows AS row CREATE (n:$(row.labels)) SET n = row.props, n.copyKey = row.key")
                .withParameters(Map.of("rows", nodes)).execute();
        var relationships = new ArrayList<Map<String, Object>>();
        serviceBolt.executableQuery("MATCH (a)-[r]->(b) RETURN elementId(a) AS a, elementId(b) AS b, type(r) AS type, properties(r) AS props")
                .execute().records().forEach(r -> relationships.add(Map.of("a", r.get("a").asString(), "b", r.get("b").asString(),
                        "type", r.get("type").asString(), "props", r.get("props").asMap())));
        serverBolt.executableQuery("CREATE INDEX copy_key IF NOT EXISTS FOR (n:Record) ON (n.copyKey)").execute();
        serverBolt.executableQuery("CALL db.awaitIndexes(60)").execute();
        serverBolt.executableQuery("""
                UNWIND $rows AS row
                MATCH (a {copyKey: row.a}) MATCH (b {copyKey: row.b})
                CREATE (a)-[r:$(row.type)]->(b) SET r = row.props""").withParameters(Map.of("rows", relationships)).execute();
        serverBolt.executableQuery("MATCH (n) REMOVE n.copyKey").execute();
    }

    /**
     * Seven processes of one park: a chain p1 → p2 → p3 with a loop p3 → p1, an MWh stream, transport, a flow that starts
     * after 2024, reported and assumed records.
     */
    private static Map<String, Object> document() {
        var processes = new ArrayList<Map<String, Object>>();
        var emissions = new ArrayList<Map<String, Object>>();
        var streams = new ArrayList<Map<String, Object>>();
        for (int i = 1; i <= 6; i++) {
            processes.add(Map.of("id", "fi:p" + i, "name", "P" + i, "operator", "fi:org", "outputTonnes", 1000.0 * i));
            emissions.add(Map.of("process", "fi:p" + i, "year", 2024, "scope", 1, "tCO2e", 100.0 * i + 0.1));
            emissions.add(Map.of("process", "fi:p" + i, "year", 2024, "scope", 2, "tCO2e", 10.0 * i + 0.3));
            streams.add(Map.of("id", "fi:p" + i + "-s", "name", "S" + i, "producer", "fi:p" + i, "quantity", 300.0 * i, "unit", "t"));
        }
        emissions.add(Map.of("process", "fi:p4", "year", 2024, "scope", 1, "tCO2e", 399.7,
                "provenance", Map.of("kind", "REPORTED", "source", "E-PRTR 2024")));
        streams.add(Map.of("id", "fi:p6-heat", "name", "Heat", "producer", "fi:p6", "quantity", 5000.0, "unit", "MWh", "allocationShare", 0.2));
        var flows = List.<Map<String, Object>>of(
                Map.of("id", "fi:f12", "sideStream", "fi:p1-s", "consumer", "fi:p2", "quantity", 200.0, "distanceKm", 30.0, "transportMode", "ROAD"),
                Map.of("id", "fi:f23", "sideStream", "fi:p2-s", "consumer", "fi:p3", "quantity", 500.0),
                Map.of("id", "fi:f31", "sideStream", "fi:p3-s", "consumer", "fi:p1", "quantity", 90.0, "distanceKm", 12.0, "transportMode", "RAIL"),
                Map.of("id", "fi:f43", "sideStream", "fi:p4-s", "consumer", "fi:p3", "quantity", 700.0),
                Map.of("id", "fi:f65", "sideStream", "fi:p6-heat", "consumer", "fi:p5", "quantity", 2500.0),
                Map.of("id", "fi:f35", "sideStream", "fi:p3-s", "consumer", "fi:p5", "quantity", 100.0, "fromYear", 2026));
        return Map.of("format", "symbiosis-kb/1", "partner", "fi",
                "organizations", List.of(Map.of("id", "fi:org", "name", "Org")),
                "processes", processes, "emissions", emissions, "sideStreams", streams, "flows", flows);
    }
}
