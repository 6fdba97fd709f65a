package org.symbiosiskb.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The request time limit's other half, without a clock: when Neo4j terminates a transaction, a trace over the
 * in-memory projection must notice at its next check and stop, however long it would still have run. Here the
 * termination guard is the test's own: it counts the checks and "terminates" at the one the test chooses.
 */
@Tag("fast")
class TerminationTest {

    /** Thrown by the test's guard, as Neo4j's TerminationGuard throws TransactionTerminatedException. */
    static final class Terminated extends RuntimeException {
    }

    /** Counts the checks; the check numbered {@code at} finds the transaction terminated. */
    static final class Terminating implements Guard {
        final long at;
        long checks;

        Terminating(long at) {
            this.at = at;
        }

        @Override
        public void check() {
            if (++checks == at) {
                throw new Terminated();
            }
        }
    }

    /**
     * api/CompleteLoop in memory: n processes of 1000 t output, each with 10 t of scope 1 and a stream that feeds
     * 5 t to every other process. With cutoff 0 and maxDepth 1000 the chain enumeration runs to its bound.
     */
    static TinyGraph completeLoop(int n) {
        var graph = new TinyGraph();
        for (int i = 0; i < n; i++) {
            graph.process("p" + i, 1000, new Records.EmissionRecord(null, 1, null, 10, null, 0));
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (i != j) {
                    graph.flow("p" + i, "p" + j, 5);
                }
            }
        }
        return graph;
    }

    static AnalyticsProcedures.TraceRow expensiveTrace(TinyGraph graph, Guard guard) {
        return Trace.run(graph, "p0", 2024, "UPSTREAM", "MASS", 1000, 0, 10, guard);
    }

    @Test
    void an_expensive_trace_checks_its_transaction_at_every_chain_and_stops_at_the_first_check_that_finds_it_terminated() {
        var graph = completeLoop(12);
        // check 1 comes before anything is solved; check 100 000 only in the chain enumeration, which checks once per
        // chain it extends (the solve of 12 processes checks a few dozen times) and here runs to its bound of 200 000
        for (long at : new long[] {1, 100_000}) {
            var guard = new Terminating(at);
            assertThatThrownBy(() -> expensiveTrace(graph, guard)).as("terminated at check " + at).isInstanceOf(Terminated.class);
            assertThat(guard.checks).as("no check after the one that found it terminated").isEqualTo(at);
        }
    }
}
