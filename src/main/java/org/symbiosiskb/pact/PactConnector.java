package org.symbiosiskb.pact;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.time.Clock;
import java.util.Map;

import org.apache.catalina.connector.Connector;
import org.apache.commons.logging.LogFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.ssl.pem.PemSslStoreBundle;
import org.springframework.boot.ssl.pem.PemSslStoreDetails;
import org.springframework.boot.tomcat.SslConnectorCustomizer;
import org.springframework.boot.tomcat.TomcatWebServerFactory;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.Ssl;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * The PACT host's own Tomcat connector: TLS only, on {@code kb.pact.https-port} (8443), beside the
 * service's ordinary HTTP port, which keeps serving everything else as before ({@link PactPorts} keeps
 * each connector to its paths). Its certificate is the Spring SSL bundle {@code pact} when one is
 * configured ({@code spring.ssl.bundle.pem.pact.keystore.certificate=…}), otherwise a self-signed one
 * kept in {@code kb.pact.tls-dir} ({@link SelfSignedCertificate}), whose path and SHA-256 fingerprint
 * the log shows. Plain HTTP on the TLS port is refused by Tomcat itself (400, "This combination of
 * host and port requires TLS."). Started only when keys are configured: a PACT client needs a key
 * for its token, and in local mode nothing is on at 8443.
 */
@Component
class PactConnector implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    private static final Logger log = LoggerFactory.getLogger(PactConnector.class);
    private static final String BUNDLE = "pact";

    private final PactProperties properties;
    private final PactSwitch on;
    private final SslBundles bundles;
    private final Clock clock;
    private volatile Connector connector;

    PactConnector(PactProperties properties, PactSwitch on, SslBundles bundles, Clock clock) {
        this.properties = properties;
        this.on = on;
        this.bundles = bundles;
        this.clock = clock;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        if (!on.on()) {
            log.info("PACT host off: {}", on.why());
            return;
        }
        var connector = new Connector(TomcatWebServerFactory.DEFAULT_PROTOCOL);
        connector.setPort(properties.httpsPort());
        connector.setScheme("https");
        connector.setSecure(true);
        InetAddress address = factory.getAddress(); // server.address, as the HTTP port has it
        if (address != null) {
            connector.setProperty("address", address.getHostAddress());
        }
        new SslConnectorCustomizer(LogFactory.getLog(PactConnector.class), connector, Ssl.ClientAuth.NONE).customize(bundle(), Map.of());
        factory.addAdditionalConnectors(connector);
        this.connector = connector;
    }

    /** The bundle {@code pact} when configured, else the self-signed certificate in the data directory. */
    private SslBundle bundle() {
        try {
            SslBundle configured = bundles.getBundle(BUNDLE);
            log.info("PACT host: TLS with the SSL bundle \"{}\"", BUNDLE);
            return configured;
        } catch (NoSuchSslBundleException e) {
            try {
                var made = SelfSignedCertificate.in(properties.tlsDir(), properties.certificateNames(), clock);
                log.info("PACT host: TLS with the self-signed certificate {} for {} (SHA-256 fingerprint {}); clients trust it with "
                                + "that file, e.g. NODE_EXTRA_CA_CERTS={}", made.certificatePem().toAbsolutePath(), properties.certificateNames(),
                        SelfSignedCertificate.fingerprint(made.certificate()), made.certificatePem().toAbsolutePath());
                var details = PemSslStoreDetails.forCertificate(Files.readString(made.certificatePem()))
                        .withPrivateKey(Files.readString(made.privateKeyPem()));
                return SslBundle.of(new PemSslStoreBundle(details, null));
            } catch (IOException io) {
                throw new UncheckedIOException("PACT host: " + io.getMessage(), io);
            }
        }
    }

    /** The port the PACT connector listens on once started (its configured port, or the one picked for 0); -1 when off. */
    int port() {
        Connector c = connector;
        return c == null ? -1 : c.getLocalPort();
    }

    @Override
    public int getOrder() {
        // after Boot's own customizer, which applies server.address
        return Ordered.LOWEST_PRECEDENCE;
    }
}
