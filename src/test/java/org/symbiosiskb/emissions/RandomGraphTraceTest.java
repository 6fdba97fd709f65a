package org.symbiosiskb.emissions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.symbiosiskb.support.Http;
import org.symbiosiskb.support.KbTest;

/**
 * Graphs nobody designed: seeded random parks with loops, years, transport and MWh streams. The
 * service's answers are compared with a deliberately plain implementation of docs/spec/analytics.md §1
 * written here from the document alone: F ← local + C·F iterated to a fixed point (Jacobi), no
 * components, no elimination, no graph database.
 */
@KbTest
class RandomGraphTraceTest {

    static final int YEAR = 2024;

    @LocalServerPort
    int port;
    @Autowired
    Neo4jClient neo4j;
    Http http;

    @BeforeEach
    void empty() {
        neo4j.query("MATCH (n) DETACH DELETE n").run();
        http = new Http(port);
    }

    record P(String id, double output, double e1, double e2) {
    }

    record S(String id, String producer, double quantity, String unit, Double share) {
    }

    record F(String id, String stream, String consumer, double quantity, Integer from, Integer to, Double distance, String mode,
             Double factor) {
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void traces_equal_a_plain_fixed_point_of_the_definition(long seed) {
        var random = new Random(seed);
        int n = 15 + random.nextInt(20);
        var processes = new ArrayList<P>();
        var streams = new ArrayList<S>();
        var flows = new ArrayList<F>();
        for (int i = 0; i < n; i++) {
            processes.add(new P("fi:p" + i, 1000 + random.nextInt(9000), random.nextInt(1000), random.nextInt(200)));
        }
        for (P p : processes) {
            // a tonnes stream of at most a third of the output, sometimes an MWh stream with an allocation share
            streams.add(new S(p.id() + "-t", p.id(), 2 + random.nextInt((int) p.output() / 3), "t", null));
            if (random.nextBoolean()) {
                streams.add(new S(p.id() + "-h", p.id(), 100 + random.nextInt(5000), "MWh", random.nextDouble() * 0.5));
            }
        }
        int f = 0;
        // a loop p0 → p1 → p2 → p0 in every graph, besides whatever loops chance makes
        var left = new HashMap<String, Double>();
        streams.forEach(s -> left.put(s.id(), s.quantity()));
        for (int i = 0; i < 3; i++) {
            String stream = "fi:p" + i + "-t";
            flows.add(new F("fi:loop" + i, stream, "fi:p" + ((i + 1) % 3), 1, null, null, 10.0, "ROAD", null));
            left.merge(stream, -1.0, Double::sum);
        }
        for (S s : streams) {
            double remaining = left.get(s.id());
            int consumers = random.nextInt(4);
            for (int k = 0; k < consumers && remaining > 1; k++) {
                String consumer = processes.get(random.nextInt(n)).id();
                if (consumer.equals(s.producer())) {
                    continue;
                }
                double q = Math.max(1, Math.floor(remaining * random.nextDouble()));
                remaining -= q;
                Integer from = random.nextInt(4) == 0 ? 2025 : null;   // some flows start after the year traced
                Integer to = random.nextInt(5) == 0 ? 2030 : null;
                String mode = List.of("ROAD", "RAIL", "SEA", "PIPELINE").get(random.nextInt(4));
                flows.add(new F("fi:f" + f++, s.id(), consumer, q, from, to, (double) random.nextInt(300), mode,
                        random.nextBoolean() ? random.nextDouble() * 0.2 : null));
            }
        }
        var response = http.post("/api/v1/datasets", document(processes, streams, flows));
        assertThat(response.status()).as(response.raw()).isEqualTo(200);

        var expected = fixedPoint(processes, streams, flows);
        for (P p : processes) {
            var t = http.graphql("{ traceEmissions(processId: \"" + p.id() + "\", year: 2024) { direct transport inherited total } }")
                    .body().get("data").get("traceEmissions");
            double want = expected.get(p.id());
            assertThat(t.get("total").asDouble()).as(p.id()).isCloseTo(want, org.assertj.core.api.Assertions.withinPercentage(1e-7));
            assertThat(t.get("direct").asDouble() + t.get("transport").asDouble() + t.get("inherited").asDouble())
                    .as("direct + transport + inherited of " + p.id()).isCloseTo(want, org.assertj.core.api.Assertions.withinPercentage(1e-7));
        }
    }

    /** docs/spec/analytics.md §1 read straight off the document. */
    static Map<String, Double> fixedPoint(List<P> processes, List<S> streams, List<F> flows) {
        var byId = new HashMap<String, P>();
        processes.forEach(p -> byId.put(p.id(), p));
        var streamById = new HashMap<String, S>();
        streams.forEach(s -> streamById.put(s.id(), s));
        var local = new HashMap<String, Double>();
        processes.forEach(p -> local.put(p.id(), p.e1() + p.e2()));
        var active = flows.stream().filter(x -> (x.from() == null || x.from() <= YEAR) && (x.to() == null || YEAR <= x.to())).toList();
        for (F x : active) {
            S s = streamById.get(x.stream());
            if ("t".equals(s.unit())) {
                double factor = x.factor() != null ? x.factor() : switch (x.mode()) {
                    case "ROAD" -> 0.107;
                    case "RAIL" -> 0.028;
                    case "SEA" -> 0.016;
                    default -> 0.0;
                };
                local.merge(x.consumer(), x.quantity() * x.distance() * factor / 1000, Double::sum);
            }
        }
        var footprint = new HashMap<>(local);
        for (int round = 0; round < 10_000; round++) {
            var next = new HashMap<>(local);
            for (F x : active) {
                S s = streamById.get(x.stream());
                double c = "t".equals(s.unit()) ? x.quantity() / byId.get(s.producer()).output()
                        : x.quantity() / s.quantity() * s.share();
                next.merge(x.consumer(), c * footprint.get(s.producer()), Double::sum);
            }
            double change = 0;
            for (var e : next.entrySet()) {
                change = Math.max(change, Math.abs(e.getValue() - footprint.get(e.getKey())));
            }
            footprint = next;
            if (change < 1e-12) {
                break;
            }
        }
        return footprint;
    }

    static Map<String, Object> document(List<P> processes, List<S> streams, List<F> flows) {
        var doc = new LinkedHashMap<String, Object>();
        doc.put("format", "symbiosis-kb/1");
        doc.put("partner", "fi");
        doc.put("organizations", List.of(Map.of("id", "fi:org", "name", "Org")));
        doc.put("processes", processes.stream().map(p -> Map.of("id", p.id(), "name", p.id(), "operator", "fi:org",
                "outputTonnes", p.output())).toList());
        var emissions = new ArrayList<Object>();
        processes.forEach(p -> {
            emissions.add(Map.of("process", p.id(), "year", YEAR, "scope", 1, "tCO2e", p.e1()));
            emissions.add(Map.of("process", p.id(), "year", YEAR, "scope", 2, "tCO2e", p.e2()));
            emissions.add(Map.of("process", p.id(), "year", YEAR, "scope", 3, "category", 1, "tCO2e", 999)); // never traced
            emissions.add(Map.of("process", p.id(), "year", YEAR - 1, "scope", 1, "tCO2e", 777));            // another year
        });
        doc.put("emissions", emissions);
        doc.put("sideStreams", streams.stream().map(s -> {
            var m = new LinkedHashMap<String, Object>(Map.of("id", s.id(), "name", s.id(), "producer", s.producer(),
                    "quantity", s.quantity(), "unit", s.unit()));
            if (s.share() != null) {
                m.put("allocationShare", s.share());
            }
            return m;
        }).toList());
        doc.put("flows", flows.stream().map(x -> {
            var m = new LinkedHashMap<String, Object>(Map.of("id", x.id(), "sideStream", x.stream(), "consumer", x.consumer(),
                    "quantity", x.quantity(), "distanceKm", x.distance(), "transportMode", x.mode()));
            if (x.from() != null) {
                m.put("fromYear", x.from());
            }
            if (x.to() != null) {
                m.put("toYear", x.to());
            }
            if (x.factor() != null) {
                m.put("transportFactor", x.factor());
            }
            return m;
        }).toList());
        return doc;
    }
}
