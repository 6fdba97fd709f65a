package org.symbiosiskb.security;

import java.util.function.Supplier;

import io.micrometer.context.ContextRegistry;
import io.micrometer.context.ThreadLocalAccessor;

/**
 * The caller of the current request. A thread-local, registered with Micrometer's context
 * propagation so that Spring for GraphQL carries it into data fetchers and batch loaders that run
 * on other threads. Where none is set the caller is anonymous: a thread that lost its request's
 * caller fails closed. Work of the service itself (start-up data, harvesting) runs
 * {@link #as(Caller, Supplier) as} {@link Caller#SYSTEM}.
 */
public final class Callers {

    static final String KEY = "symbiosis-kb.caller";
    private static final ThreadLocal<Caller> CURRENT = new ThreadLocal<>();

    static {
        ContextRegistry.getInstance().registerThreadLocalAccessor(new ThreadLocalAccessor<Caller>() {
            @Override
            public Object key() {
                return KEY;
            }

            @Override
            public Caller getValue() {
                return CURRENT.get();
            }

            @Override
            public void setValue(Caller value) {
                CURRENT.set(value);
            }

            @Override
            public void setValue() {
                CURRENT.remove();
            }
        });
    }

    private Callers() {
    }

    public static Caller current() {
        Caller caller = CURRENT.get();
        return caller == null ? Caller.ANONYMOUS : caller;
    }

    public static <T> T as(Caller caller, Supplier<T> work) {
        var result = new java.util.concurrent.atomic.AtomicReference<T>();
        run(caller, () -> result.set(work.get()));
        return result.get();
    }

    /** Work that may throw checked exceptions (a servlet filter chain), run as {@code caller}. */
    public interface Work<E extends Exception> {
        void run() throws E;
    }

    /** Runs {@code work} as {@code caller} and restores the previous caller afterwards. */
    public static <E extends Exception> void run(Caller caller, Work<E> work) throws E {
        Caller previous = CURRENT.get();
        CURRENT.set(caller);
        try {
            work.run();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    static void set(Caller caller) {
        CURRENT.set(caller);
    }

    static void clear() {
        CURRENT.remove();
    }
}
