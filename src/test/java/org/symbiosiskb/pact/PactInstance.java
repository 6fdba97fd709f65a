package org.symbiosiskb.pact;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.symbiosiskb.SymbiosisKbApplication;
import org.symbiosiskb.support.DataDirectories;

/**
 * One real instance for PACT tests: its own embedded database, its HTTP port and its PACT TLS port, and a clock
 * the test moves. All test instances share one self-signed certificate ({@link #CERTIFICATES}), made before the
 * first starts, so two instances can trust each other through one SSL bundle.
 */
final class PactInstance implements AutoCloseable {

    /** The certificate directory every test instance uses (src/test/resources/config/application.yaml). */
    static final Path CERTIFICATES = Path.of(System.getProperty("java.io.tmpdir"), "symbiosis-kb-test-pact-tls");

    final ConfigurableApplicationContext context;
    final MutableClock clock;
    final int httpPort;
    final int pactPort;

    private PactInstance(ConfigurableApplicationContext context, MutableClock clock, int httpPort) {
        this.context = context;
        this.clock = clock;
        this.httpPort = httpPort;
        this.pactPort = context.getBean(PactConnector.class).port();
    }

    /**
     * @param pactPort the PACT port, 0 for any (a peer that must know it in advance picks one with {@link #freePort})
     * @param args     more settings, {@code --name=value}
     */
    static PactInstance start(String name, int pactPort, String... args) {
        try {
            certificate();
            int httpPort = freePort();
            Path data = DataDirectories.create("kb-pact-" + name);
            var all = new ArrayList<>(List.of("--server.port=" + httpPort, "--kb.embedded.bolt-port=0", "--kb.embedded.data-dir=" + data,
                    "--spring.neo4j.uri=", "--kb.example-data.enabled=false", "--kb.pact.https-port=" + pactPort,
                    "--kb.federation.interval=0", "--logging.level.root=WARN"));
            all.addAll(List.of(args));
            var clock = new MutableClock(Instant.parse("2026-11-30T08:00:00Z"));
            var context = new SpringApplicationBuilder(SymbiosisKbApplication.class)
                    .initializers(c -> ((GenericApplicationContext) c).registerBean("testClock", Clock.class, () -> clock,
                            definition -> definition.setPrimary(true)))
                    .run(all.toArray(String[]::new));
            return new PactInstance(context, clock, httpPort);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The shared self-signed certificate, made now if no instance has made it yet. */
    static Path certificate() throws IOException {
        return SelfSignedCertificate.in(CERTIFICATES, List.of("localhost", "127.0.0.1", "::1"), Clock.systemUTC()).certificatePem();
    }

    /** An SSL context that trusts the test instances' certificate, and only it. */
    static SSLContext trustingInstances() {
        try (InputStream in = Files.newInputStream(certificate())) {
            var store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            store.setCertificateEntry("pact", CertificateFactory.getInstance("X.509").generateCertificate(in));
            var trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            var context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    String pactUrl() {
        return "https://localhost:" + pactPort + "/pact";
    }

    static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
