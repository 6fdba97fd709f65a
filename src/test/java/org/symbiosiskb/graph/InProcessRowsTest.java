package org.symbiosiskb.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Record;
import org.symbiosiskb.support.TestDatabase;

/**
 * A row read in-process is the row Bolt gives, value for value: every type Cypher returns, nested too, nodes and
 * relationships with their ids, labels and properties, and paths. (The order of a map's keys is not a property of
 * a Cypher map and differs between the two: Bolt writes the database's own order, the embedded API gives a Java
 * map. Nothing the service answers depends on it: the translated reads read maps by key.)
 */
class InProcessRowsTest {

    /** Every kind of value, nested too; the nodes are this test's own and removed after it. */
    static final String EVERY_TYPE = """
            CREATE (a:InProcessRowsTest {id: 'rows:a', names: ['x', 'y'], counts: [3, 1], shares: [0.25, 0.75],
                                         flags: [true, false], at: point({latitude: 65.74, longitude: 24.56}), bytes: $bytes})
                  -[r:FEEDS {quantity: 12.5, since: date('2024-01-01')}]->(b:InProcessRowsTest:Other {id: 'rows:b'})
            WITH a, r, b
            MATCH path = (a)-[:FEEDS]->(b)
            RETURN a, r, b, path, null AS nothing, 42 AS whole, 1.5 AS fraction, 'text' AS text, true AS yes,
                   a { .id, .names, z: 1, a: 2, m: 3, nested: { b: [1, {c: a.at}], a: null } } AS projection,
                   [a.id, b.id, [1, 2.5, 'three']] AS list, a.at AS point2d,
                   point({x: 1.0, y: 2.0, z: 3.0}) AS point3d, datetime('2024-05-06T07:08:09.123+03:00') AS dateTime,
                   datetime('2024-05-06T07:08:09[Europe/Helsinki]') AS zoned, localdatetime('2024-05-06T07:08') AS local,
                   date('2024-05-06') AS day, time('07:08:09+02:00') AS time, localtime('07:08') AS localTime,
                   duration('P1Y2M3DT4H5M6.007S') AS duration, a.bytes AS bytes, a.counts AS counts, a.flags AS flags""";

    static Driver bolt;

    @BeforeAll
    static void connect() {
        bolt = GraphDatabase.driver(TestDatabase.boltUri(), AuthTokens.none());
    }

    @AfterAll
    static void disconnect() {
        bolt.executableQuery("MATCH (n:InProcessRowsTest) DETACH DELETE n").execute();
        bolt.close();
    }

    @Test
    void parameters_the_embedded_api_takes_bind_as_over_bolt() {
        var parameters = new java.util.HashMap<String, Object>();
        parameters.put("set", new java.util.TreeSet<>(List.of("b", "a")));
        parameters.put("small", 7);
        parameters.put("nested", Map.of("ids", List.of("x", "y"), "at", java.time.LocalDate.of(2024, 5, 6)));
        parameters.put("absent", null);
        parameters.put("texts", new String[] {"p", "q"});
        assertThat(InProcessRows.takes(parameters)).isTrue();
        assertThat(InProcessRows.takes(Map.of("kind", java.time.DayOfWeek.MONDAY))).as("an enum goes over Bolt, whose client converts it").isFalse();
        String statement = "RETURN $set AS set, $small + 1 AS small, $nested AS nested, $absent AS absent, $texts AS texts";
        var statements = new InProcessStatements(new InProcessDatabase(TestDatabase.get().defaultDatabaseService()));
        Record inProcess = statements.list(statement, parameters, row -> row).getFirst();
        Record overBolt = bolt.executableQuery(statement).withParameters(parameters).execute().records().getFirst();
        for (String key : overBolt.keys()) {
            assertThat(inProcess.get(key)).as(key).isEqualTo(overBolt.get(key));
        }
        assertThat(inProcess.get("small").asLong()).isEqualTo(8); // 7 + 1
    }

    @Test
    void every_value_type_reads_in_process_as_bolt_gives_it() {
        Map<String, Object> parameters = Map.of("bytes", new byte[] {1, 2, 3});
        var statements = new InProcessStatements(new InProcessDatabase(TestDatabase.get().defaultDatabaseService()));
        Record inProcess = statements.list(EVERY_TYPE, parameters, row -> row).getFirst();
        // the same rows over Bolt: the nodes created above, read again
        String read = EVERY_TYPE.replaceFirst("(?s)CREATE .*?WITH a, r, b\n", "")
                .replace("MATCH path = (a)-[:FEEDS]->(b)", "MATCH path = (a:InProcessRowsTest)-[r:FEEDS]->(b) WITH a, r, b, path ORDER BY elementId(a) DESC LIMIT 1");
        Record overBolt = bolt.executableQuery(read).withParameters(parameters).execute().records().getFirst();

        assertThat(inProcess.keys()).isEqualTo(overBolt.keys());
        for (String key : overBolt.keys()) {
            assertThat(inProcess.get(key)).as(key).isEqualTo(overBolt.get(key));
            assertThat(inProcess.get(key).type()).as(key).isEqualTo(overBolt.get(key).type());
        }
        var a = inProcess.get("a").asNode();
        assertThat(a.elementId()).isEqualTo(overBolt.get("a").asNode().elementId());
        assertThat(a.labels()).containsExactly("InProcessRowsTest");
        assertThat(inProcess.get("b").asNode().labels()).containsExactlyInAnyOrder("InProcessRowsTest", "Other");
        var r = inProcess.get("r").asRelationship();
        assertThat(List.of(r.elementId(), r.startNodeElementId(), r.endNodeElementId(), r.type())).isEqualTo(List.of(
                overBolt.get("r").asRelationship().elementId(), a.elementId(), inProcess.get("b").asNode().elementId(), "FEEDS"));
        // WGS-84 points: x is the longitude, y the latitude
        assertThat(List.of(inProcess.get("point2d").asPoint().srid(), inProcess.get("point2d").asPoint().x(), inProcess.get("point2d").asPoint().y()))
                .isEqualTo(List.of(4326, 24.56, 65.74));
        assertThat(inProcess.get("duration").asIsoDuration().toString()).isEqualTo("P14M3DT14706.007000000S"); // 1Y2M = 14M; 4h5m6s = 14,706 s
        assertThat(inProcess.get("path").asPath().length()).isEqualTo(1);
    }

    @Test
    void plain_rows_in_process_are_what_a_bolt_record_gives_as_a_map() {
        Map<String, Object> parameters = Map.of("bytes", new byte[] {1, 2, 3});
        var statements = new InProcessStatements(new InProcessDatabase(TestDatabase.get().defaultDatabaseService()));
        Map<String, Object> inProcess = statements.list(EVERY_TYPE, parameters, InProcessRows::readPlain, row -> row).getFirst();
        String read = EVERY_TYPE.replaceFirst("(?s)CREATE .*?WITH a, r, b\n", "")
                .replace("MATCH path = (a)-[:FEEDS]->(b)", "MATCH path = (a:InProcessRowsTest)-[r:FEEDS]->(b) WITH a, r, b, path ORDER BY elementId(a) DESC LIMIT 1");
        Map<String, Object> overBolt = bolt.executableQuery(read).withParameters(parameters).execute().records().getFirst().asMap();

        assertThat(inProcess.keySet()).isEqualTo(overBolt.keySet());
        for (String key : overBolt.keySet()) {
            // as values: the driver compares nodes, relationships and paths by their contents there
            assertThat(org.neo4j.driver.Values.value(inProcess.get(key))).as(key).isEqualTo(org.neo4j.driver.Values.value(overBolt.get(key)));
            if (overBolt.get(key) != null) {
                assertThat(inProcess.get(key)).as(key).isInstanceOf(overBolt.get(key) instanceof Map ? Map.class
                        : overBolt.get(key) instanceof List ? List.class : overBolt.get(key).getClass());
            }
        }
        // arrays of the store as lists, points as the driver's, inside maps too
        assertThat(inProcess.get("counts")).isEqualTo(List.of(3L, 1L));
        @SuppressWarnings("unchecked")
        var nested = (Map<String, Object>) ((Map<String, Object>) inProcess.get("projection")).get("nested");
        assertThat(((List<?>) nested.get("b")).get(1)).isEqualTo(Map.of("c", inProcess.get("point2d")));
        assertThat(inProcess.get("point2d")).isInstanceOf(org.neo4j.driver.types.Point.class);
    }
}
