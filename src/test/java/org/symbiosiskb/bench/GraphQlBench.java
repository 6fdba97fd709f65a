package org.symbiosiskb.bench;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.symbiosiskb.SymbiosisKbApplication;
import org.symbiosiskb.graph.Cypher;
import org.symbiosiskb.graph.EmbeddedBolt;
import org.symbiosiskb.support.Http;

/**
 * The GraphQL part of the benchmark alone, for profiling the read path: the generated network of
 * {@code kb.bench.size} imported into the embedded service, then each query asked of the service
 * and as hand-written Cypher over Bolt, alternately, {@code kb.bench.samples} times. Prints p50 and
 * p95 of both and the statements per request, and the profile of the query limits' count statistics. Run with
 * {@code ./kb mvn test -Dtest=GraphQlBenchRun -Dkb.bench.size=M} (add {@code -Dkb.jvm.args=...} for a profiler).
 */
final class GraphQlBench {

    /** A query in GraphQL and the hand-written Cypher returning the same nested data. */
    record Query(String name, String graphql, String cypher) {
    }

    static List<Query> queries(NetworkGenerator.Network network) {
        String park = network.largestPark();
        return List.of(
                new Query("park → organizations → processes",
                        "{ park(id: \"" + park + "\") { id name organizations { id name processes { id name } } } }",
                        """
                        MATCH (k:Park {id: '%s'})
                        RETURN k { .id, .name, organizations: COLLECT {
                          MATCH (k)<-[:LOCATED_IN]-(o:Organization)
                          RETURN o { .id, .name, processes: COLLECT { MATCH (o)-[:OPERATES]->(p:Process) RETURN p { .id, .name } } } } } AS answer"""
                                .formatted(park)),
                new Query("100 parks, 4 levels",
                        "{ parks(first: 100) { nodes { id name organizations { id name processes { id name sideStreams { id quantity } } } } } }",
                        """
                        MATCH (k:Park) WITH k ORDER BY k.id LIMIT 100
                        RETURN collect(k { .id, .name, organizations: COLLECT {
                          MATCH (k)<-[:LOCATED_IN]-(o:Organization)
                          RETURN o { .id, .name, processes: COLLECT {
                            MATCH (o)-[:OPERATES]->(p:Process)
                            RETURN p { .id, .name, sideStreams: COLLECT { MATCH (p)-[:PRODUCES]->(s:SideStream) RETURN s { .id, .quantity } } } } } } }) AS answer"""),
                // the benchmark's page (Benchmark.measureGraphQL): the network's parks, found from the network
                new Query("100 parks of the network, 4 levels",
                        "{ parks(first: 100, filter: { network: \"" + network.network() + "\" }) { nodes { id name organizations { id name processes { id name sideStreams { id quantity } } } } } }",
                        PeerQueries.hundredParks(network.network()).cypher()),
                new Query("100 side streams of 10 01 01, ≥ 1000 t → producer → operator",
                        "{ sideStreams(first: 100, filter: { ewc: \"10 01 01\", minQuantity: 1000 }) { nodes { id quantity producer { id name operator { id name } } } } }",
                        """
                        MATCH (s:SideStream) WHERE s.ewc = '10 01 01' AND s.quantity >= 1000 WITH s ORDER BY s.id LIMIT 100
                        RETURN collect(s { .id, .quantity, producer: head(COLLECT {
                          MATCH (s)<-[:PRODUCES]-(p:Process)
                          RETURN p { .id, .name, operator: head(COLLECT { MATCH (p)<-[:OPERATES]-(o:Organization) RETURN o { .id, .name } }) } }) }) AS answer"""));
    }

    public static void main(String[] args) throws Exception {
        var size = NetworkGenerator.Size.valueOf(System.getProperty("kb.bench.size", "S"));
        int samples = Integer.getInteger("kb.bench.samples", 30);
        String only = System.getProperty("kb.bench.only", "");
        // -Dkb.bench.shape=REALISTIC: the realistic network (parks of 5–80 processes) instead of the dense one
        var shape = NetworkGenerator.Shape.valueOf(System.getProperty("kb.bench.shape", "DENSE"));
        var network = NetworkGenerator.generate(shape, size, 42);
        // -Dkb.bench.data-dir=DIR keeps the store between runs: the import runs only into an empty one
        String kept = System.getProperty("kb.bench.data-dir", "");
        var data = kept.isBlank() ? Files.createTempDirectory("kb-gql-bench") : java.nio.file.Path.of(kept);
        boolean imported = !kept.isBlank() && Files.exists(data.resolve("imported"));
        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(SymbiosisKbApplication.class).run(
                "--server.port=0", "--kb.embedded.bolt-port=0", "--kb.embedded.data-dir=" + data,
                "--kb.example-data.enabled=false", "--spring.neo4j.uri=", "--logging.level.root=WARN",
                // the default query limits: the pages must pass them as a client would send them
                "--kb.limits.request-timeout=10m")) {
            var http = new Http(((WebServerApplicationContext) service).getWebServer().getPort());
            if (!imported) {
                for (var doc : network.recordDocuments()) {
                    check(http.post("/api/v1/datasets", doc));
                }
                for (var doc : network.flowDocuments()) {
                    check(http.post("/api/v1/datasets", doc));
                }
                Files.writeString(data.resolve("imported"), size.name());
            }
            var cypher = service.getBean(Cypher.class);
            try (Driver bolt = GraphDatabase.driver(service.getBean(EmbeddedBolt.class).uri(), AuthTokens.none())) {
                // the query limits' count statistics: database hits (constant when the count store answers) and time
                String counts = service.getBean(org.symbiosiskb.api.translation.CountStatistics.class).statement();
                org.neo4j.driver.summary.ProfiledPlan profile;
                try (var session = bolt.session()) {
                    profile = session.run("PROFILE " + counts).consume().profile();
                }
                var countTimes = new ArrayList<Double>();
                for (int i = 0; i < 30; i++) {
                    countTimes.add(time(() -> bolt.executableQuery(counts).execute()));
                }
                System.out.printf("count statistics: %d db hits, p50 %.2f ms%n", totalHits(profile), pct(countTimes, 50));
                for (Query q : queries(network)) {
                    if (!only.isBlank() && !q.name().contains(only)) {
                        continue;
                    }
                    var ours = new ArrayList<Double>();
                    var theirs = new ArrayList<Double>();
                    long statements = 0;
                    for (int i = -5; i < samples; i++) { // five warm-up rounds
                        long before = cypher.statementsRun();
                        double t = time(() -> check(http.graphql(q.graphql())));
                        statements = cypher.statementsRun() - before;
                        double c = time(() -> bolt.executableQuery(q.cypher()).execute());
                        if (i >= 0) {
                            ours.add(t);
                            theirs.add(c);
                        }
                    }
                    System.out.printf("%-60s GraphQL p50 %8.2f p95 %8.2f | Cypher p50 %8.2f p95 %8.2f | %.2f× | %d statements%n",
                            q.name(), pct(ours, 50), pct(ours, 95), pct(theirs, 50), pct(theirs, 95), pct(ours, 50) / pct(theirs, 50), statements);
                }
            }
        }
    }

    private static Object check(Http.Response response) {
        if (response.status() != 200 || response.body() == null || response.body().get("errors") != null) {
            throw new IllegalStateException(response.raw().substring(0, Math.min(800, response.raw().length())));
        }
        return response;
    }

    private static long totalHits(org.neo4j.driver.summary.ProfiledPlan plan) {
        long hits = plan.dbHits();
        for (var child : plan.children()) {
            hits += totalHits(child);
        }
        return hits;
    }

    private static double time(Supplier<Object> call) {
        long t = System.nanoTime();
        call.get();
        return (System.nanoTime() - t) / 1e6;
    }

    private static double pct(List<Double> samples, int p) {
        var sorted = new ArrayList<>(samples);
        sorted.sort(null);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * p / 100.0) - 1));
    }

    private GraphQlBench() {
    }
}
