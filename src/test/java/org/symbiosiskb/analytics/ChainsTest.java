package org.symbiosiskb.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The chain search reads solved footprints and explores best first, so a trace lists its chains
 * without walking every chain that qualifies. A fan-in worked by hand: R (output unused, E 0) takes
 * 1 t from each of P1..P100 (output 100 t, so c = 1/100 = 0.01); Pi emits i t and takes 0.1 t from Z
 * (output 100 t, E 1: c = 0.001). Then F(Z) = 1, F(Pi) = i + 0.001, and
 * F(R) = Σ 0.01·(i + 0.001) = 0.01·5050 + 100·0.00001 = 50.501.
 */
@Tag("fast")
class ChainsTest {

    static final class Graph extends SolvedByName {
        private final Map<String, List<Flow>> inputs;
        private final Map<String, Double> footprint;
        private final Map<String, Double> local;

        Graph(Map<String, List<Flow>> inputs, Map<String, Double> footprint, Map<String, Double> local) {
            this.inputs = inputs;
            this.footprint = footprint;
            this.local = local;
        }

        @Override public int year() { return 2024; }
        @Override public Allocation allocation() { return Allocation.MASS; }
        @Override public List<Flow> inputs(String p) { return inputs.getOrDefault(p, List.of()); }
        @Override public List<Flow> outputs(String p) { return List.of(); }
        @Override public double footprint(String p) { return footprint.get(p); }
        @Override public Parts parts(String p) { return Parts.NONE; }
        @Override public double direct(String p) { return local.get(p); }
        @Override public double local(String p) { return local.get(p); }
        @Override public Double outputTonnes(String p) { return 100.0; }
        @Override public AnalyticsException error(String p) { return null; }
    }

    static Flow flow(String id, String producer, String consumer, double quantity) {
        return new Flow(id, producer + "-s", producer, consumer, quantity, "t", 100, null, 100.0, null, null, null, null, null);
    }

    static Graph fanIn() {
        var inputs = new HashMap<String, List<Flow>>();
        var footprint = new HashMap<String, Double>();
        var local = new HashMap<String, Double>();
        var intoR = new ArrayList<Flow>();
        for (int i = 1; i <= 100; i++) {
            String p = "P" + String.format("%03d", i);
            intoR.add(flow("f" + p, p, "R", 1));
            inputs.put(p, List.of(flow("z" + p, "Z", p, 0.1)));
            footprint.put(p, i + 0.001);
            local.put(p, (double) i);
        }
        inputs.put("R", intoR);
        footprint.put("R", 50.501);
        local.put("R", 0.0);
        footprint.put("Z", 1.0);
        local.put("Z", 1.0);
        return new Graph(inputs, footprint, local);
    }

    @Test
    void the_search_lists_the_largest_chains_after_exploring_little_more_than_them() {
        // cutoff 1e-5: the threshold is 1e-5 · 50.501 = 0.00050501 t. Every Pi → R chain reaches 0.01·(i + 0.001) and
        // qualifies; Z → Pi → R reaches 0.01·0.001·1 = 0.00001, below it: the first chain explored already shows
        // that the trace is truncated. The two largest: P100 → R, 0.01·100 = 1.0, and P099 → R, 0.99.
        var result = Chains.upstream(fanIn(), "R", 10, 1e-5, 2, Guard.NONE);

        assertThat(result.listed()).hasSize(2);
        assertThat(result.listed().get(0).contribution()).isCloseTo(1.0, within(1e-12));
        assertThat(result.listed().get(0).flows().getFirst().id()).isEqualTo("fP100");
        assertThat(result.listed().get(1).contribution()).isCloseTo(0.99, within(1e-12));
        assertThat(result.truncated()).isTrue();
        // P100 and P099 explored; the next, P098, can bring at most 0.01·98.001 < 0.99: nothing else can enter the list
        assertThat(result.explored()).isEqualTo(2);
    }

    @Test
    void without_truncation_every_qualifying_chain_is_explored_to_show_it() {
        // cutoff 0 and depth 1: the Z → Pi → R chains are beyond maxDepth, so the trace is truncated, found at once;
        // with depth 2 they are all explored (100 of them, 0.00001 t each) and nothing is truncated
        var shallow = Chains.upstream(fanIn(), "R", 1, 0, 2, Guard.NONE);
        assertThat(shallow.truncated()).isTrue();
        assertThat(shallow.explored()).isEqualTo(2);

        var deep = Chains.upstream(fanIn(), "R", 2, 0, 2, Guard.NONE);
        assertThat(deep.truncated()).isFalse();
        assertThat(deep.explored()).isEqualTo(200);
        assertThat(deep.listed().get(1).contribution()).isCloseTo(0.99, within(1e-12));
    }
}
