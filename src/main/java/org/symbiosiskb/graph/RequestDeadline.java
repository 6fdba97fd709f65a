package org.symbiosiskb.graph;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

import io.micrometer.context.ContextRegistry;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The moment by which the current request must be done, and the limit that set it (for example
 * "kb.limits.request-timeout 30s"). {@link Cypher} gives every transaction it starts the time
 * that remains, so Neo4j terminates a statement or procedure that would run past it.
 *
 * <p>Held in a thread-local that Spring for GraphQL carries to data fetchers and batch loaders
 * (the accessor is registered with Micrometer's context propagation), so it must be set before
 * the GraphQL handler runs: the api layer does it in a servlet filter.
 */
public record RequestDeadline(long nanoTime, String limit) {

    private static final ThreadLocal<RequestDeadline> CURRENT = new ThreadLocal<>();

    static {
        ContextRegistry.getInstance().registerThreadLocalAccessor(RequestDeadline.class.getName(), CURRENT);
    }

    public static RequestDeadline after(Duration budget, String limit) {
        return new RequestDeadline(System.nanoTime() + budget.toNanos(), limit);
    }

    /** Makes this the current deadline until the returned scope is closed: {@code try (var s = deadline.open()) {...}}. */
    public Scope open() {
        RequestDeadline outer = CURRENT.get();
        CURRENT.set(this);
        return () -> {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        };
    }

    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Runs a write transaction the current request starts (a mutation, a scenario) within the request's
     * time limit: the transaction gets the remaining time as its timeout, so Neo4j ends it at the limit,
     * and the failure is reported as the limit, not as a database error. Without a deadline it just runs.
     */
    public static <T> T within(PlatformTransactionManager transactions, TransactionCallback<T> work) {
        return bounded(left -> {
            var template = new TransactionTemplate(transactions);
            if (left != null) {
                // Spring's transaction manager takes whole seconds: the transaction ends at most a second after the limit
                template.setTimeout((int) Math.max(1, Math.ceilDiv(left.toMillis(), 1000)));
            }
            return template.execute(work);
        });
    }

    /**
     * The one home of the rule every timed piece of work follows: refused once the current request's limit has
     * passed, given the time left for its transaction's timeout ({@code null} when the request has no limit), and a
     * failure after the limit reported as the limit, not as whatever the stopped work threw.
     */
    static <T> T bounded(Function<Duration, T> work) {
        var found = current();
        if (found.isEmpty()) {
            return work.apply(null);
        }
        RequestDeadline deadline = found.get();
        if (deadline.passed()) {
            throw new RequestTimedOutException(deadline, null);
        }
        try {
            return work.apply(deadline.remaining());
        } catch (RuntimeException e) {
            if (deadline.passed() && !(e instanceof RequestTimedOutException)) {
                throw new RequestTimedOutException(deadline, e);
            }
            throw e;
        }
    }

    static Optional<RequestDeadline> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    Duration remaining() {
        return Duration.ofNanos(nanoTime - System.nanoTime());
    }

    boolean passed() {
        return remaining().isNegative() || remaining().isZero();
    }
}
