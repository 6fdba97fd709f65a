package org.symbiosiskb.bench;

import org.junit.jupiter.api.Test;

/**
 * The benchmark as the {@code bench} profile runs it: {@code ./kb mvn -Pbench verify -Dkb.bench.size=M}.
 * Its name matches none of Surefire's default patterns, so the normal test run leaves it out.
 */
class BenchmarkRun {

    @Test
    void run_the_benchmark() throws Exception {
        Benchmark.main(new String[] {System.getProperty("kb.bench.size", "S")});
    }
}
