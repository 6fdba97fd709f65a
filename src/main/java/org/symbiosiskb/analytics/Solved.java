package org.symbiosiskb.analytics;

import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Footprints of one year and allocation as a trace reads them: the root's upstream closure solved
 * from the store ({@link Footprints}), or the projection's solved vectors of the whole network
 * ({@link FlowProjection}). A trace reads its totals here and explores only the chains it lists.
 *
 * <p>The chain search reads the network by node number ({@link #node}, {@link #inputs(int)}, {@link #outputs(int)}):
 * each step of it reads a node's flows as a few arrays ({@link Links}), not as flow objects looked up by name, because
 * a trace's time goes into reading memory (docs/benchmarks.md, issue 15). Flows as objects are asked only for the
 * chains it lists.
 */
interface Solved {

    int year();

    Allocation allocation();

    /** Active flows into the process in the year, in flow-id order. */
    List<Flow> inputs(String process);

    /** Active flows out of the process's side streams in the year, in flow-id order. */
    List<Flow> outputs(String process);

    /** F(p). */
    double footprint(String process);

    /** The parts of F(p) (and the biogenic CO2 beside it) that arise in each kind of emission record: see {@link Parts}. */
    Parts parts(String process);

    /** E(p): scope 1 + 2 of the records that count. */
    double direct(String process);

    /** E(p) + the transport of the flows into p. */
    double local(String process);

    Double outputTonnes(String process);

    /** Why the process's footprint has no finite value (a loop that passes on all of its burden, here or upstream), or null. */
    AnalyticsException error(String process);

    // ---- by node number, as the chain search reads them ----

    /** The process's node number, or −1 when it is not here. */
    int node(String process);

    /** {@link #inputs(String)} of the node as links: the other end is the flow's producer. */
    Links inputs(int node);

    /** {@link #outputs(String)} of the node as links: the other end is the flow's consumer; no {@code published}. */
    Links outputs(int node);

    /** Flow {@code edge} of {@link #inputs(int)}. */
    Flow input(int node, int edge);

    /** Flow {@code edge} of {@link #outputs(int)}. */
    Flow output(int node, int edge);

    double footprint(int node);

    double local(int node);

    /**
     * A node's active flows in one direction, in flow-id order, by Flow's rules for the year and allocation:
     * {@code next[e]}, the node at the other end (−1: none here, or, upstream, a flow that brings none of its
     * producer's burden); {@code share[e]}, c(f) (upstream 0 where a published footprint stands in for the producer);
     * {@code published[e]}, upstream, the burden a published footprint brings (m × the footprint; else 0); downstream
     * a published footprint changes nothing, and the array is empty.
     */
    record Links(int[] next, double[] share, double[] published) {

        static final double[] NO_BURDEN = new double[0];

        int size() {
            return next.length;
        }

        /** Upstream links as {@link Solver.Equation#of} works them out, so that the search reads what the solve read. */
        static <I extends Solver.Input> Links upstream(List<I> inputs, ToIntFunction<? super I> producerOf,
                                                      Allocation allocation, int year) {
            return of(Solver.Equation.of(0, Parts.NONE, inputs, producerOf, allocation, year));
        }

        /** The upstream links of a node's equation: the same arrays. */
        static Links of(Solver.Equation equation) {
            return new Links(equation.producer(), equation.share(), equation.published());
        }

        /** Downstream links: the consumers' nodes and c(f) of each flow out. */
        static Links downstream(int[] consumer, double[] share) {
            return new Links(consumer, share, NO_BURDEN);
        }

        long bytes() {
            return 16 + 3 * 16 + 4L * next.length + 8L * share.length + 8L * published.length;
        }
    }
}
