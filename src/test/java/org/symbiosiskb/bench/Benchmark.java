package org.symbiosiskb.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Logging;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.graphdb.GraphDatabaseService;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.symbiosiskb.SymbiosisKbApplication;
import org.symbiosiskb.analytics.Analytics;
import org.symbiosiskb.graph.CypherScript;
import org.symbiosiskb.graph.EmbeddedBolt;
import org.symbiosiskb.support.DataDirectories;
import org.symbiosiskb.support.Http;
import org.symbiosiskb.support.PluginServer;
import tools.jackson.databind.JsonNode;

/**
 * The benchmark of issues 4 and 15: two generated networks (dense and realistic, NetworkGenerator)
 * imported into the embedded service, and the same records written by bare {@code UNWIND … CREATE}
 * into a Neo4j server that has only the plugin; then each operation measured beside its baselines
 * in the same run: (a) the floor, the same algorithm over an in-memory copy; (a0) the trace as it
 * was before issue 15 (the root's closure solved per trace) on that copy; (b) the naive walk, one
 * statement per visited process; (c) one quantified-path query collecting the upstream set; the
 * server with only the plugin; the GraphQL peer {@code @neo4j/graphql} and hand-written Cypher,
 * asked alternately with our GraphQL, answers compared.
 *
 * <p>Run: {@code ./kb mvn -Pbench verify -Dkb.bench.size=M} (S, M or L); it prints the report and
 * appends it to docs/benchmarks.md. BenchmarkSmokeTest runs it at size XS in every test run.
 */
public final class Benchmark {

    record Row(String operation, String what, double p50Ms, double p95Ms, double p99Ms, int samples, String note) {
    }

    /** @param facts what the run found besides the timings, in order (import rates, solve times, memory, load) */
    record Report(NetworkGenerator.Size size, long records, List<Row> rows, Map<String, String> facts) {
    }

    private final NetworkGenerator.Size size;
    private final int roots;
    private final List<Row> rows = new ArrayList<>();
    private final Map<String, String> facts = new LinkedHashMap<>();
    /** The Neo4j server's process, whose threads the server rows count beside the service's ({@link ThreadTimes}). */
    private long serverPid = -1;
    /**
     * -Dkb.bench.only=traces,writes,others,graphql: only these sections after the import and the whole solve (working on one
     * of them); empty or "all" (the bench profile's default) runs them all.
     */
    private final List<String> only = List.of(System.getProperty("kb.bench.only", "").split(",")).stream().map(String::strip)
            .filter(x -> !x.isEmpty() && !x.equals("all")).toList(); // "all": the bench profile's default

    Benchmark(NetworkGenerator.Size size, int roots) {
        this.size = size;
        this.roots = roots;
    }

    public static void main(String[] args) throws Exception {
        var size = NetworkGenerator.Size.valueOf(args.length > 0 ? args[0] : System.getProperty("kb.bench.size", "S"));
        var benchmark = new Benchmark(size, size == NetworkGenerator.Size.L ? 20 : 50);
        var report = benchmark.run();
        String table = markdown(report);
        System.out.println(table);
        if (!analyticsOnly()) {
            write(table);
        }
    }

    Report run() throws Exception {
        facts.put("load before", load());
        var dense = NetworkGenerator.generate(NetworkGenerator.Shape.DENSE, size, 42);
        var realistic = NetworkGenerator.generate(NetworkGenerator.Shape.REALISTIC, size, 42);
        var networks = List.of(dense, realistic);
        long records = dense.records() + realistic.records();
        Path data = DataDirectories.create("kb-bench");
        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(SymbiosisKbApplication.class).run(
                "--server.port=0", "--kb.embedded.bolt-port=0", "--kb.embedded.data-dir=" + data,
                "--kb.example-data.enabled=false", "--spring.neo4j.uri=", "--logging.level.root=WARN",
                // the page of 100 whole parks is far over the default kb.limits.max-complexity on purpose:
                // it measures batching at scale, not the limits (issue 15, item 4 is about the limits)
                "--kb.limits.max-complexity=1000000000", "--kb.limits.request-timeout=10m",
                // working on the import: each document's parse, plan and write times
                "--logging.level.org.symbiosiskb.exchange.ExchangeService=" + (Boolean.getBoolean("kb.bench.import-only") ? "INFO" : "WARN"));
             // a run of only kb.carbonBalance, kb.compensationPartners and kb.sideStreamMatches needs no server
             var server = analyticsOnly() ? null : PluginServer.start(size == NetworkGenerator.Size.L ? 3000 : 1024)) {
            var http = new Http(((WebServerApplicationContext) service).getWebServer().getPort());
            serverPid = server == null ? -1 : server.pid();
            // the driver's default logging formats every message before asking whether to log it (graph.DriverLogging)
            var quiet = Config.builder().withLogging(Logging.slf4j()).build();
            try (Driver bolt = GraphDatabase.driver(service.getBean(EmbeddedBolt.class).uri(), AuthTokens.none(), quiet);
                 Driver plugin = server == null ? null : GraphDatabase.driver(server.boltUri(), AuthTokens.none(), quiet)) {
                load(networks, http, bolt, records);
                if (analyticsOnly()) {
                    measureOthers(dense, bolt); // a quicker run for working on these three: no baselines, traces, writes or GraphQL
                    measureOthersOverGraphQL(dense, http);
                    facts.put("load after", load());
                    return new Report(size, records, rows, facts);
                }
                bareLoad(networks, plugin, records);
                if (Boolean.getBoolean("kb.bench.import-only")) {
                    return new Report(size, records, rows, facts); // a quicker run for working on the import
                }
                var memory = new InMemoryFlowGraph(networks, 2024);
                var db = service.getBean(DatabaseManagementService.class).database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
                wholeSolve(memory, bolt, plugin, db);
                if (runs("traces")) {
                    measureTraces(dense, realistic, memory, bolt, plugin);
                }
                if (runs("writes")) {
                    measureWrites(dense, realistic, bolt);
                }
                if (runs("others")) {
                    measureOthers(dense, bolt);
                    measureOthersOverGraphQL(dense, http);
                }
                if (runs("graphql")) {
                    measureGraphQL(dense, realistic, http, bolt, service.getBean(EmbeddedBolt.class).uri().toString());
                }
                projectionFacts(bolt, plugin);
            }
        }
        facts.put("heap", "%d MB, the sum of per-pool peaks in this JVM (service, embedded Neo4j, the benchmark's floor copy; an upper bound)"
                .formatted(peakHeapMb()));
        facts.put("load after", load());
        return new Report(size, records, rows, facts);
    }

    private boolean runs(String section) {
        return only.isEmpty() || only.contains(section);
    }

    /** {@code -Dkb.bench.only=analytics}: import, then only the balance, compensation and matching rows. */
    private static boolean analyticsOnly() {
        return "analytics".equals(System.getProperty("kb.bench.only"));
    }

    // ---- import: through the service, and the bare baseline into the server ----

    private void load(List<NetworkGenerator.Network> networks, Http http, Driver bolt, long records) {
        long started = System.nanoTime();
        long traced = 0;
        boolean first = true;
        for (var network : networks) {
            for (var doc : network.recordDocuments()) {
                post(http, doc);
                if (first) {
                    // the projection exists from here on, so the rest of the import updates it in place (as in a running service)
                    long t = System.nanoTime();
                    bolt.executableQuery("CALL kb.trace($p, 2024) YIELD total RETURN total").withParameters(Map.of("p", network.processes().getFirst())).execute();
                    traced += System.nanoTime() - t;
                    first = false;
                }
            }
        }
        for (var network : networks) {
            for (var doc : network.flowDocuments()) {
                post(http, doc);
            }
        }
        double seconds = (System.nanoTime() - started - traced) / 1e9;
        var status = bolt.executableQuery("CALL kb.projection() YIELD upkeepMillis, updates RETURN *").execute().records().getFirst();
        facts.put("import", "%d records through `POST /api/v1/datasets` (full validation, one document per park): %.1f s, %.0f records/s; "
                .formatted(records, seconds, records / seconds)
                + "the projection's upkeep (reading the changed processes back, on its own thread beside the import) took %.1f s (%d updates)"
                .formatted(status.get("upkeepMillis").asLong() / 1e3, status.get("updates").asLong()));
        importRate = records / seconds;
    }

    private double importRate;

    private void bareLoad(List<NetworkGenerator.Network> networks, Driver plugin, long records) {
        for (String statement : CypherScript.load("cypher/schema.cypher").statements()) {
            plugin.executableQuery(statement).execute();
        }
        plugin.executableQuery("CALL db.awaitIndexes(300)").execute();
        var loader = new BareLoader(plugin);
        long written = 0;
        long started = System.nanoTime();
        for (var network : networks) {
            for (var doc : network.recordDocuments()) {
                written += loader.load(doc);
            }
        }
        for (var network : networks) {
            for (var doc : network.flowDocuments()) {
                written += loader.load(doc);
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        double bare = written / seconds;
        facts.put("bare", "the same %d records by bare `UNWIND … CREATE` (one transaction per document, batches of %d, the service's "
                .formatted(written, BareLoader.BATCH)
                + "constraints and indexes, no validation) into the Neo4j server with only the plugin: %.1f s, %.0f records/s; "
                .formatted(seconds, bare)
                + "the import ran at **%.2f×** that rate".formatted(importRate / bare));
        if (written != records) {
            facts.put("bare (check)", "the bare loader wrote " + written + " records, the generator counts " + records);
        }
    }

    private static void post(Http http, Map<String, Object> doc) {
        var response = http.post("/api/v1/datasets", doc);
        if (response.status() != 200) {
            throw new IllegalStateException("import failed: " + response.raw().substring(0, Math.min(500, response.raw().length())));
        }
    }

    // ---- the whole-network solve after the bulk import, against the floor ----

    /** Timed rounds of the warm whole solve: with 3, the median ratio to the floor went from 1.04× to 2.11× between runs. */
    static final int WHOLE_SOLVE_ROUNDS = 7;

    /**
     * The whole-network solve after the bulk import, three ways, each against the floor:
     * <ul>
     * <li>embedded, as it happens: the service kept its projection through the import (updated in place), so the
     * first trace after it solves every process again; the first solve of this size in this JVM (cold code);</li>
     * <li>the server, as it happens: the bare import ran with no projection, so its first trace builds one from the
     * store, then solves; the first in its JVM;</li>
     * <li>like for like, warm, alternating: a whole build from the embedded store plus the whole solve, against the
     * floor's copy from Java maps plus the same solve, {@value #WHOLE_SOLVE_ROUNDS} rounds after one of each to warm up.</li>
     * </ul>
     * The solve is the same work on both sides (equations from the projection's lists, partition, solve); the build
     * is not (the store through the core API against Java maps already in memory).
     */
    private void wholeSolve(InMemoryFlowGraph memory, Driver bolt, Driver plugin, GraphDatabaseService db) {
        String root = memory.processes().getFirst();
        String trace = "CALL kb.trace($p, 2024) YIELD total RETURN total";
        String status = "CALL kb.projection() YIELD lastSolveNodes, lastSolveMillis, lastBuildMillis RETURN *";
        long t = System.nanoTime();
        bolt.executableQuery(trace).withParameters(Map.of("p", root)).execute();
        double firstTrace = (System.nanoTime() - t) / 1e6;
        var embedded = bolt.executableQuery(status).execute().records().getFirst();
        t = System.nanoTime();
        plugin.executableQuery(trace).withParameters(Map.of("p", root)).execute();
        double serverTrace = (System.nanoTime() - t) / 1e6;
        var server = plugin.executableQuery(status).execute().records().getFirst();
        var builds = new ArrayList<Double>();
        var solves = new ArrayList<Double>();
        var copies = new ArrayList<Double>();
        var floor = new ArrayList<Double>();
        int nodes = 0;
        Analytics.Projection projection = null;
        for (int i = -1; i < WHOLE_SOLVE_ROUNDS; i++) { // the first round warms up
            var rebuilt = Analytics.rebuild(db, 2024, "MASS");
            nodes = rebuilt.processes();
            long s = System.nanoTime();
            projection = Analytics.project(memory, memory.processes(), 2024);
            double copy = (System.nanoTime() - s) / 1e6;
            s = System.nanoTime();
            projection.solveAll("MASS");
            double solve = (System.nanoTime() - s) / 1e6;
            if (i >= 0) {
                builds.add(rebuilt.buildMillis());
                solves.add(rebuilt.solveMillis());
                copies.add(copy);
                floor.add(solve);
            }
        }
        double floorSolve = median(floor);
        double floorCopy = median(copies);
        double embeddedSolve = embedded.get("lastSolveMillis").asDouble();
        double serverBuild = server.get("lastBuildMillis").asDouble();
        double serverSolve = server.get("lastSolveMillis").asDouble();
        facts.put("whole solve", ("the first trace after the import solved the whole network (%d processes, 2024, MASS) in %.0f ms inside the "
                + "embedded database, the projection kept through the import, its first solve of this size in this JVM, code not yet compiled (the trace over Bolt: %.0f ms); the same solve of the in-memory "
                + "copy (the floor, warm, median of " + WHOLE_SOLVE_ROUNDS + "): %.0f ms: **%.2f×** the floor")
                .formatted(embedded.get("lastSolveNodes").asLong(), embeddedSolve, firstTrace, floorSolve, embeddedSolve / floorSolve));
        facts.put("whole solve, warm", ("like for like, warm, alternating with the floor (median of " + WHOLE_SOLVE_ROUNDS + "): the whole solve of a projection built "
                + "from the embedded store %.0f ms, **%.2f×** the floor's %.0f ms; the build from the store (%d processes) %.0f ms against the "
                + "floor's copy from Java maps %.0f ms; build and solve %.0f ms, %.2f× the floor's copy and solve")
                .formatted(median(solves), median(solves) / floorSolve, floorSolve, nodes, median(builds), floorCopy,
                        median(builds) + median(solves), (median(builds) + median(solves)) / (floorCopy + floorSolve)));
        facts.put("whole solve, server", ("the server's first trace after the bare import (no projection yet): build from the store %.0f ms, "
                + "whole solve %.0f ms (%d processes), the trace over Bolt %.0f ms")
                .formatted(serverBuild, serverSolve, server.get("lastSolveNodes").asLong(), serverTrace));
        this.floorProjection = projection;
    }

    private static double median(List<Double> values) {
        var sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }

    private Analytics.Projection floorProjection;

    // ---- traces ----

    private void measureTraces(NetworkGenerator.Network dense, NetworkGenerator.Network realistic, InMemoryFlowGraph memory,
                               Driver bolt, Driver plugin) {
        var random = new SplittableRandom(7);
        var denseRoots = pick(dense.processes(), denseRoots(), random);
        var realRoots = pick(realistic.processes(), realisticRoots(), random);
        var warm = new SplittableRandom(8);
        warmUp.put(denseRoots, pick(dense.processes(), denseRoots(), warm));
        warmUp.put(realRoots, pick(realistic.processes(), realisticRoots(), warm));
        var denseClosure = denseRoots.stream().mapToInt(id -> closure(memory, id)).summaryStatistics();
        var realClosure = realRoots.stream().mapToInt(id -> closure(memory, id)).sorted().toArray();
        facts.put("closures", ("upstream closure of a root (what a solve per trace visits): dense %.0f processes on average; realistic "
                + "median %d, largest of %d roots %d").formatted(denseClosure.getAverage(), realClosure[realClosure.length / 2], realClosure.length,
                realClosure[realClosure.length - 1]));
        compareServer(denseRoots.subList(0, Math.min(5, denseRoots.size())), realRoots.subList(0, Math.min(20, realRoots.size())), bolt, plugin);
        if (plugin != null) {
            warmServer(warmUp.get(denseRoots), warmUp.get(realRoots), bolt, plugin);
            Call embedded = id -> bolt.executableQuery("RETURN 1").execute();
            Call server = id -> plugin.executableQuery("RETURN 1").execute();
            serverRows(List.of(traceRow(UPSTREAM_DENSE, denseRoots, "UPSTREAM", bolt, plugin),
                    traceRow(DOWNSTREAM_DENSE, denseRoots, "DOWNSTREAM", bolt, plugin),
                    traceRow(UPSTREAM_REALISTIC, realRoots, "UPSTREAM", bolt, plugin),
                    traceRow(DOWNSTREAM_REALISTIC, realRoots, "DOWNSTREAM", bolt, plugin),
                    // what the transport itself costs each way, measured the same way: the floor of the server ratio
                    new ServerRow("an empty statement, RETURN 1 (the transport's own cost)", List.of("over Bolt, embedded",
                            "over Bolt, Neo4j server with only the plugin"), realRoots, warmUp.get(realRoots), List.of(embedded, server))), plugin);
        }
        for (int depth : new int[] {10, 6}) {
            String op = depth == 10 ? UPSTREAM_DENSE : "trace upstream, maxDepth " + depth + " (dense)";
            embeddedTraceRows(op, denseRoots, "UPSTREAM", depth, bolt, depth != 10 || plugin == null);
            if (depth == 10) {
                time(op, "(a0) before issue 15: the root's closure solved per trace, in-memory copy", denseRoots.subList(0, Math.min(5, denseRoots.size())),
                        id -> Analytics.trace(memory, id, 2024, "UPSTREAM", "MASS", 10, 0.001, 50));
            }
            // the path query's cost grows with the paths, not the nodes: a few roots, and a time limit
            time(op, "(c) one Cypher path query collecting the upstream set", denseRoots.subList(0, Math.min(depth == 10 ? 2 : 5, denseRoots.size())),
                    id -> bolt.session().executeRead(tx -> tx.run("MATCH (p:Process {id: $id}) MATCH (p)(()<-[:SUPPLIES]-(:SideStream)<-[:PRODUCES]-(:Process)){1,"
                                    + depth + "}(q:Process) RETURN count(DISTINCT q) AS n", Map.of("id", id)).single(),
                            TransactionConfig.builder().withTimeout(Duration.ofSeconds(60)).build()));
        }
        time(UPSTREAM_DENSE, "(b) naive: one statement per visited process", denseRoots.subList(0, 1), id -> naiveUpstream(bolt, id));
        embeddedTraceRows(DOWNSTREAM_DENSE, denseRoots, "DOWNSTREAM", 10, bolt, plugin == null);
        embeddedTraceRows(UPSTREAM_REALISTIC, realRoots, "UPSTREAM", 10, bolt, plugin == null);
        embeddedTraceRows(DOWNSTREAM_REALISTIC, realRoots, "DOWNSTREAM", 10, bolt, plugin == null);
    }

    private static final String UPSTREAM_DENSE = "trace upstream, maxDepth 10 (dense)";
    private static final String DOWNSTREAM_DENSE = "trace downstream, maxDepth 10 (dense)";
    private static final String UPSTREAM_REALISTIC = "trace upstream, maxDepth 10 (realistic)";
    private static final String DOWNSTREAM_REALISTIC = "trace downstream, maxDepth 10 (realistic)";
    private static final String EMBEDDED_TRACE = "kb.trace over Bolt, embedded (solved vectors)";

    /** A trace row asked of the embedded service and of the server with only the plugin ({@link #serverRows}). */
    private ServerRow traceRow(String op, List<String> ids, String direction, Driver bolt, Driver plugin) {
        String query = traceQuery(direction, 10);
        return new ServerRow(op, List.of(EMBEDDED_TRACE, "kb.trace over Bolt, Neo4j server with only the plugin"), ids, warmUp.get(ids),
                List.of(traceCall(bolt, query), traceCall(plugin, query)));
    }

    /** A trace of one root over Bolt, on either database. */
    private static Call traceCall(Driver driver, String query) {
        return id -> driver.executableQuery(query).withParameters(Map.of("id", id)).execute();
    }

    /** The trace's rows in the embedded service alone: kb.trace over Bolt (unless a server row timed it), and the floor. */
    private void embeddedTraceRows(String op, List<String> ids, String direction, int depth, Driver bolt, boolean overBolt) {
        if (overBolt) {
            time(op, EMBEDDED_TRACE, ids, traceCall(bolt, traceQuery(direction, depth)));
        }
        time(op, "(a) floor: same algorithm, in-memory copy", ids, id -> floorProjection.trace(id, direction, "MASS", depth, 0.001, 50));
    }

    private static String traceQuery(String direction, int depth) {
        return "CALL kb.trace($id, 2024, '" + direction + "', 'MASS', " + depth + ") YIELD total RETURN total";
    }

    /**
     * Dense roots to trace with kb.trace and the floor (the slow baselines take the first few). Until the run of
     * 2026-12-01 06:29 they were 20 at L and 50 at M: at L the server ratio was a ratio of two medians of 20 samples
     * (at 06:09 1.47× and 1.27×, the realistic network's 1.19× and 1.07× over 1,000). A dense trace now takes about a
     * millisecond, so 200 cost a second or two.
     */
    private int denseRoots() {
        return size == NetworkGenerator.Size.S ? roots : 200;
    }

    /**
     * Realistic roots to trace: their target is a p99, and a trace takes about a millisecond. Until the run of
     * 2026-12-01 they were 4 per dense root, 80 at L: the p99 of 80 samples is their largest (nearest rank), so one
     * pause of the transport decided it. Of 1,000 it is the eleventh largest. The smoke test at S keeps 4 per root.
     */
    private int realisticRoots() {
        return size == NetworkGenerator.Size.S ? roots * 4 : 1000;
    }

    /** Roots to warm up with, per list of measured roots: as many, picked apart from them. */
    private final Map<List<String>, List<String>> warmUp = new java.util.IdentityHashMap<>();

    /** The server's traces, from the bare-loaded records, are the embedded service's. */
    private void compareServer(List<String> dense, List<String> realistic, Driver bolt, Driver plugin) {
        int differ = 0;
        var all = new ArrayList<>(dense);
        all.addAll(realistic);
        for (String id : all) {
            String query = "CALL kb.trace($id, 2024) YIELD total, coverage, paths RETURN total, coverage, size(paths) AS paths";
            var a = bolt.executableQuery(query).withParameters(Map.of("id", id)).execute().records().getFirst();
            var b = plugin.executableQuery(query).withParameters(Map.of("id", id)).execute().records().getFirst();
            if (Math.abs(a.get("total").asDouble() - b.get("total").asDouble()) > 1e-9 * Math.max(1, Math.abs(a.get("total").asDouble()))
                    || a.get("paths").asLong() != b.get("paths").asLong()) {
                differ++;
            }
        }
        facts.put("server answers", differ == 0 ? "the server's traces equal the embedded ones (" + all.size() + " roots compared)"
                : differ + " of " + all.size() + " traces differ between the server and the embedded database");
    }

    // ---- a write, then the first trace ----

    private void measureWrites(NetworkGenerator.Network dense, NetworkGenerator.Network realistic, Driver bolt) {
        for (var network : List.of(dense, realistic)) {
            String shape = network.shape() == NetworkGenerator.Shape.DENSE ? "dense" : "realistic";
            var random = new SplittableRandom(11);
            var commits = new ArrayList<Double>();
            var traces = new ArrayList<Double>();
            var solved = new ArrayList<Long>();
            int n = 10;
            for (int i = 0; i < n + 1; i++) {
                String stream = network.sideStreams().get(random.nextInt(network.sideStreams().size()));
                String consumer = network.processes().get(random.nextInt(network.processes().size()));
                String flow = network.partner() + ":bench-write-" + i;
                long t = System.nanoTime();
                bolt.executableQuery("""
                        MATCH (s:SideStream {id: $s}), (c:Process {id: $c})
                        CREATE (s)-[:SUPPLIES {id: $f, quantity: 1.0, transportMode: 'ROAD', distanceKm: 5.0, source: $partner, updatedAt: datetime()}]->(c)""")
                        .withParameters(Map.of("s", stream, "c", consumer, "f", flow, "partner", network.partner())).execute();
                double commit = (System.nanoTime() - t) / 1e6;
                t = System.nanoTime();
                bolt.executableQuery("CALL kb.trace($c, 2024) YIELD total RETURN total").withParameters(Map.of("c", consumer)).execute();
                double trace = (System.nanoTime() - t) / 1e6;
                long nodes = bolt.executableQuery("CALL kb.projection() YIELD lastSolveNodes RETURN lastSolveNodes").execute().records().getFirst()
                        .get("lastSolveNodes").asLong();
                bolt.executableQuery("MATCH ()-[f:SUPPLIES {id: $f}]->() DELETE f").withParameters(Map.of("f", flow)).execute();
                bolt.executableQuery("CALL kb.trace($c, 2024) YIELD total RETURN total").withParameters(Map.of("c", consumer)).execute();
                if (i > 0) { // the first is a warm-up
                    commits.add(commit);
                    traces.add(trace);
                    solved.add(nodes);
                }
            }
            add("first trace after a one-flow write (" + shape + ")", "kb.trace over Bolt, embedded: solves again what lies downstream of the new flow",
                    traces, "");
            add("first trace after a one-flow write (" + shape + ")", "the write itself: commit, with the projection's upkeep", commits, "");
            solved.sort(null);
            facts.put("write region (" + shape + ")", "a one-flow write solved again %d processes (median of %d writes; largest %d)"
                    .formatted(solved.get(solved.size() / 2), solved.size(), solved.getLast()));
        }
    }

    // ---- balance, compensation, matching ----

    /**
     * Untimed calls before each of the six analytics rows: their code has run little before (a first call of
     * carbonBalance through GraphQL took 85 ms at M, warm ones 18 ms).
     */
    static final int ANALYTICS_WARM_UPS = 10;

    private void measureOthers(NetworkGenerator.Network dense, Driver bolt) {
        var random = new SplittableRandom(13);
        // -Dkb.bench.samples=N: N samples of each of the three instead of 20, 30 and 30, each after ANALYTICS_WARM_UPS untimed calls
        int samples = Integer.getInteger("kb.bench.samples", 0);
        time("carbonBalance, largest park (dense)", "kb.carbonBalance", java.util.Collections.nCopies(samples > 0 ? samples : 20, dense.largestPark()),
                ANALYTICS_WARM_UPS, id -> bolt.executableQuery("CALL kb.carbonBalance($id, 2024) YIELD net RETURN net").withParameters(Map.of("id", id)).execute());
        time("compensationPartners (dense)", "kb.compensationPartners", pick(dense.organizations(), samples > 0 ? samples : 30, random),
                ANALYTICS_WARM_UPS, id -> bolt.executableQuery("CALL kb.compensationPartners($id, 2024) YIELD residual RETURN residual").withParameters(Map.of("id", id)).execute());
        time("sideStreamMatches (dense)", "kb.sideStreamMatches", pick(dense.sideStreams(), samples > 0 ? samples : 30, random),
                ANALYTICS_WARM_UPS, id -> bolt.executableQuery(
                "CALL kb.sideStreamMatches($id, 2024) YIELD level RETURN count(*)").withParameters(Map.of("id", id)).execute());
    }

    /**
     * The same three as a client asks them: the whole answer over GraphQL, through the service (every row of the
     * procedure with its {@code from} lists, security.Disclosure, the objects loaded beside), in local mode.
     */
    private void measureOthersOverGraphQL(NetworkGenerator.Network dense, Http http) {
        var random = new SplittableRandom(13);
        int samples = Integer.getInteger("kb.bench.samples", 0);
        String what = "GraphQL over HTTP, whole answer (service, Disclosure)";
        time("carbonBalance, largest park (dense)", what, java.util.Collections.nCopies(samples > 0 ? samples : 20, dense.largestPark()),
                ANALYTICS_WARM_UPS, id -> graphql(http, "{ carbonBalance(parkId: \"" + id + "\", year: 2024) { gross net reportedShare withheld "
                        + "byProcess { process { id } tCO2e } bySource { source tCO2e } } }"));
        time("compensationPartners (dense)", what, pick(dense.organizations(), samples > 0 ? samples : 30, random),
                ANALYTICS_WARM_UPS, id -> graphql(http, "{ compensationPartners(organizationId: \"" + id + "\", year: 2024) { emissions contracted residual "
                        + "uncovered candidates { sink { id } owner { id } distanceKm free suggestedTonnes networkHops networkPath } } }"));
        time("sideStreamMatches (dense)", what, pick(dense.sideStreams(), samples > 0 ? samples : 30, random),
                ANALYTICS_WARM_UPS, id -> graphql(http, "{ sideStreamMatches(sideStreamId: \"" + id + "\", year: 2024) { level process { id } need { id } "
                        + "distanceKm wanted supplyable } }"));
    }

    private static Object graphql(Http http, String query) {
        var response = http.graphql(query);
        if (response.status() != 200 || response.raw().contains("\"errors\"")) {
            throw new IllegalStateException(response.raw().substring(0, Math.min(300, response.raw().length())));
        }
        return response;
    }

    // ---- GraphQL: ours, the peer and hand-written Cypher, alternately ----

    private void measureGraphQL(NetworkGenerator.Network dense, NetworkGenerator.Network realistic, Http http, Driver bolt, String boltUri)
            throws Exception {
        try (var peer = GraphQLPeer.start(boltUri)) {
            String park = realistic.largestPark();
            var queries = List.of(
                    new PeerQueries.Query("park → organizations → processes (realistic, largest park)",
                            PeerQueries.parkOrganizationsProcesses(park)),
                    new PeerQueries.Query("100 parks, 4 levels (realistic)", PeerQueries.hundredParks(realistic.network())),
                    new PeerQueries.Query("100 side streams of code 10 01 01 and at least 1000 t → producer → operator",
                            PeerQueries.streamsProducerOperator("10 01 01", 1000)),
                    new PeerQueries.Query("page of 100 parks with organizations, processes, side streams (dense)",
                            PeerQueries.hundredParks(dense.network())));
            var warmUps = new ArrayList<String>();
            for (var q : queries) {
                boolean page = q.name().contains("page of 100");
                // the dense page: 20 rounds at M and L, so that its p95 is the second largest, not the largest (6 at L before the run of 06:29)
                int samples = page ? (size == NetworkGenerator.Size.S ? 6 : 20) : (size == NetworkGenerator.Size.L ? 40 : 100);
                int rounds = warmUpRounds(page, q.name().startsWith("park"));
                warmUps.add("%d rounds, then %s".formatted(rounds, alternate(q, rounds, samples, http, peer, bolt)));
            }
            // the floor of every GraphQL request over HTTP here: parsing, the filters, execution and the JSON of an answer of one field;
            // warmed like the park query, the other small request
            int calls = warmUpRounds(false, true);
            time("a GraphQL request's own cost", "{ formatVersion } over HTTP (this service)", java.util.Collections.nCopies(100, ""), calls,
                    id -> http.graphql("{ formatVersion }").body());
            facts.put("GraphQL warm-up", ("untimed rounds (each asks the three once), then the JIT compilation in this JVM (the service's) "
                    + "during the timed rounds, per query in the order of the table: %s; `{ formatVersion }` %d untimed calls")
                    .formatted(String.join("; ", warmUps), calls));
        }
    }

    /**
     * Untimed rounds before a GraphQL comparison. Twenty left the JIT compiling through the timed rounds: at M the
     * park query took 7.29 ms, 2.66× the hand-written Cypher, and `{ formatVersion }` 1.78 ms. The JIT does not go quiet
     * here at all: over 3,000 rounds of the park query at M, each 100 still added 150–650 ms of compilation (the
     * CompilationMXBean's total), falling as the rounds went on; after 3,000 the park query took 1.74 ms, 1.25× the
     * Cypher, and `{ formatVersion }` 0.71 ms. So the small query gets 3,000 rounds (one round takes milliseconds), the
     * realistic page and the side streams 300 (their rounds take tens of milliseconds and more of their time is
     * per-object code, hot sooner), the dense page 3 (seconds a round), and the smoke test at S few.
     */
    private int warmUpRounds(boolean densePage, boolean small) {
        if (densePage) {
            return 3;
        }
        if (size == NetworkGenerator.Size.S) {
            return 20;
        }
        return small ? 3000 : 300;
    }

    /**
     * The three asked in turn, a different one first each round, after {@code warmUps} untimed rounds (JIT in both
     * processes); the JIT compilation time in this JVM during the timed rounds, as a phrase.
     */
    private String alternate(PeerQueries.Query q, int warmUps, int samples, Http http, GraphQLPeer peer, Driver bolt) {
        var ours = new ArrayList<Double>();
        var theirs = new ArrayList<Double>();
        var cypher = new ArrayList<Double>();
        Object[] answers = new Object[3];
        for (int i = -warmUps; i < 0; i++) {
            for (int k = 0; k < 3; k++) {
                int which = Math.floorMod(i + k, 3);
                answers[which] = ask(which, q, http, peer, bolt);
            }
        }
        var compilation = ManagementFactory.getCompilationMXBean();
        long compiledBefore = compilation.getTotalCompilationTime();
        long started = System.nanoTime();
        for (int i = 0; i < samples; i++) {
            for (int k = 0; k < 3; k++) {
                int which = Math.floorMod(i + k, 3); // a different one goes first each round
                long t = System.nanoTime();
                ask(which, q, http, peer, bolt);
                (which == 0 ? ours : which == 1 ? theirs : cypher).add((System.nanoTime() - t) / 1e6);
            }
        }
        String jit = "%d ms in %.1f s".formatted(compilation.getTotalCompilationTime() - compiledBefore, (System.nanoTime() - started) / 1e9);
        var normalized = List.of(q.ours().normalize((JsonNode) answers[0]), q.peer().normalize((JsonNode) answers[1]), answers[2]);
        String note = "";
        if (!Objects.equals(normalized.get(0), normalized.get(2))) {
            note = "our answer differs from the Cypher's";
        } else if (!Objects.equals(normalized.get(1), normalized.get(2))) {
            note = "the peer's answer differs from the Cypher's";
        }
        int objects = PeerQueries.objects(normalized.get(2));
        add(q.name(), "GraphQL over HTTP (this service; " + objects + " objects)", ours, note);
        add(q.name(), "`@neo4j/graphql` " + GraphQLPeer.VERSION + " over HTTP, same database", theirs, note);
        add(q.name(), "(d) one hand-written Cypher query over Bolt", cypher, note);
        return jit;
    }

    /** One ask: 0 ours, 1 the peer's, 2 the hand-written Cypher; the answer as each gives it. */
    private static Object ask(int which, PeerQueries.Query q, Http http, GraphQLPeer peer, Driver bolt) {
        return switch (which) {
            case 0 -> http.graphql(q.ours().query()).body();
            case 1 -> peer.ask(q.peer().query());
            default -> PeerQueries.cypher(bolt, q.cypher());
        };
    }

    // ---- what the projection holds ----

    private void projectionFacts(Driver bolt, Driver plugin) {
        var s = bolt.executableQuery("CALL kb.projection()").execute().records().getFirst();
        facts.put("projection", "%d processes, %d flows; solved: %s; solved vectors (F, its parts, local) %.1f MB; %d whole builds, %d in-place updates"
                .formatted(s.get("processes").asLong(), s.get("flows").asLong(), s.get("solved").asList(v -> v.asString()),
                        s.get("vectorBytes").asLong() / 1e6, s.get("builds").asLong(), s.get("updates").asLong()));
        // the server's traces read its projection: built once after the bare import, never again (a build per trace would show here)
        var p = plugin.executableQuery("CALL kb.projection()").execute().records().getFirst();
        facts.put("server projection", "%d processes, %d flows; solved: %s; %d whole builds, %d in-place updates"
                .formatted(p.get("processes").asLong(), p.get("flows").asLong(), p.get("solved").asList(v -> v.asString()),
                        p.get("builds").asLong(), p.get("updates").asLong()));
        System.gc();
        var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        facts.put("heap after GC", "%d MB in use after a full GC at the end, of %d MB (service, embedded Neo4j, the projection, and the benchmark's floor copy)"
                .formatted(heap.getUsed() / (1024 * 1024), heap.getMax() / (1024 * 1024)));
    }

    // ---- helpers ----

    /** How many processes the exact solve of one root has to visit: its whole upstream closure, whatever maxDepth. */
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
        time(operation, what, ids, 1, call);
    }

    /** The calls timed in turn after {@code warmUps} untimed ones over the same ids. */
    private void time(String operation, String what, List<String> ids, int warmUps, Call call) {
        String note = "";
        for (int i = 0; i < warmUps; i++) {
            try {
                call.apply(ids.get(i % ids.size()));
            } catch (RuntimeException e) {
                note = "failed: " + e.getClass().getSimpleName() + " " + e.getMessage();
            }
        }
        var samples = new ArrayList<Double>();
        for (String id : ids) {
            long t = System.nanoTime();
            try {
                call.apply(id);
            } catch (RuntimeException e) {
                note = "failed: " + e.getClass().getSimpleName() + " " + e.getMessage();
                continue;
            }
            samples.add((System.nanoTime() - t) / 1e6);
        }
        add(operation, what, samples, note);
    }

    /**
     * At least this many untimed calls of each kind first (the smoke test, with 2 roots, makes fewer): the server's
     * JVM has run little else, and a few hundred calls bring its Bolt and trace code nearer to where the embedded
     * JVM's already is (at S the ratio fell over the first 1,000 calls).
     */
    static final int WARM_UP_CALLS = 400;

    private List<String> warmUpCalls(List<String> warm) {
        var calls = new ArrayList<String>();
        while (calls.size() < Math.max(Math.min(WARM_UP_CALLS, 10 * roots), warm.size())) {
            calls.addAll(warm);
        }
        return calls;
    }

    /**
     * Rounds of untimed calls before the first server row, to both JVMs alike, until the server's JIT has gone
     * quiet. The embedded service's JVM has run the import and the whole solve through Neo4j's Bolt, Cypher and commit
     * code; the server's JVM had run only the bare load, a few hundred transactions. Profiled at M (Java Flight
     * Recorder, 2026-12-01), the server was still compiling through the realistic rows (5 s of compilation in their 18 s,
     * 443 methods, against the embedded JVM's 2 s), and its Bolt workers took 2,074 samples to the embedded ones'
     * 1,468 for the same calls, not in the trace (174 against 159) but in Neo4j's own per-statement code: its commit
     * 209 against 83, query execution 284 against 114. A server in service has long run that code hot.
     */
    private void warmServer(List<String> dense, List<String> realistic, Driver bolt, Driver plugin) {
        record TraceCall(String query, String id) {
        }
        var calls = new ArrayList<TraceCall>();
        for (String direction : List.of("UPSTREAM", "DOWNSTREAM")) {
            for (List<String> roots : List.of(dense, realistic)) {
                roots.forEach(id -> calls.add(new TraceCall(traceQuery(direction, 10), id)));
            }
        }
        java.util.Collections.shuffle(calls, new java.util.Random(9));
        int round = Math.min(calls.size(), 1_000);
        int maxRounds = size == NetworkGenerator.Size.S ? 1 : SERVER_WARM_UP_ROUNDS;
        var compiled = new ArrayList<Long>();
        long before = serverCompilationMillis(plugin);
        int rounds = 0;
        while (rounds < maxRounds) {
            for (int i = 0; i < round; i++) {
                var call = calls.get((rounds * round + i) % calls.size());
                for (Driver driver : List.of(bolt, plugin)) {
                    driver.executableQuery(call.query()).withParameters(Map.of("id", call.id())).execute();
                    driver.executableQuery("RETURN 1").execute();
                }
            }
            rounds++;
            long now = serverCompilationMillis(plugin);
            compiled.add(now < 0 || before < 0 ? -1 : now - before);
            before = now;
            if (compiled.getLast() >= 0 && compiled.getLast() < SERVER_QUIET_MILLIS) {
                break;
            }
        }
        facts.put("server warm-up", ("before the first server row, %d rounds of %d traces and %d `RETURN 1` to each database (other roots, "
                + "both directions, both networks), until the server's JIT compiled less than %d ms in a round (at most %d rounds); "
                + "the server's compilation per round: %s ms").formatted(rounds, round, round, SERVER_QUIET_MILLIS, maxRounds,
                compiled.stream().map(ms -> ms < 0 ? "?" : Long.toString(ms)).toList()));
    }

    /** Rounds of the server's warm-up at most, and the compilation in one round under which it counts as warm. */
    static final int SERVER_WARM_UP_ROUNDS = 20;
    static final long SERVER_QUIET_MILLIS = 50;

    /** The server JVM's total JIT compilation time so far (its CompilationMXBean, read through Neo4j's JMX procedure), or -1. */
    private static long serverCompilationMillis(Driver plugin) {
        try {
            return plugin.executableQuery("CALL dbms.queryJmx('java.lang:type=Compilation') YIELD attributes "
                    + "RETURN attributes.TotalCompilationTime.value AS ms").execute().records().getFirst().get("ms").asLong();
        } catch (RuntimeException e) {
            return -1;
        }
    }

    /** One operation asked of the embedded service and of the server with only the plugin, in turn ({@link #serverRows}). */
    private record ServerRow(String operation, List<String> whats, List<String> ids, List<String> warm, List<Call> calls) {
    }

    /** Blocks the server rows' timed calls are spread over ({@link #serverRows}). */
    static final int SERVER_BLOCKS = 10;

    /**
     * The rows that compare the embedded service with the server with only the plugin. Each row first gets its
     * untimed warm-up (calls over other roots of the same network, to both JVMs alike). Then the timed calls go in
     * {@link #SERVER_BLOCKS} blocks, a tenth of every row after a tenth of the one before, so that each row's calls
     * spread over the whole measurement (some 10 s at L) instead of a few seconds of their own. A passing event in
     * one JVM then falls on every row alike: in the run of 2026-12-02 02:19 (L, Java Flight Recorder in both JVMs) the
     * server's G1 ran a 2.8 s concurrent cycle, 94 ms of it paused, across the whole dense downstream row, whose
     * server p50 came out 1.21× the embedded one while the other rows were 0.99–1.08×. Within a block the two are
     * asked alternately for each id, a different one first each time, so load on the shared machine falls on both.
     * The kernel's counts of every thread ({@link ThreadTimes}) are summed over each row's blocks.
     */
    private void serverRows(List<ServerRow> serverRows, Driver plugin) {
        var timed = serverRows.stream().map(Timed::new).toList();
        long beforeWarmUp = serverCompilationMillis(plugin);
        for (Timed row : timed) {
            var warm = warmUpCalls(row.spec.warm());
            for (int i = 0; i < warm.size(); i++) {
                row.ask(warm.get(i), i, false);
            }
        }
        long beforeTimed = serverCompilationMillis(plugin);
        long self = ProcessHandle.current().pid();
        for (int block = 0; block < SERVER_BLOCKS; block++) {
            for (Timed row : timed) {
                List<String> ids = row.spec.ids();
                ThreadTimes serviceBefore = ThreadTimes.of(self);
                ThreadTimes serverBefore = ThreadTimes.of(serverPid);
                for (int i = ids.size() * block / SERVER_BLOCKS; i < ids.size() * (block + 1) / SERVER_BLOCKS; i++) {
                    row.ask(ids.get(i), i, true);
                }
                row.service = row.service.plus(ThreadTimes.of(self).since(serviceBefore));
                row.server = row.server.plus(ThreadTimes.of(serverPid).since(serverBefore));
            }
        }
        long after = serverCompilationMillis(plugin);
        facts.put("server JIT during the server rows", beforeWarmUp < 0 || after < 0 ? "?" : "their warm-ups %d ms, their timed calls %d ms"
                .formatted(beforeTimed - beforeWarmUp, after - beforeTimed));
        for (Timed row : timed) {
            threadFacts(row.spec.operation(), row.spec.ids().size(), row.service, row.server);
            for (int k = 0; k < row.spec.calls().size(); k++) {
                add(row.spec.operation(), row.spec.whats().get(k), row.samples.get(k), row.notes[k]);
            }
        }
    }

    /** A server row being timed: each call's samples and note, and the threads' counts summed over its blocks. */
    private static final class Timed {
        final ServerRow spec;
        final List<List<Double>> samples = new ArrayList<>();
        final String[] notes;
        ThreadTimes service = ThreadTimes.NOTHING;
        ThreadTimes server = ThreadTimes.NOTHING;

        Timed(ServerRow spec) {
            this.spec = spec;
            spec.calls().forEach(c -> samples.add(new ArrayList<>()));
            notes = new String[spec.calls().size()];
            Arrays.fill(notes, "");
        }

        /** Asks each call for one id, a different one first for each index; keeps the times unless warming up. */
        void ask(String id, int index, boolean timed) {
            int n = spec.calls().size();
            for (int k = 0; k < n; k++) {
                int which = (index + k) % n;
                long t = System.nanoTime();
                try {
                    spec.calls().get(which).apply(id);
                } catch (RuntimeException e) {
                    notes[which] = "failed: " + e.getClass().getSimpleName() + " " + e.getMessage();
                    continue;
                }
                if (timed) {
                    samples.get(which).add((System.nanoTime() - t) / 1e6);
                }
            }
        }
    }

    /** Neo4j's Bolt server threads (workers and network), in either process: the database's side of a call. */
    private static final List<String> BOLT_THREADS = List.of("neo4j.Bolt");

    /**
     * Where a server row's time went in both processes, per call, as the kernel counted it: CPU and waiting for a CPU,
     * Bolt's threads first, then each process's busiest threads. The service's threads serve the embedded calls and are
     * the client of both.
     */
    private void threadFacts(String operation, int calls, ThreadTimes service, ThreadTimes server) {
        if (service.isEmpty() || server.isEmpty()) {
            return; // no /proc here
        }
        facts.put("threads, " + operation, ("per call of each kind (CPU/waiting for a CPU, switches in), %d calls each: Bolt's threads "
                + "(neo4j.Bolt*) server %s, embedded %s; server JVM %s (%s); service JVM, both kinds' client and the embedded calls' "
                + "database %s (%s)").formatted(calls, ThreadTimes.perCall(server.of(BOLT_THREADS), calls),
                ThreadTimes.perCall(service.of(BOLT_THREADS), calls), ThreadTimes.perCall(server.total(), calls), server.busiest(6, calls),
                ThreadTimes.perCall(service.total(), calls), service.busiest(8, calls)));
    }

    private void add(String operation, String what, List<Double> samples, String note) {
        var sorted = new ArrayList<>(samples);
        sorted.sort(null);
        double p50 = percentile(sorted, 0.50);
        double p95 = percentile(sorted, 0.95);
        double p99 = percentile(sorted, 0.99);
        rows.add(new Row(operation, what, p50, p95, p99, sorted.size(), note));
        System.out.printf("%-70s %-70s p50 %9.2f  p95 %9.2f  p99 %9.2f ms  n=%d %s%n", operation, what, p50, p95, p99, sorted.size(), note);
    }

    private static double percentile(List<Double> sorted, double q) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        return sorted.get(Math.min(sorted.size() - 1, Math.max(0, (int) Math.ceil(sorted.size() * q) - 1)));
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

    /** The machine's load averages (1, 5, 15 minutes) and cores: other work on the machine shows in the timings. */
    static String load() {
        try {
            String[] avg = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return "load average %s, %s, %s on %d cores".formatted(avg[0], avg[1], avg[2], Runtime.getRuntime().availableProcessors());
        } catch (IOException | RuntimeException e) {
            return "load average unknown on " + Runtime.getRuntime().availableProcessors() + " cores";
        }
    }

    static String markdown(Report report) {
        var out = new StringBuilder();
        out.append("### Size ").append(report.size()).append(": ").append(report.size().processes).append(" processes in each network, ")
                .append(report.records()).append(" records\n\n");
        report.facts().forEach((k, v) -> out.append("- ").append(k).append(": ").append(v).append('\n'));
        out.append("\n| operation | what | p50 ms | p95 ms | p99 ms | n | p50 ratio to the first row |\n|---|---|---:|---:|---:|---:|---:|\n");
        // an operation's rows together, in the order operations first appear (the server rows are timed before the others)
        var byOperation = new LinkedHashMap<String, List<Row>>();
        report.rows().forEach(r -> byOperation.computeIfAbsent(r.operation(), k -> new ArrayList<>()).add(r));
        for (Row r : byOperation.values().stream().flatMap(List::stream).toList()) {
            double ratio = r.p50Ms() / byOperation.get(r.operation()).getFirst().p50Ms();
            out.append(String.format("| %s | %s | %.2f | %.2f | %.2f | %d | %.2f× %s|%n", r.operation(), r.what(), r.p50Ms(), r.p95Ms(), r.p99Ms(),
                    r.samples(), ratio, r.note().isEmpty() ? "" : "(" + r.note() + ") "));
        }
        return out.toString();
    }

    private static void write(String table) throws IOException {
        Path file = Path.of("docs/benchmarks.md");
        String machine = "%d cores, %d MB max heap, Java %s, %s".formatted(Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() / (1024 * 1024), System.getProperty("java.version"), System.getProperty("os.name"));
        String section = "\n## Run of " + java.time.LocalDate.now() + " on " + machine + "\n\n" + table;
        String existing = Files.exists(file) ? Files.readString(file) : "# Benchmarks\n";
        Files.writeString(file, existing + section);
    }

    /** The peer, started for the run: {@code node src/test/peer/server.mjs BOLT}. */
    static final class GraphQLPeer implements AutoCloseable {
        static final String VERSION = "7.6.3";
        static final Path DIR = Path.of("src/test/peer");
        private final Process process;
        private final URI uri;
        private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        private GraphQLPeer(Process process, int port) {
            this.process = process;
            this.uri = URI.create("http://127.0.0.1:" + port + "/");
        }

        static boolean installed() {
            return Files.isDirectory(DIR.resolve("node_modules/@neo4j/graphql"));
        }

        static GraphQLPeer start(String boltUri) throws IOException {
            if (!installed()) {
                throw new IllegalStateException("the GraphQL peer is not installed: run `npm ci` in " + DIR + " (.ci/run does it)");
            }
            var process = new ProcessBuilder("node", "server.mjs", boltUri, "0").directory(DIR.toFile())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            // its own "listening <port>" line: the event, not a guess
            var out = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream()));
            String line = out.readLine();
            if (line == null || !line.startsWith("listening ")) {
                process.destroyForcibly();
                throw new IllegalStateException("the GraphQL peer did not start: " + line);
            }
            return new GraphQLPeer(process, Integer.parseInt(line.substring("listening ".length()).strip()));
        }

        JsonNode ask(String query) {
            try {
                var response = client.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(Http.json().writeValueAsString(Map.of("query", query)))).build(),
                        HttpResponse.BodyHandlers.ofString());
                return Http.json().readTree(response.body());
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException("the GraphQL peer did not answer", e);
            }
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            process.waitFor();
        }
    }
}
