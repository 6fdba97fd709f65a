package org.symbiosiskb.pact;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Retrying events another host did not accept: the back-off worked out by hand, run on a hand-driven clock and executor. */
@Tag("fast")
class CallbackSenderTest {

    /** The executor, run by hand: each scheduled attempt waits in the list with its delay. */
    record Scheduled(Duration delay, Runnable work) {
    }

    final List<Scheduled> scheduled = new ArrayList<>();
    final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    final PactProperties.Callbacks settings = new PactProperties.Callbacks(Duration.ofSeconds(10), Duration.ofHours(1), Duration.ofDays(3));

    /** A host that refuses the first {@code failures} events. */
    static final class Host implements EventTarget {
        int failures;
        int received;

        Host(int failures) {
            this.failures = failures;
        }

        @Override
        public URI base() {
            return URI.create("https://recipient.example/pact");
        }

        @Override
        public void sendEvent(Map<String, Object> event) throws PactClient.PactCallException {
            if (failures-- > 0) {
                throw new PactClient.PactCallException("HTTP 503");
            }
            received++;
        }
    }

    /** Runs the next scheduled attempt after moving the clock on by its delay. */
    private void runNext() {
        var next = scheduled.removeFirst();
        clock.advance(next.delay());
        next.work().run();
    }

    @Test
    void the_wait_doubles_from_the_first_retry_up_to_the_longest_delay_with_a_quarter_either_way_at_random() {
        var sender = new CallbackSender((delay, work) -> scheduled.add(new Scheduled(delay, work)), clock, settings, () -> 0.5);
        // random 0.5 → factor 0.75 + 0.5 × 0.5 = 1: 10 s, 20 s, 40 s, …; 10 s × 2^8 = 2560 s > 3600 s? no: 2^9 = 5120 s → capped at 3600 s
        assertThat(sender.delay(1, 0.5)).isEqualTo(Duration.ofSeconds(10));
        assertThat(sender.delay(2, 0.5)).isEqualTo(Duration.ofSeconds(20));
        assertThat(sender.delay(3, 0.5)).isEqualTo(Duration.ofSeconds(40));
        assertThat(sender.delay(9, 0.5)).isEqualTo(Duration.ofSeconds(2560));
        assertThat(sender.delay(10, 0.5)).isEqualTo(Duration.ofHours(1));
        assertThat(sender.delay(500, 0.5)).isEqualTo(Duration.ofHours(1));
        // random 0 → × 0.75: 7.5 s; random just under 1 → × 1.25: 12.5 s
        assertThat(sender.delay(1, 0)).isEqualTo(Duration.ofMillis(7500));
        assertThat(sender.delay(1, 0.999999)).isEqualTo(Duration.ofMillis(12500));
    }

    @Test
    void a_refused_event_is_sent_again_until_the_host_takes_it() {
        var sender = new CallbackSender((delay, work) -> scheduled.add(new Scheduled(delay, work)), clock, settings, () -> 0.5);
        var host = new Host(2);
        sender.send(host, Map.of("type", "x"), "an event");
        runNext(); // attempt 1 at once: refused
        assertThat(scheduled).extracting(Scheduled::delay).containsExactly(Duration.ofSeconds(10));
        runNext(); // attempt 2 after 10 s: refused
        assertThat(scheduled).extracting(Scheduled::delay).containsExactly(Duration.ofSeconds(20));
        runNext(); // attempt 3 after 20 s more: taken
        assertThat(host.received).isEqualTo(1);
        assertThat(scheduled).isEmpty();
    }

    @Test
    void it_gives_up_three_days_after_the_first_attempt() {
        var sender = new CallbackSender((delay, work) -> scheduled.add(new Scheduled(delay, work)), clock, settings, () -> 0.5);
        var host = new Host(Integer.MAX_VALUE);
        Instant first = clock.instant();
        sender.send(host, Map.of("type", "x"), "an event");
        int attempts = 0;
        while (!scheduled.isEmpty()) {
            runNext();
            attempts++;
        }
        // attempt 1 at once; the waits after attempts 1 … 9 are 10, 20, …, 2560 s (5110 s in all), then an hour each:
        // attempt n (n ≥ 10) runs at 5110 + 3600 (n − 10) s, and only while that is within 72 h = 259200 s:
        // n − 10 ≤ (259200 − 5110) / 3600 = 70.58 → the last is attempt 80
        assertThat(attempts).isEqualTo(80);
        assertThat(Duration.between(first, clock.instant())).isLessThanOrEqualTo(Duration.ofDays(3));
        assertThat(host.received).isZero();
    }
}
