package org.symbiosiskb.federation;

import java.time.Instant;
import java.util.concurrent.ScheduledFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Scheduled pulls: every {@code kb.federation.interval} (default 15 minutes, the first one a minute after
 * start, or one interval when that is shorter), when peers are configured; an interval of 0 leaves pulls to {@code POST /api/v1/peers/{partner}/sync}.
 * Stopped before the database is, so no pull runs into a closing store.
 */
@Component
class PeerSchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PeerSchedule.class);
    private final FederationProperties properties;
    private final PeerService peers;
    private ThreadPoolTaskScheduler scheduler;
    private ScheduledFuture<?> schedule;

    PeerSchedule(FederationProperties properties, PeerService peers) {
        this.properties = properties;
        this.peers = peers;
    }

    @Override
    public void start() {
        if (properties.peers().isEmpty() || properties.interval().isZero() || properties.interval().isNegative()) {
            return;
        }
        scheduler = new ThreadPoolTaskScheduler();
        scheduler.setThreadNamePrefix("harvest-");
        scheduler.initialize();
        // the first pull a minute after start (or sooner, for a shorter interval), when the service is up
        var first = Instant.now().plus(properties.interval().compareTo(java.time.Duration.ofMinutes(1)) < 0
                ? properties.interval() : java.time.Duration.ofMinutes(1));
        schedule = scheduler.scheduleWithFixedDelay(peers::pullAll, first, properties.interval());
        log.info("Harvesting {} peer(s) every {}", properties.peers().size(), properties.interval());
    }

    @Override
    public void stop() {
        if (schedule != null) {
            schedule.cancel(false);
            scheduler.shutdown();
            schedule = null;
        }
    }

    @Override
    public boolean isRunning() {
        return schedule != null;
    }
}
