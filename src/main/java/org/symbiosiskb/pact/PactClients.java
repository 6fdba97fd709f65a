package org.symbiosiskb.pact;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;

import org.springframework.boot.ssl.SslBundles;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes {@link PactClient}s. A host whose certificate the JVM's trust store does not hold (a self-signed one)
 * is trusted through a Spring SSL bundle naming its certificate:
 * {@code spring.ssl.bundle.pem.supplier.truststore.certificate=file:supplier-cert.pem}, then
 * {@code ssl-bundle: supplier} on the peer or recipient.
 */
@Component
public class PactClients {

    private final SslBundles bundles;
    private final JsonMapper json;
    private final Clock clock;

    PactClients(SslBundles bundles, JsonMapper json, Clock clock) {
        this.bundles = bundles;
        this.json = json;
        this.clock = clock;
    }

    /**
     * @param sslBundle a Spring SSL bundle to trust the host with, or null for the JVM's trust store
     * @param timeout   the longest one request may take
     */
    public PactClient client(URI base, String clientId, String secret, String sslBundle, Duration timeout) {
        var builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER);
        if (sslBundle != null && !sslBundle.isBlank()) {
            builder.sslContext(bundles.getBundle(sslBundle).createSslContext());
        }
        return new PactClient(builder.build(), base, clientId, secret, json, clock, timeout);
    }
}
