package org.symbiosiskb.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * A loop beyond {@link Solver#DENSE_LIMIT} members is solved by sweeps over tables the system keeps between solves;
 * after a change only the changed members' rows may be read again, and every answer must be the one a solve from
 * scratch gives. Equations in memory, no database (what the projection feeds the solver, written out by hand).
 */
class LargeLoopTest {

    static final int RING = 500;

    /** Equations by node, as the projection would hand them over; the test replaces them to make a change. */
    static final class Equations implements Solver.Nodes {
        final List<Solver.Equation> equations = new ArrayList<>();

        @Override public int capacity() { return equations.size(); }
        @Override public Solver.Equation equation(int node) { return equations.get(node); }
        @Override public String id(int node) { return "n" + node; }
    }

    /** F = local + Σ shares × F(producer); parts: the reported part of the local term only, the rest 0. */
    static Solver.Equation equation(double local, double reported, int[] producers, double[] shares) {
        return new Solver.Equation(local, new double[] {reported, 0, 0, 0}, producers, shares, new double[producers.length]);
    }

    /** A ring: node i takes half of node i − 1's output (c = 0.5) and emits 10 t itself, 4 t of them reported. */
    static Equations ring() {
        var ring = new Equations();
        for (int i = 0; i < RING; i++) {
            ring.equations.add(equation(10, 4, new int[] {(i + RING - 1) % RING}, new double[] {0.5}));
        }
        return ring;
    }

    static Solver.System solved(Equations equations) {
        var system = new Solver.System(equations);
        system.solve(2024, Allocation.MASS, Guard.NONE);
        return system;
    }

    @Test
    void a_large_loop_solved_again_reads_the_changed_members_flows_again() {
        var ring = ring();
        var system = solved(ring);
        // by symmetry F = 10 + 0.5 F everywhere: F = 20; the reported part likewise 4 + 0.5 R: R = 8
        assertThat(system.footprint(123)).isCloseTo(20, within(1e-9));
        assertThat(system.parts(123).reported()).isCloseTo(8, within(1e-9));

        // node 7 emits 110 t instead of 10: 100 t more at 7, half of it at 8, a quarter at 9 (and 0.5^500 of it back at 7)
        ring.equations.set(7, equation(110, 4, new int[] {6}, new double[] {0.5}));
        system.changed(7);
        assertThat(system.solve(2024, Allocation.MASS, Guard.NONE)).as("the whole loop is solved again").isEqualTo(RING);
        assertThat(system.footprint(7)).isCloseTo(120, within(1e-9));
        assertThat(system.footprint(8)).isCloseTo(70, within(1e-9)); // 10 + 0.5 × 120
        assertThat(system.footprint(9)).isCloseTo(45, within(1e-9)); // 10 + 0.5 × 70
        assertThat(system.footprint(6)).isCloseTo(20, within(1e-9));
        assertThat(system.parts(8).reported()).isCloseTo(8, within(1e-9)); // the 100 t are not reported

        // node 9 takes a quarter of node 8's output instead of a half: 10 + 0.25 × 70 = 27.5; node 10: 10 + 0.5 × 27.5 = 23.75
        ring.equations.set(9, equation(10, 4, new int[] {8}, new double[] {0.25}));
        system.changed(9);
        system.solve(2024, Allocation.MASS, Guard.NONE);
        assertThat(system.footprint(9)).isCloseTo(27.5, within(1e-9));
        assertThat(system.footprint(10)).isCloseTo(23.75, within(1e-9));
        assertThat(system.footprint(7)).as("the earlier change is kept").isCloseTo(120, within(1e-6));
    }

    @Test
    void a_node_that_newly_takes_from_a_large_loop_is_solved_again_when_the_loop_changes() {
        // the ring (F = 20 everywhere) and node 500 outside it, which emits 5 t and takes nothing yet
        var graph = ring();
        graph.equations.add(equation(5, 0, new int[0], new double[0]));
        var system = solved(graph);
        assertThat(system.footprint(500)).isCloseTo(5, within(1e-9));
        // a change within the ring (the same figures again): the ring is solved again, and nothing lies beyond it
        graph.equations.set(3, equation(10, 4, new int[] {2}, new double[] {0.5}));
        system.changed(3);
        assertThat(system.solve(2024, Allocation.MASS, Guard.NONE)).isEqualTo(RING);

        // node 500 now takes half of node 7's output: 5 + 0.5 × 20 = 15
        graph.equations.set(500, equation(5, 0, new int[] {7}, new double[] {0.5}));
        system.changed(500);
        system.solve(2024, Allocation.MASS, Guard.NONE);
        assertThat(system.footprint(500)).isCloseTo(15, within(1e-9));
        // node 7 emits 110 t: F(7) = 110 + 0.5 × 20 = 120, so node 500 carries 5 + 0.5 × 120 = 65
        graph.equations.set(7, equation(110, 4, new int[] {6}, new double[] {0.5}));
        system.changed(7);
        assertThat(system.solve(2024, Allocation.MASS, Guard.NONE)).as("the ring and node 500").isEqualTo(RING + 1);
        assertThat(system.footprint(500)).isCloseTo(65, within(1e-6));
    }

    @Test
    void a_large_loop_kept_between_random_changes_answers_what_a_solve_from_scratch_answers() {
        var random = new SplittableRandom(7);
        // the ring (c = 0.3) with chords, and 50 nodes outside feeding into it: one loop of 500 or more, the others upstream or downstream
        var graph = new Equations();
        for (int i = 0; i < RING + 50; i++) {
            graph.equations.add(randomEquation(random, i));
        }
        var kept = solved(graph);
        for (int round = 0; round < 30; round++) {
            int node = random.nextInt(RING + 50);
            graph.equations.set(node, randomEquation(random, node));
            kept.changed(node);
            kept.solve(2024, Allocation.MASS, Guard.NONE);
            var fresh = solved(graph);
            for (int n = 0; n < RING + 50; n++) {
                assertThat(kept.footprint(n)).as("round %d, node %d", round, n).isCloseTo(fresh.footprint(n), within(1e-9 * fresh.footprint(n)));
                assertThat(kept.parts(n).reported()).as("round %d, node %d reported", round, n)
                        .isCloseTo(fresh.parts(n).reported(), within(1e-9 * fresh.footprint(n)));
            }
        }
    }

    /**
     * A ring member takes 0.3 of the node before it, and a chord or two of 0.1 from any ring member and from an
     * outside node; an outside node (from RING on) has its own emissions, and one time in three takes 0.2 of a ring
     * member (then it and those it feeds are downstream of the ring, or in it). Shares into a node stay below 1 in
     * total, so the loop has a finite solution.
     */
    static Solver.Equation randomEquation(SplittableRandom random, int node) {
        double local = 1 + random.nextInt(100);
        double reported = random.nextBoolean() ? local : 0;
        if (node >= RING) {
            // now and then downstream of the ring: a dependency against the components' order, so a new partition
            return random.nextInt(3) > 0 ? equation(local, reported, new int[0], new double[0])
                    : equation(local, reported, new int[] {random.nextInt(RING)}, new double[] {0.2});
        }
        int chords = random.nextInt(3);
        int[] producers = new int[2 + chords];
        double[] shares = new double[2 + chords];
        producers[0] = (node + RING - 1) % RING;
        shares[0] = 0.3;
        producers[1] = RING + random.nextInt(50);
        shares[1] = 0.1;
        for (int c = 0; c < chords; c++) {
            producers[2 + c] = random.nextInt(RING);
            shares[2 + c] = 0.1;
        }
        return equation(local, reported, producers, shares);
    }
}
