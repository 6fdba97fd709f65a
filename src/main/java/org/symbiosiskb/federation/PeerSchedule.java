package org.symbiosiskb.federation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.TaskScheduler;
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
    /** The longest wait for the first pull: the service is up by then. */
    static final Duration FIRST_PULL = Duration.ofMinutes(1);
    private final FederationProperties properties;
    private final Runnable pullAll;
    private final Supplier<TaskScheduler> schedulers;
    private final Clock clock;
    private TaskScheduler scheduler;
    private ScheduledFuture<?> schedule;

    @Autowired
    PeerSchedule(FederationProperties properties, PeerService peers) {
        this(properties, peers::pullAll, PeerSchedule::threadPool, Clock.systemUTC());
    }

    /** Tests give their own scheduler and clock, and see what is scheduled when without waiting for it. */
    PeerSchedule(FederationProperties properties, Runnable pullAll, Supplier<TaskScheduler> schedulers, Clock clock) {
        this.properties = properties;
        this.pullAll = pullAll;
        this.schedulers = schedulers;
        this.clock = clock;
    }

    private static TaskScheduler threadPool() {
        var pool = new ThreadPoolTaskScheduler();
        pool.setThreadNamePrefix("harvest-");
        pool.initialize();
        return pool;
    }

    /** The first pull a minute after start, or one interval when that is shorter. */
    static Instant firstPull(Instant start, Duration interval) {
        return start.plus(interval.compareTo(FIRST_PULL) < 0 ? interval : FIRST_PULL);
    }

    @Override
    public void start() {
        if (properties.peers().isEmpty() || properties.interval().isZero() || properties.interval().isNegative()) {
            return;
        }
        scheduler = schedulers.get();
        schedule = scheduler.scheduleWithFixedDelay(pullAll, firstPull(clock.instant(), properties.interval()), properties.interval());
        log.info("Harvesting {} peer(s) every {}", properties.peers().size(), properties.interval());
    }

    @Override
    public void stop() {
        if (schedule != null) {
            schedule.cancel(false);
            if (scheduler instanceof ThreadPoolTaskScheduler pool) {
                pool.shutdown();
            }
            schedule = null;
        }
    }

    @Override
    public boolean isRunning() {
        return schedule != null;
    }
}
