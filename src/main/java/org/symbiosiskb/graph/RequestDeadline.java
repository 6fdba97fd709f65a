package org.symbiosiskb.graph;

import java.time.Duration;
import java.util.Optional;

import io.micrometer.context.ContextRegistry;

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
