package org.symbiosiskb.pact;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Sends events to other PACT hosts (RequestFulfilled/RequestRejected callbacks, PublishedEvents) off the request
 * thread, and retries an event the other host did not accept (unreachable, or not 2xx) with randomised
 * exponential back-off, as PACT asks: after {@code first-retry} (10 s), then twice as long each time (± a quarter,
 * at random), at most {@code max-delay} (an hour) apart, given up {@code give-up-after} (3 days) after the first
 * attempt, which the log says. Pending retries live in memory: a restart drops them (docs/pact.md).
 */
@Component
class CallbackSender {

    private static final Logger log = LoggerFactory.getLogger(CallbackSender.class);

    /** Runs work after a delay: the PACT executor; a test runs it by hand. */
    interface Later {
        void after(Duration delay, Runnable work);
    }

    private final Later later;
    private final Clock clock;
    private final PactProperties.Callbacks settings;
    private final DoubleSupplier random;

    @Autowired
    CallbackSender(@Qualifier("pactExecutor") ScheduledExecutorService executor, Clock clock, PactProperties properties) {
        this((delay, work) -> executor.schedule(work, delay.toMillis(), TimeUnit.MILLISECONDS), clock, properties.callbacks(),
                () -> ThreadLocalRandom.current().nextDouble());
    }

    CallbackSender(Later later, Clock clock, PactProperties.Callbacks settings, DoubleSupplier random) {
        this.later = later;
        this.clock = clock;
        this.settings = settings;
        this.random = random;
    }

    /** Sends {@code event} to {@code target}'s host soon, and again until it is accepted or the time is up. */
    void send(EventTarget target, Map<String, Object> event, String what) {
        Instant first = clock.instant();
        later.after(Duration.ZERO, () -> attempt(target, event, what, first, 1));
    }

    private void attempt(EventTarget target, Map<String, Object> event, String what, Instant first, int attempt) {
        try {
            target.sendEvent(event);
            if (attempt > 1) {
                log.info("PACT: {} delivered to {} on attempt {}", what, target.base(), attempt);
            }
        } catch (PactClient.PactCallException e) {
            Duration delay = delay(attempt, random.getAsDouble());
            if (clock.instant().plus(delay).isAfter(first.plus(settings.giveUpAfter()))) {
                log.error("PACT: gave up sending {} to {} after {} attempts since {}: {}", what, target.base(), attempt, first, e.getMessage());
                return;
            }
            log.warn("PACT: {} to {} failed (attempt {}), next in {}: {}", what, target.base(), attempt, delay, e.getMessage());
            try {
                later.after(delay, () -> attempt(target, event, what, first, attempt + 1));
            } catch (java.util.concurrent.RejectedExecutionException stopped) {
                log.warn("PACT: the service is stopping; {} to {} is not retried", what, target.base());
            }
        }
    }

    /**
     * The wait after failed attempt {@code attempt} (1, 2, …): first-retry × 2^(attempt−1), at most max-delay, times a
     * random factor between 0.75 and 1.25 ({@code random} in [0, 1)), so many senders do not retry in step.
     */
    Duration delay(int attempt, double random) {
        double base = settings.firstRetry().toMillis() * Math.pow(2, Math.min(attempt - 1, 40));
        double capped = Math.min(base, settings.maxDelay().toMillis());
        return Duration.ofMillis(Math.round(capped * (0.75 + 0.5 * random)));
    }
}
