package org.symbiosiskb.analytics;

import org.neo4j.procedure.TerminationGuard;

/**
 * Lets a long loop notice that its transaction was terminated (its timeout passed, or someone ran
 * TERMINATE TRANSACTION) and stop computing. Reads of the store notice by themselves; loops over
 * the in-memory projection or over numbers do not, so they call {@link #check()} as they go.
 */
@FunctionalInterface
interface Guard {

    /** Outside a transaction (the benchmark's in-memory floor, unit tests): never stops. */
    Guard NONE = () -> {
    };

    /** Throws when the transaction has been terminated. */
    void check();

    static Guard of(TerminationGuard guard) {
        return guard == null ? NONE : guard::check;
    }
}
