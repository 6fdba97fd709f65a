package org.symbiosiskb.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.TransactionConfig;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.symbiosiskb.SymbiosisKbApplication;
import org.symbiosiskb.analytics.Analytics;
import org.symbiosiskb.graph.EmbeddedBolt;
import org.symbiosiskb.support.DataDirectories;
import org.symbiosiskb.support.Http;

/**
 * The benchmark of issue 4: a generated network imported into the embedded service, then each
 * operation measured beside its baselines in the same process on the same graph:
 * (a) the floor, the same trace algorithm over an in-memory copy; (b) the naive walk, one Cypher
 * statement per visited process; (c) what a researcher would write, one quantified-path query
 * collecting the same upstream set; (d) a GraphQL page against one hand-written Cypher query.
 *
 * <p>Run: {@code ./kb mvn -Pbench verify -Dkb.bench.size=M} (S, M or L); it prints a table and
 * writes docs/benchmarks.md. Not part of the normal test run; BenchmarkSmokeTest runs it at S.
 */
public final class Benchmark {

    record Row(String operation, String what, double p50Ms, double p99Ms, int samples, String note) {
    }

    record Report(NetworkGenerator.Size size, long records, double importSeconds, List<Row> rows, long peakHeapMb,
                  double meanClosure) {

        double recordsPerSecond() {
            return records / importSeconds;
        }
    }

    private final NetworkGenerator.Size size;
    private final int roots;
    private final List<Row> rows = new ArrayList<>();

    Benchmark(NetworkGenerator.Size size, int roots) {
        this.size = size;
        this.roots = roots;
    }

    public static void main(String[] args) throws IOException {
        var size = NetworkGenerator.Size.valueOf(args.length > 0 ? args[0] : System.getProperty("kb.bench.size", "S"));
        var benchmark = new Benchmark(size, size == NetworkGenerator.Size.L ? 20 : 50);
        var report = benchmark.run();
        String table = markdown(report) + (benchmark.serviceHeap.isEmpty() ? "" : "\n" + benchmark.serviceHeap + "\n");
        System.out.println(table);
        write(report, table);
    }

    Report run() throws IOException {
        var network = NetworkGenerator.generate(size, 42);
        String external = System.getProperty("kb.bench.service-port", "");
        if (!external.isBlank()) {
            return runAgainst(network, Integer.parseInt(external), System.getProperty("kb.bench.bolt-uri", "bolt://127.0.0.1:7687"));
        }
        Path data = DataDirectories.create("kb-bench");
        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(SymbiosisKbApplication.class).run(
                "--server.port=0", "--kb.embedded.bolt-port=0", "--kb.embedded.data-dir=" + data,
                "--kb.example-data.enabled=false", "--spring.neo4j.uri=", "--logging.level.root=WARN",
                // the page of 100 whole parks is far over the default kb.limits.max-complexity on purpose:
                // it measures batching at scale, not the limits
                "--kb.limits.max-complexity=1000000000", "--kb.limits.request-timeout=10m")) {
            var http = new Http(((WebServerApplicationContext) service).getWebServer().getPort());
            long started = System.nanoTime();
            for (var doc : network.recordDocuments()) {
                post(http, doc);
            }
            for (var doc : network.flowDocuments()) {
                post(http, doc);
            }
            double importSeconds = (System.nanoTime() - started) / 1e9;
            try (Driver bolt = GraphDatabase.driver(service.getBean(EmbeddedBolt.class).uri(), AuthTokens.none())) {
                measure(network, http, bolt);
            }
            return new Report(size, network.records(), importSeconds, rows, peakHeapMb(), meanClosure);
        }
    }

    /**
     * The same run against a service in its own process ({@code -Dkb.bench.service-port=8090}), so that the
     * service's heap is its own: start it with {@code java -Xmx2g -jar ... --kb.limits.max-complexity=1000000000
     * --kb.limits.request-timeout=10m} (the page of 100 whole parks is over the default limits on purpose)
     * and this reports whether it held.
     */
    private Report runAgainst(NetworkGenerator.Network network, int port, String bolt) {
        var http = new Http(port);
        long started = System.nanoTime();
        for (var doc : network.recordDocuments()) {
            post(http, doc);
        }
        for (var doc : network.flowDocuments()) {
            post(http, doc);
        }
        double importSeconds = (System.nanoTime() - started) / 1e9;
        try (Driver driver = GraphDatabase.driver(bolt, AuthTokens.none())) {
            measure(network, http, driver);
        }
        var used = http.get("/actuator/metrics/jvm.memory.used?tag=area:heap").body().get("measurements").get(0).get("value").asDouble();
        var max = http.get("/actuator/metrics/jvm.memory.max?tag=area:heap").body().get("measurements").get(0).get("value").asDouble();
        serviceHeap = "The service ran in its own process: heap in use at the end %.0f MB of its maximum %.0f MB; it did not run out. (The heap sum above is then the benchmark process's alone.)"
                .formatted(used / (1024 * 1024), max / (1024 * 1024));
        return new Report(size, network.records(), importSeconds, rows, peakHeapMb(), meanClosure);
    }

    private String serviceHeap = "";

    private static void post(Http http, Map<String, Object> doc) {
        var response = http.post("/api/v1/datasets", doc);
        if (response.status() != 200) {
            throw new IllegalStateException("import failed: " + response.raw().substring(0, Math.min(500, response.raw().length())));
        }
    }

    private double meanClosure;

    private void measure(NetworkGenerator.Network network, Http http, Driver bolt) {
        var random = new SplittableRandom(7);
        var rootIds = new ArrayList<String>();
        for (int i = 0; i < roots; i++) {
            rootIds.add(network.processes().get(random.nextInt(network.processes().size())));
        }
        var memory = new InMemoryFlowGraph(network, 2024);
        meanClosure = rootIds.stream().mapToInt(id -> closure(memory, id)).average().orElse(0);
        for (int depth : new int[] {6, 10}) {
            String op = "trace upstream, maxDepth " + depth;
            time(op, "kb.trace over Bolt (projection when current)", rootIds, id -> bolt.executableQuery(
                    "CALL kb.trace($id, 2024, 'UPSTREAM', 'MASS', $depth) YIELD total RETURN total")
                    .withParameters(Map.of("id", id, "depth", depth)).execute());
            time(op, "(a) floor: same algorithm, in-memory copy", rootIds,
                    id -> Analytics.trace(memory, id, 2024, "UPSTREAM", "MASS", depth, 0.001, 50));
            // the path query's cost grows with the paths, not the nodes: a few roots, and a time limit
            time(op, "(c) one Cypher path query collecting the upstream set", rootIds.subList(0, Math.min(5, rootIds.size())), id -> bolt.session().executeRead(tx -> tx.run(
                    "MATCH (p:Process {id: $id}) MATCH (p)(()<-[:SUPPLIES]-(:SideStream)<-[:PRODUCES]-(:Process)){1," + depth + "}(q:Process) "
                            + "RETURN count(DISTINCT q) AS n", Map.of("id", id)).single(), TransactionConfig.builder().withTimeout(Duration.ofSeconds(60)).build()));
        }
        time("trace upstream, maxDepth 10", "(b) naive: one statement per visited process", rootIds.subList(0, Math.min(3, rootIds.size())),
                id -> naiveUpstream(bolt, id));
        time("trace downstream, maxDepth 10", "kb.trace over Bolt (projection when current)", rootIds, id -> bolt.executableQuery(
                "CALL kb.trace($id, 2024, 'DOWNSTREAM') YIELD total RETURN total").withParameters(Map.of("id", id)).execute());
        time("trace downstream, maxDepth 10", "(a) floor: same algorithm, in-memory copy", rootIds,
                id -> Analytics.trace(memory, id, 2024, "DOWNSTREAM", "MASS", 10, 0.001, 50));
        time("carbonBalance, largest park", "kb.carbonBalance", List.of(network.largestPark(), network.largestPark(), network.largestPark()),
                id -> bolt.executableQuery("CALL kb.carbonBalance($id, 2024) YIELD net RETURN net").withParameters(Map.of("id", id)).execute());
        var orgs = pick(network.organizations(), 10, random);
        time("compensationPartners", "kb.compensationPartners", orgs, id -> bolt.executableQuery(
                "CALL kb.compensationPartners($id, 2024) YIELD residual RETURN residual").withParameters(Map.of("id", id)).execute());
        var streams = pick(network.sideStreams(), 10, random);
        time("sideStreamMatches", "kb.sideStreamMatches", streams, id -> bolt.executableQuery(
                "CALL kb.sideStreamMatches($id, 2024) YIELD level RETURN count(*)").withParameters(Map.of("id", id)).execute());
        var repeat = List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10");
        String graphql = "{ parks(first: 100) { nodes { id name organizations { id name processes { id name sideStreams { id quantity } } } } } }";
        time("page of 100 parks with organizations, processes, side streams", "GraphQL over HTTP", repeat, x -> http.graphql(graphql));
        time("page of 100 parks with organizations, processes, side streams", "(d) one hand-written Cypher query over Bolt", repeat,
                x -> bolt.executableQuery("""
                        MATCH (k:Park) WITH k ORDER BY k.id LIMIT 100
                        RETURN k.id AS id, k.name AS name, COLLECT {
                          MATCH (k)<-[:LOCATED_IN]-(o:Organization) WITH o ORDER BY o.id
                          RETURN o { .id, .name, processes: COLLECT {
                            MATCH (o)-[:OPERATES]->(p:Process) WITH p ORDER BY p.id
                            RETURN p { .id, .name, sideStreams: COLLECT { MATCH (p)-[:PRODUCES]->(s:SideStream) RETURN s { .id, .quantity } } } } }
                        } AS organizations""").execute());
    }

    /** How many processes the exact solve has to visit: the whole upstream closure, whatever maxDepth. */
    private static int closure(InMemoryFlowGraph graph, String root) {
        var seen = new HashSet<String>(List.of(root));
        var queue = new ArrayDeque<String>(List.of(root));
        while (!queue.isEmpty()) {
            for (var f : graph.flowsInto(queue.poll(), 2024)) {
                if (seen.add(f.producer())) {
                    queue.add(f.producer());
                }
            }
        }
        return seen.size();
    }

    /** Baseline (b): the upstream walk with one statement per process, the way a repository call per node works. */
    private static int naiveUpstream(Driver bolt, String root) {
        var seen = new HashSet<String>();
        var queue = new ArrayDeque<String>();
        queue.add(root);
        seen.add(root);
        try (var session = bolt.session()) {
            while (!queue.isEmpty()) {
                String p = queue.poll();
                var producers = session.executeRead(tx -> tx.run("""
                        MATCH (:Process {id: $id})<-[f:SUPPLIES]-(:SideStream)<-[:PRODUCES]-(q:Process)
                        WHERE coalesce(f.fromYear, 2024) <= 2024 RETURN q.id AS id""", Map.of("id", p)).list(r -> r.get("id").asString()));
                for (String q : producers) {
                    if (seen.add(q)) {
                        queue.add(q);
                    }
                }
            }
        }
        return seen.size();
    }

    private interface Call {
        Object apply(String id);
    }

    private void time(String operation, String what, List<String> ids, Call call) {
        call.apply(ids.getFirst()); // warm-up
        var samples = new ArrayList<Double>();
        String note = "";
        for (String id : ids) {
            long t = System.nanoTime();
            try {
                call.apply(id);
            } catch (RuntimeException e) {
                note = "failed: " + e.getClass().getSimpleName();
                continue;
            }
            samples.add((System.nanoTime() - t) / 1e6);
        }
        samples.sort(null);
        double p50 = samples.isEmpty() ? Double.NaN : samples.get(samples.size() / 2);
        double p99 = samples.isEmpty() ? Double.NaN : samples.get(Math.min(samples.size() - 1, (int) Math.ceil(samples.size() * 0.99) - 1));
        rows.add(new Row(operation, what, p50, p99, samples.size(), note));
        System.out.printf("%-60s %-55s p50 %9.2f ms  p99 %9.2f ms  n=%d %s%n", operation, what, p50, p99, samples.size(), note);
    }

    private static List<String> pick(List<String> ids, int n, SplittableRandom random) {
        var list = new ArrayList<String>();
        for (int i = 0; i < n; i++) {
            list.add(ids.get(random.nextInt(ids.size())));
        }
        return list;
    }

    private static long peakHeapMb() {
        long peak = 0;
        for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak / (1024 * 1024);
    }

    static String markdown(Report report) {
        var out = new StringBuilder();
        out.append("### Size ").append(report.size()).append(": ").append(report.size().processes).append(" processes, ")
                .append(report.size().parks).append(" parks, ").append(report.records()).append(" records\n\n");
        out.append("Import through `POST /api/v1/datasets` (full validation, one document per park): ")
                .append(String.format("%.1f s, %.0f records/s", report.importSeconds(), report.recordsPerSecond())).append(". ")
                .append("Heap, sum of per-pool peaks (an upper bound; service, embedded Neo4j and the benchmark's own copy of the network): ")
                .append(report.peakHeapMb()).append(" MB. ")
                .append(String.format("Upstream closure of a root (what the exact solve visits): %.0f processes on average.%n%n", report.meanClosure()));
        out.append("| operation | what | p50 ms | p99 ms | n | ratio to the first row of the operation |\n|---|---|---:|---:|---:|---:|\n");
        var first = new LinkedHashMap<String, Double>();
        for (Row r : report.rows()) {
            first.putIfAbsent(r.operation(), r.p50Ms());
            double ratio = r.p50Ms() / first.get(r.operation());
            out.append(String.format("| %s | %s | %.2f | %.2f | %d | %.2f× %s|%n", r.operation(), r.what(), r.p50Ms(), r.p99Ms(),
                    r.samples(), ratio, r.note().isEmpty() ? "" : "(" + r.note() + ") "));
        }
        return out.toString();
    }

    private static void write(Report report, String table) throws IOException {
        Path file = Path.of("docs/benchmarks.md");
        String machine = "%d cores, %d MB max heap, Java %s, %s".formatted(Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() / (1024 * 1024), System.getProperty("java.version"), System.getProperty("os.name"));
        String section = "\n## Run of " + java.time.LocalDate.now() + " on " + machine + "\n\n" + table;
        Files.createDirectories(file.getParent());
        String existing = Files.exists(file) ? Files.readString(file) : "# Benchmarks\n\nWritten by `./kb mvn -Pbench verify -Dkb.bench.size=S|M|L` (src/test/java/org/symbiosiskb/bench).\n";
        Files.writeString(file, existing + section);
    }

}
