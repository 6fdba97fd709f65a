package org.symbiosiskb.federation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.Trigger;

/**
 * When the schedule pulls, on a clock and a scheduler of the test's own: what is scheduled is read off the scheduler,
 * and a pull is the scheduled task run by hand. No thread, no waiting. (The whole service pulling a real peer on its
 * schedule: {@link ScheduledPullTest}.)
 */
@Tag("fast")
class PeerScheduleTest {

    static final Instant START = Instant.parse("2026-11-30T08:00:00Z");
    static final Clock CLOCK = Clock.fixed(START, ZoneOffset.UTC);
    static final FederationProperties.Peer PEER =
            new FederationProperties.Peer("se", java.net.URI.create("http://127.0.0.1:1"), null, null, null, null, null, null);

    /** What start() asked of the scheduler. */
    record Scheduled(Runnable task, Instant first, Duration delay, Future future) {
    }

    /** A scheduler that only writes down what it is asked to do. */
    static final class Recording implements TaskScheduler {
        final List<Scheduled> scheduled = new ArrayList<>();

        @Override
        public ScheduledFuture<?> scheduleWithFixedDelay(Runnable task, Instant startTime, Duration delay) {
            var future = new Future();
            scheduled.add(new Scheduled(task, startTime, delay, future));
            return future;
        }

        @Override
        public ScheduledFuture<?> scheduleWithFixedDelay(Runnable task, Duration delay) {
            throw new AssertionError("the schedule states its first pull");
        }

        @Override
        public ScheduledFuture<?> schedule(Runnable task, Trigger trigger) {
            throw new AssertionError("not a trigger");
        }

        @Override
        public ScheduledFuture<?> schedule(Runnable task, Instant startTime) {
            throw new AssertionError("not a single run");
        }

        @Override
        public ScheduledFuture<?> scheduleAtFixedRate(Runnable task, Instant startTime, Duration period) {
            throw new AssertionError("a fixed delay, so pulls never overlap");
        }

        @Override
        public ScheduledFuture<?> scheduleAtFixedRate(Runnable task, Duration period) {
            throw new AssertionError("a fixed delay, so pulls never overlap");
        }
    }

    static final class Future implements ScheduledFuture<Object> {
        boolean cancelled;

        @Override public long getDelay(TimeUnit unit) { return 0; }
        @Override public int compareTo(Delayed other) { return 0; }
        @Override public boolean cancel(boolean mayInterruptIfRunning) { cancelled = true; return true; }
        @Override public boolean isCancelled() { return cancelled; }
        @Override public boolean isDone() { return cancelled; }
        @Override public Object get() { return null; }
        @Override public Object get(long timeout, TimeUnit unit) { return null; }
    }

    @Test
    void the_first_pull_comes_a_minute_after_start_or_one_interval_when_that_is_shorter() {
        assertThat(PeerSchedule.firstPull(START, Duration.ofMinutes(15))).isEqualTo(START.plusSeconds(60));
        assertThat(PeerSchedule.firstPull(START, Duration.ofSeconds(1))).isEqualTo(START.plusSeconds(1));
        assertThat(PeerSchedule.firstPull(START, Duration.ofMinutes(1))).isEqualTo(START.plusSeconds(60));
    }

    @Test
    void start_schedules_the_pull_of_every_peer_at_the_interval_and_stop_cancels_it() {
        var pulls = new AtomicInteger();
        var scheduler = new Recording();
        var schedule = new PeerSchedule(new FederationProperties(List.of(PEER), Duration.ofMinutes(15), Duration.ofMinutes(5)),
                pulls::incrementAndGet, () -> scheduler, CLOCK);

        schedule.start();

        assertThat(schedule.isRunning()).isTrue();
        assertThat(scheduler.scheduled).hasSize(1);
        var scheduled = scheduler.scheduled.getFirst();
        // 08:00 + 1 min: the first pull; then 15 min after each pull ends
        assertThat(scheduled.first()).isEqualTo(Instant.parse("2026-11-30T08:01:00Z"));
        assertThat(scheduled.delay()).isEqualTo(Duration.ofMinutes(15));
        scheduled.task().run();
        scheduled.task().run();
        assertThat(pulls).as("each run of the scheduled task is a pull of every peer").hasValue(2);

        schedule.stop();
        assertThat(scheduled.future().isCancelled()).isTrue();
        assertThat(schedule.isRunning()).isFalse();
    }

    @Test
    void nothing_is_scheduled_without_peers_or_with_an_interval_of_zero() {
        var asked = new AtomicInteger();
        for (var properties : List.of(new FederationProperties(List.of(), Duration.ofMinutes(15), Duration.ofMinutes(5)),
                new FederationProperties(List.of(PEER), Duration.ZERO, Duration.ofMinutes(5)))) {
            var schedule = new PeerSchedule(properties, () -> { }, () -> {
                asked.incrementAndGet();
                return new Recording();
            }, CLOCK);
            schedule.start();
            assertThat(schedule.isRunning()).isFalse();
        }
        assertThat(asked).as("no scheduler made").hasValue(0);
    }
}
