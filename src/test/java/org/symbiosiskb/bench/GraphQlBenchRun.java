package org.symbiosiskb.bench;

import org.junit.jupiter.api.Test;

/** {@link GraphQlBench} as a test, so Maven runs it with the test classpath: {@code ./kb mvn test -Dtest=GraphQlBenchRun}. */
class GraphQlBenchRun {

    @Test
    void run_the_graphql_benchmark() throws Exception {
        GraphQlBench.main(new String[0]);
    }
}
