package org.symbiosiskb.pact;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

import org.symbiosiskb.api.Ids;

/**
 * {@code kb.pact.*}: the PACT v3 host (docs/partners.md, "PACT"; docs/pact.md).
 *
 * @param enabled            serve PACT when keys are configured (local mode never does: a token needs a key)
 * @param httpsPort          the TLS port that serves only {@code /pact/**} (0: any free port)
 * @param publicUrl          this host's PACT base URL as others reach it ({@code https://kb.example.fi:8443/pact}),
 *                           sent as the {@code source} of the events it sends; default {@code https://localhost:<port>/pact}
 * @param tlsDir             where the self-signed certificate made at first start is kept (when no SSL bundle
 *                           {@code pact} is configured): {@code cert.pem}, {@code key.pem}
 * @param certificateNames   the DNS names and IP addresses the self-signed certificate is made for
 * @param tokenLifetime      how long an access token of {@code POST /pact/auth/token} is valid
 * @param maxEventSize       the largest {@code POST /pact/3/events} body
 * @param ipccCharacterizationFactors the IPCC assessment reports whose GWPs the graph's t CO2e use (records do not
 *                           say; the example data's reported figures and the E-PRTR importer's default use AR5)
 * @param callbacks          how events to other hosts are retried
 * @param recipients         the data recipients this host calls back and notifies
 */
@ConfigurationProperties("kb.pact")
public record PactProperties(Boolean enabled, Integer httpsPort, URI publicUrl, Path tlsDir, List<String> certificateNames,
                             Duration tokenLifetime, Long maxEventSize, List<String> ipccCharacterizationFactors, Callbacks callbacks,
                             List<Recipient> recipients) {

    public PactProperties {
        enabled = enabled == null || enabled;
        httpsPort = httpsPort == null ? 8443 : httpsPort;
        tlsDir = tlsDir == null ? Path.of("data", "pact-tls") : tlsDir;
        certificateNames = certificateNames == null || certificateNames.isEmpty() ? List.of("localhost", "127.0.0.1", "::1")
                : List.copyOf(certificateNames);
        tokenLifetime = tokenLifetime == null ? Duration.ofHours(1) : tokenLifetime;
        maxEventSize = maxEventSize == null ? 10L * 1024 * 1024 : maxEventSize;
        ipccCharacterizationFactors = ipccCharacterizationFactors == null || ipccCharacterizationFactors.isEmpty() ? List.of("AR5")
                : List.copyOf(ipccCharacterizationFactors);
        if (!ipccCharacterizationFactors.stream().allMatch(f -> f.matches("AR\\d+"))) {
            throw new IllegalStateException("kb.pact.ipcc-characterization-factors are IPCC assessment reports like AR5 or AR6, found "
                    + ipccCharacterizationFactors);
        }
        callbacks = callbacks == null ? new Callbacks(null, null, null) : callbacks;
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
        if (httpsPort < 0 || httpsPort > 65535) {
            throw new IllegalStateException("kb.pact.https-port must be a port number (0 for any free port), found " + httpsPort);
        }
        for (int i = 0; i < recipients.size(); i++) {
            recipients.get(i).check("kb.pact.recipients[" + i + "]");
        }
    }

    /**
     * Retrying an event another host did not accept (PACT: randomised exponential back-off, given up after 3 days).
     *
     * @param firstRetry the delay before the first retry; each later one doubles it (± a quarter, at random)
     * @param maxDelay   the longest delay between two attempts
     * @param giveUpAfter after this long since the first attempt the event is dropped and the log says so
     */
    public record Callbacks(Duration firstRetry, Duration maxDelay, Duration giveUpAfter) {
        public Callbacks {
            firstRetry = firstRetry == null ? Duration.ofSeconds(10) : firstRetry;
            maxDelay = maxDelay == null ? Duration.ofHours(1) : maxDelay;
            giveUpAfter = giveUpAfter == null ? Duration.ofDays(3) : giveUpAfter;
        }
    }

    /**
     * A data recipient: a PACT host whose events this host answers. A {@code RequestCreatedEvent} whose
     * {@code source} names this URL, sent with a token of {@code partner}, is answered there; footprints
     * {@code partner} may see are announced there with {@code PublishedEvent}s when {@code notify} is true.
     *
     * @param partner      the partner whose key the recipient's client uses here (what it may see)
     * @param url          the recipient's PACT base URL ({@code {url}/auth/token}, {@code {url}/3/events});
     *                     {@code http://} only for a host on this machine (the conformance tool's receiver)
     * @param clientId     the client id the recipient gave us
     * @param clientSecret the secret the recipient gave us
     * @param sslBundle    a Spring SSL bundle whose trust store holds the recipient's certificate (optional)
     * @param published    send PublishedEvents to this recipient
     */
    public record Recipient(String partner, URI url, String clientId, String clientSecret, String sslBundle, Boolean published) {
        public Recipient {
            published = published == null || published;
        }

        void check(String where) {
            if (!Ids.isValidPartner(partner)) {
                throw new IllegalStateException(where + ".partner must be a partner prefix (" + Ids.PARTNER_FORM + ")");
            }
            if (url == null || !("https".equals(url.getScheme()) || "http".equals(url.getScheme())) || url.getHost() == null) {
                throw new IllegalStateException(where + ".url must be the recipient's PACT base URL, https://host[:port][/path]");
            }
            if ("http".equals(url.getScheme()) && !Urls.loopback(url.getHost())) {
                throw new IllegalStateException(where + ".url: PACT hosts talk over HTTPS; plain http:// is allowed only on this machine "
                        + "(localhost, 127.0.0.1, [::1]), found " + url);
            }
            if (clientId == null || clientId.isBlank() || clientSecret == null || clientSecret.isBlank()) {
                throw new IllegalStateException(where + " needs the client-id and client-secret the recipient gave us");
            }
        }
    }
}
