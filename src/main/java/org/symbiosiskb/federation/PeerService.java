package org.symbiosiskb.federation;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.symbiosiskb.api.NotFoundException;
import org.symbiosiskb.exchange.ExchangeService;
import org.symbiosiskb.exchange.ImportResult;
import org.symbiosiskb.api.InvalidDocumentException;
import org.symbiosiskb.pact.PactClient;
import org.symbiosiskb.pact.PactClients;
import org.symbiosiskb.pact.SupplierFootprints;
import org.symbiosiskb.security.Caller;
import org.symbiosiskb.security.Callers;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Harvesting (docs/spec/federation-security.md): pulls each peer's own records from its exchange endpoint and
 * imports them as that partner's records, through the ordinary import, so a peer's document is
 * validated like any other and is all-or-nothing. A pull asks only for what changed since the last
 * successful one; a pull that fails (peer down, cut off, invalid document) writes nothing, keeps the
 * previous position, and is reported in {@code GET /api/v1/peers}; one peer failing never stops the others.
 */
@Service
class PeerService {

    private static final Logger log = LoggerFactory.getLogger(PeerService.class);
    /** The header the exchange endpoint sends with the instant to ask from next time. */
    static final String HARVEST_UNTIL = "KB-Harvest-Until";

    private final FederationProperties properties;
    private final ExchangeService exchange;
    private final PeerStates states;
    private final JsonMapper json;
    private final HttpClient http;
    private final Map<String, ReentrantLock> pulling = new ConcurrentHashMap<>();

    private final PactClients pactClients;
    private final SupplierFootprints supplierFootprints;

    PeerService(FederationProperties properties, ExchangeService exchange, PeerStates states, JsonMapper json, PactClients pactClients,
                SupplierFootprints supplierFootprints) {
        this.properties = properties;
        this.exchange = exchange;
        this.states = states;
        this.json = json;
        this.pactClients = pactClients;
        this.supplierFootprints = supplierFootprints;
        this.http = HttpClient.newBuilder().connectTimeout(java.time.Duration.ofSeconds(10))
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    /** The outcome of one pull. */
    record SyncResult(String partner, boolean ok, boolean notModified, ImportResult imported, String error) {
    }

    List<PeerState> peers() {
        return properties.peers().stream().map(p -> states.of(p.partner(), p.url().toString(), p.kind())
                .orElse(new PeerState(p.partner(), p.kind(), p.url().toString(), null, null, null, null, null, null, null))).toList();
    }

    /** Every peer in turn (the schedule calls this); a failing peer is logged and the next one pulled. */
    void pullAll() {
        for (var peer : properties.peers()) {
            SyncResult result = sync(peer.partner());
            if (!result.ok()) {
                log.warn("Scheduled pull of peer {} failed: {}", peer.partner(), result.error());
            }
        }
    }

    /** One pull of one peer; concurrent requests for the same peer wait for each other. */
    SyncResult sync(String partner) {
        var peer = peer(partner);
        var lock = pulling.computeIfAbsent(partner, p -> new ReentrantLock());
        lock.lock();
        try {
            return Callers.as(Caller.SYSTEM, () -> peer.pact() ? pullPact(peer) : pull(peer));
        } finally {
            lock.unlock();
        }
    }

    FederationProperties.Peer peer(String partner) {
        return properties.peers().stream().filter(p -> p.partner().equals(partner)).findFirst()
                .orElseThrow(() -> new NotFoundException("no peer " + partner + " is configured (kb.federation.peers)"));
    }

    /**
     * A PACT supplier: every footprint its host lists for us (ListFootprints, page by page), as published footprints
     * of its streams here (pact.SupplierFootprints), imported through the ordinary import as its harvester: all or
     * nothing, like any pull.
     */
    private SyncResult pullPact(FederationProperties.Peer peer) {
        String at = Instant.now().toString();
        states.attempted(peer.partner(), peer.url().toString(), at);
        try {
            var footprints = pactClients.client(peer.url(), peer.clientId(), peer.clientSecret(), peer.sslBundle(), properties.timeout())
                    .footprints();
            return importPact(peer, at, supplierFootprints.convert(peer.partner(), footprints, peer.productStreams(), true),
                    footprints.size() + " listed");
        } catch (PactClient.PactCallException e) {
            return failed(peer, at, "the PACT host failed: " + e.getMessage());
        } catch (RuntimeException e) {
            log.error("Pull of PACT peer {} failed", peer.partner(), e);
            return failed(peer, at, "the pull failed: " + e.getMessage());
        }
    }

    /** Imports footprints a PACT supplier sent (a pull, or its answer to a request), as its harvester. */
    SyncResult importPact(FederationProperties.Peer peer, String at, SupplierFootprints.Conversion conversion, String what) {
        ImportResult imported;
        try {
            imported = Callers.as(Caller.harvesting(peer.partner()), () -> exchange.importDocument(conversion.document(), false));
        } catch (InvalidDocumentException e) {
            return failed(peer, at, "the supplier's footprints were refused, nothing imported: " + e.problems().size() + " problem(s): "
                    + String.join("; ", e.problems().stream().limit(3).map(p -> p.pointer() + ": " + p.message()).toList()));
        }
        states.succeeded(peer.partner(), null, null, at, what + "; " + conversion.summary());
        return new SyncResult(peer.partner(), true, false, imported, null);
    }

    private SyncResult pull(FederationProperties.Peer peer) {
        String at = Instant.now().toString();
        states.attempted(peer.partner(), peer.url().toString(), at);
        var state = states.of(peer.partner(), peer.url().toString(), peer.kind()).orElseThrow();
        try {
            var response = http.send(request(peer, state), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() == 304) {
                states.succeeded(peer.partner(), response.headers().firstValue(HARVEST_UNTIL).orElse(state.since()), state.etag(), at,
                        "not modified");
                return new SyncResult(peer.partner(), true, true, null, null);
            }
            if (response.statusCode() != 200) {
                return failed(peer, at, "the peer answered HTTP " + response.statusCode() + snippet(response.body()));
            }
            Object document;
            try {
                document = json.readValue(response.body(), Object.class);
            } catch (JacksonException e) {
                return failed(peer, at, "the peer's answer is not a whole JSON document (cut off?): " + e.getOriginalMessage());
            }
            if (!(document instanceof Map<?, ?> map) || !peer.partner().equals(map.get("partner"))) {
                return failed(peer, at, "the peer's document is not partner " + peer.partner() + "'s");
            }
            ImportResult imported;
            try {
                imported = Callers.as(Caller.harvesting(peer.partner()), () -> exchange.importDocument(document, false));
            } catch (InvalidDocumentException e) {
                return failed(peer, at, "the peer's document was refused, nothing imported: " + e.problems().size() + " problem(s): "
                        + String.join("; ", e.problems().stream().limit(3).map(p -> p.pointer() + ": " + p.message()).toList()));
            }
            String until = response.headers().firstValue(HARVEST_UNTIL).orElse(null);
            states.succeeded(peer.partner(), until, response.headers().firstValue("ETag").orElse(null), at,
                    "created %d, updated %d, unchanged %d, deleted %d".formatted(imported.created(), imported.updated(),
                            imported.unchanged(), imported.deleted()));
            return new SyncResult(peer.partner(), true, false, imported, null);
        } catch (IOException e) {
            return failed(peer, at, "the peer could not be reached or broke off: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(peer, at, "interrupted");
        } catch (RuntimeException e) {
            log.error("Pull of peer {} failed", peer.partner(), e);
            return failed(peer, at, "the pull failed: " + e.getMessage());
        }
    }

    private HttpRequest request(FederationProperties.Peer peer, PeerState state) {
        String base = peer.url().toString().replaceAll("/+$", "");
        String uri = base + "/api/v1/datasets/" + peer.partner()
                + (state.since() == null ? "" : "?since=" + URLEncoder.encode(state.since(), StandardCharsets.UTF_8));
        var request = HttpRequest.newBuilder(URI.create(uri)).timeout(properties.timeout()).GET();
        if (peer.key() != null && !peer.key().isBlank()) {
            request.header("Authorization", "Bearer " + peer.key());
        }
        if (state.etag() != null) {
            request.header("If-None-Match", state.etag());
        }
        return request.build();
    }

    SyncResult failed(FederationProperties.Peer peer, String at, String error) {
        states.failed(peer.partner(), at, error);
        return new SyncResult(peer.partner(), false, false, null, error);
    }

    private static String snippet(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).strip();
        return text.isEmpty() ? "" : ": " + text.substring(0, Math.min(200, text.length()));
    }
}
