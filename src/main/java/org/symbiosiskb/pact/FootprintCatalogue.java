package org.symbiosiskb.pact;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.symbiosiskb.graph.GraphChanged;
import org.symbiosiskb.security.Caller;
import org.symbiosiskb.security.Callers;
import tools.jackson.databind.json.JsonMapper;

/**
 * The footprints this host serves, each version with its id, kept up to date with the graph. Every committed
 * write ({@link GraphChanged}: an import, a mutation, a harvest) marks the versions stale; the next PACT
 * request, or at once when data recipients are configured (they are told of changes), computes every footprint
 * again ({@link FootprintSource}) and compares it with the latest version of the same subject: a footprint whose
 * content changed gets a new version (a new id, the old one in {@code precedingPfIds}), and the old one becomes
 * Deprecated, keeping its id; a footprint that no longer exists becomes Deprecated too. The recomputation costs
 * one solve per process and year, so it runs once per change, not per request.
 */
@Component
class FootprintCatalogue {

    private static final Logger log = LoggerFactory.getLogger(FootprintCatalogue.class);

    /** What one refresh changed: new versions, and the versions that became Deprecated (as they were before). */
    record Changes(List<FootprintVersions.Version> created, List<FootprintVersions.Version> deprecated) {
        boolean any() {
            return !created.isEmpty() || !deprecated.isEmpty();
        }
    }

    private final FootprintSource source;
    private final FootprintVersions store;
    private final PactSwitch on;
    private final PactNotifier notifier;
    private final Clock clock;
    private final Executor executor;
    private final JsonMapper json;
    private final AtomicLong changes = new AtomicLong(1);
    private final ReentrantLock refreshing = new ReentrantLock();
    private volatile long refreshedUpTo;
    private volatile List<FootprintVersions.Version> versions = List.of();
    private volatile Map<String, FootprintVersions.Version> byId = Map.of();
    private volatile long generation;

    FootprintCatalogue(FootprintSource source, FootprintVersions store, PactSwitch on, PactNotifier notifier, Clock clock,
                       @Qualifier("pactExecutor") Executor executor, JsonMapper json) {
        this.source = source;
        this.store = store;
        this.on = on;
        this.notifier = notifier;
        this.clock = clock;
        this.executor = executor;
        this.json = json;
    }

    /** Heard after a write commits (never for a dry run or a scenario, which roll back). */
    @TransactionalEventListener
    void graphChanged(GraphChanged event) {
        changes.incrementAndGet();
        refreshSoonForRecipients();
    }

    /** At start, so that data recipients hear of what changed while the service was down (or of everything, the first time). */
    @EventListener(ApplicationReadyEvent.class)
    void started() {
        refreshSoonForRecipients();
    }

    private void refreshSoonForRecipients() {
        if (on.on() && notifier.hasRecipients()) {
            executor.execute(this::refreshQuietly);
        }
    }

    /** Every version, newest first, up to date with every committed write. */
    List<FootprintVersions.Version> versions() {
        if (refreshedUpTo < changes.get()) {
            refresh();
        }
        return versions;
    }

    /** The newest refresh's number: a listing's first page lists the versions up to it. */
    long generation() {
        versions();
        return generation;
    }

    Optional<FootprintVersions.Version> version(String id) {
        versions();
        return Optional.ofNullable(byId.get(id));
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            log.error("PACT host: recomputing the footprints failed; the next request tries again", e);
        }
    }

    /** Computes every footprint and writes the versions that changed; tells the data recipients afterwards. */
    Changes refresh() {
        Changes result;
        refreshing.lock();
        try {
            long upTo = changes.get();
            if (refreshedUpTo >= upTo) {
                return new Changes(List.of(), List.of());
            }
            result = Callers.as(Caller.SYSTEM, this::update);
            var all = new ArrayList<>(store.all());
            all.sort(Comparator.comparingLong(FootprintVersions.Version::generation).reversed()
                    .thenComparing(FootprintVersions.Version::subject).thenComparing(FootprintVersions.Version::version));
            var ids = new HashMap<String, FootprintVersions.Version>();
            all.forEach(v -> ids.put(v.id(), v));
            versions = List.copyOf(all);
            byId = Map.copyOf(ids);
            generation = all.stream().mapToLong(FootprintVersions.Version::latestGeneration).max().orElse(0);
            refreshedUpTo = upTo;
        } finally {
            refreshing.unlock();
        }
        if (result.any()) {
            log.info("PACT host: {} new footprint version(s), {} deprecated", result.created().size(), result.deprecated().size());
            notifier.changed(result);
        }
        return result;
    }

    private Changes update() {
        var current = source.all();
        var latest = new HashMap<String, FootprintVersions.Version>();
        long generation = 1;
        for (var v : store.all()) {
            latest.merge(v.subject(), v, (a, b) -> a.version() >= b.version() ? a : b);
            generation = Math.max(generation, v.latestGeneration() + 1);
        }
        long thisGeneration = generation;
        Instant now = clock.instant();
        var created = new ArrayList<FootprintVersions.Version>();
        var deprecated = new ArrayList<FootprintVersions.Version>();
        current.forEach((subject, c) -> {
            String digest = digest(c.content());
            var previous = latest.get(subject);
            if (previous != null && previous.active() && previous.digest().equals(digest)) {
                return;
            }
            int number = previous == null ? 1 : previous.version() + 1;
            String id = PactIds.footprint(subject, number).toString();
            var footprint = c.content().asVersion(id, now.truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString(),
                    previous == null ? null : List.of(previous.id()));
            created.add(new FootprintVersions.Version(id, subject, c.kind(), c.record(), c.year(), number, ProductFootprint.ACTIVE, now,
                    thisGeneration, null, digest, footprint));
            if (previous != null && previous.active()) {
                deprecated.add(previous);
            }
        });
        latest.forEach((subject, v) -> {
            if (v.active() && !current.containsKey(subject)) {
                deprecated.add(v); // withdrawn: the process lost its output or emissions, the footprint was deleted
            }
        });
        if (!created.isEmpty() || !deprecated.isEmpty()) {
            store.write(created, deprecated.stream().map(FootprintVersions.Version::id).toList(), thisGeneration, now);
        }
        return new Changes(created, deprecated);
    }

    private String digest(ProductFootprint content) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(json.writeValueAsString(content.content()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
