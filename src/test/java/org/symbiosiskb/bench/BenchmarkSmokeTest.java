package org.symbiosiskb.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The benchmark runs end to end at size S (its figures are not judged here: timing belongs to the benchmark, not to tests). */
class BenchmarkSmokeTest {

    @Test
    void the_benchmark_runs_every_operation_and_baseline_at_size_s() throws Exception {
        var report = new Benchmark(NetworkGenerator.Size.S, 2).run();

        assertThat(report.records()).isGreaterThan(10_000);
        assertThat(report.rows()).allMatch(r -> r.note().isEmpty() && r.samples() > 0, "every operation ran without failure, answers equal");
        assertThat(Benchmark.markdown(report)).contains("(a) floor", "(b) naive", "(c) one Cypher path query", "(d) one hand-written Cypher",
                "only the plugin", "@neo4j/graphql", "bare `UNWIND");
    }
}
