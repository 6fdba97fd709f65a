package org.symbiosiskb.pact;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The PACT host's clock (token expiry, creation times, retry deadlines: tests put in a clock of their own) and the
 * two threads that answer events and retry callbacks, so that no HTTP request waits for another host.
 */
@Configuration(proxyBeanMethods = false)
class PactConfiguration {

    @Bean
    Clock pactClock() {
        return Clock.systemUTC();
    }

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService pactExecutor() {
        var count = new AtomicInteger();
        return Executors.newScheduledThreadPool(2, runnable -> {
            var thread = new Thread(runnable, "pact-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }
}
