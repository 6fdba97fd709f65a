package org.symbiosiskb.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;

/**
 * A Neo4j server in its own process with nothing of ours but the plugin: the analytics classes as
 * the build packs them into the plugin jar ({@code target/plugin-classes}: procedures, the projection
 * and its extension, the service file), put into the server's plugins folder and onto its classpath
 * exactly as Neo4j's launcher does with {@code plugins/*}. Neo4j's own jars come from this JVM's
 * classpath, the service's classes are left out. It is started by Neo4j's own entry point
 * ({@code org.neo4j.server.Neo4jCommunity}) with a neo4j.conf, so it runs as a server does.
 */
public final class PluginServer implements AutoCloseable {

    /**
     * The JVM options a Neo4j server runs with: the {@code server.jvm.additional} lines of the neo4j.conf that Neo4j
     * ships (5.26, the tarball and the Docker image alike), which its launcher passes to the JVM. This class starts
     * Neo4j's entry point itself, without the launcher, so it passes them. Among them {@code TrustFinalNonStaticFields}
     * (C2 may fold final fields; Neo4j's conf advises against it in embedded use) and Netty's
     * {@code tryReflectionSetAccessible}.
     */
    static final List<String> SERVER_JVM_OPTIONS = List.of(
            "-XX:+UseG1GC", "-XX:-OmitStackTraceInFastThrow", "-XX:+AlwaysPreTouch",
            "-XX:+UnlockExperimentalVMOptions", "-XX:+TrustFinalNonStaticFields", "-XX:+DisableExplicitGC",
            "-Djdk.nio.maxCachedBufferSize=1024", "-Dio.netty.tryReflectionSetAccessible=true",
            "-Djdk.tls.ephemeralDHKeySize=2048", "-Djdk.tls.rejectClientInitiatedRenegotiation=true",
            "-XX:FlightRecorderOptions=stackdepth=256", "-XX:+UnlockDiagnosticVMOptions", "-XX:+DebugNonSafepoints",
            "--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-opens=java.base/java.io=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "--enable-native-access=ALL-UNNAMED",
            "-Dlog4j2.disable.jmx=true", "-Dlog4j.layout.jsonTemplate.maxStringLength=32768");

    private final Process process;
    private final Path home;
    private final int boltPort;
    private final Path log;

    private PluginServer(Process process, Path home, int boltPort, Path log) {
        this.process = process;
        this.home = home;
        this.boltPort = boltPort;
        this.log = log;
    }

    /** Starts the server and returns once it has logged "Started." (or fails with its output). */
    public static PluginServer start(int heapMb) throws IOException, InterruptedException {
        long begun = System.nanoTime();
        Path home = DataDirectories.create("kb-plugin-server");
        Path plugins = Files.createDirectories(home.resolve("plugins"));
        Path jar = plugins.resolve("symbiosis-kb-plugin.jar");
        jarOf(Path.of("target/plugin-classes"), jar);
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path conf = Files.createDirectories(home.resolve("conf"));
        Files.writeString(conf.resolve("neo4j.conf"), String.join("\n",
                "server.directories.plugins=" + plugins,
                "server.directories.data=" + home.resolve("data"),
                "server.directories.logs=" + home.resolve("logs"),
                "server.bolt.listen_address=127.0.0.1:" + port,
                "server.http.enabled=false",
                "server.https.enabled=false",
                "dbms.security.auth_enabled=false",
                "dbms.usage_report.enabled=false",
                "server.memory.pagecache.size=256m",
                "db.transaction.timeout=10m",
                // Bolt waits 2 × 5 s for idle connections at shutdown by default (as the embedded database, 1 s)
                "internal.server.bolt.connection_shutdown_wait_time=1s",
                "internal.server.bolt.thread_pool_shutdown_wait_time=1s",
                ""));
        var command = new ArrayList<String>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-Xmx" + heapMb + "m");
        command.addAll(SERVER_JVM_OPTIONS);
        command.add("--sun-misc-unsafe-memory-access=allow"); // Java 25 warns without it (pom.xml, kb.jvm.args)
        // for profiling the server beside the service, e.g. Java Flight Recorder (docs/benchmarks.md)
        String extra = System.getProperty("kb.plugin-server.jvm.args", "").strip();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        command.add("-cp");
        command.add(jar + java.io.File.pathSeparator + neo4jClasspath());
        command.addAll(List.of("org.neo4j.server.Neo4jCommunity", "--home-dir=" + home, "--config-dir=" + conf, "--console-mode"));
        Path log = home.resolve("console.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        var started = new CountDownLatch(1);
        var drain = new Thread(() -> drain(process, log, started), "plugin-server-output");
        drain.setDaemon(true);
        drain.start();
        var server = new PluginServer(process, home, port, log);
        // the event itself: the server's own "Started." line, or the end of its output (the bound only guards a hang)
        if (!started.await(5, TimeUnit.MINUTES) || !process.isAlive()) {
            process.destroyForcibly();
            throw new IllegalStateException("the Neo4j server with the plugin did not start:\n" + Files.readString(log));
        }
        System.out.printf("Neo4j server with the plugin started in %.1f s at %s%n", (System.nanoTime() - begun) / 1e9, server.boltUri());
        return server;
    }

    /** The server's operating-system process (the benchmark reads its threads' times). */
    public long pid() {
        return process.pid();
    }

    public String boltUri() {
        return "bolt://127.0.0.1:" + boltPort;
    }

    public Path home() {
        return home;
    }

    /** Neo4j's jars and their dependencies from this JVM's classpath; this project's own classes left out. */
    private static String neo4jClasspath() {
        return Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(entry -> entry.endsWith(".jar"))
                .collect(Collectors.joining(java.io.File.pathSeparator));
    }

    private static void jarOf(Path classes, Path jar) throws IOException {
        if (!Files.isDirectory(classes.resolve("org/symbiosiskb/analytics"))) {
            throw new IllegalStateException("no plugin classes in " + classes.toAbsolutePath() + ": compile first (./kb mvn compile)");
        }
        try (OutputStream out = Files.newOutputStream(jar); var zip = new JarOutputStream(out); var files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                zip.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, zip);
                zip.closeEntry();
            }
        }
    }

    private static void drain(Process process, Path log, CountDownLatch started) {
        try (var in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             var out = new PrintWriter(Files.newBufferedWriter(log), true)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                out.println(line);
                if (line.endsWith("Started.")) {
                    started.countDown();
                }
            }
        } catch (IOException e) {
            // the process ended (close() stopped it)
        } finally {
            started.countDown();
        }
    }

    @Override
    public void close() throws InterruptedException {
        long begun = System.nanoTime();
        process.destroy(); // SIGTERM: Neo4j shuts down cleanly
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor();
        }
        System.out.printf("Neo4j server with the plugin stopped in %.1f s%n", (System.nanoTime() - begun) / 1e9);
        try (var files = Files.walk(home)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind
        }
    }
}
