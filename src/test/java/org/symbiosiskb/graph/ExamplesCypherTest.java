package org.symbiosiskb.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.symbiosiskb.exchange.ExampleGraph;
import org.symbiosiskb.support.KbTest;

/**
 * The researcher's example queries (cypher/examples.cypher) run as-is against the example data
 * and each returns at least one row: a query that silently returns nothing is a broken example.
 */
@KbTest
public class ExamplesCypherTest {

    private static final String EXAMPLES = "cypher/examples.cypher";
    /** The heading of an example: {@code // 12. Cross-park flows: ...}. */
    private static final Pattern HEADING = Pattern.compile("^//\\s*(\\d+\\.\\s*.*)$");

    @Autowired
    ApplicationContext context;
    @Autowired
    Neo4jClient neo4j;

    @BeforeEach
    void loadTheExampleData() {
        ExampleGraph.load(context);
    }

    @TestFactory
    Stream<DynamicTest> every_example_query_returns_rows_on_the_example_data() throws IOException {
        var statements = CypherScript.load(EXAMPLES).statements();
        var headings = headings();
        assertThat(statements).as("example queries in %s", EXAMPLES).hasSizeGreaterThanOrEqualTo(12);
        assertThat(headings).as("one numbered `// N. ...` heading per query in %s", EXAMPLES).hasSameSizeAs(statements);

        return IntStream.range(0, statements.size()).mapToObj(i -> {
            String statement = statements.get(i);
            String name = headings.get(i);
            return DynamicTest.dynamicTest(name, () -> {
                List<Map<String, Object>> rows = List.copyOf(neo4j.query(statement).fetch().all());
                assertThat(rows)
                        .as("example query %s returns no rows on the example data:%n%s", name, firstLines(statement))
                        .isNotEmpty();
            });
        });
    }

    /** Each statement's heading: the last {@code // N. ...} comment line before it starts. */
    private static List<String> headings() throws IOException {
        String text;
        try (var in = new ClassPathResource(EXAMPLES).getInputStream()) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        var headings = new ArrayList<String>();
        String heading = null;
        boolean inStatement = false;
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            var m = HEADING.matcher(trimmed);
            if (m.matches()) {
                heading = m.group(1);
                continue;
            }
            if (trimmed.startsWith("//") || trimmed.isEmpty()) {
                continue;
            }
            if (!inStatement) {
                headings.add(heading != null ? heading : "query " + (headings.size() + 1) + ": " + trimmed);
                heading = null;
                inStatement = true;
            }
            if (trimmed.endsWith(";")) {
                inStatement = false;
            }
        }
        return headings;
    }

    /** The example whose heading contains {@code title}, for tests that check its figures against the service's. */
    public static String example(String title) throws IOException {
        var statements = CypherScript.load(EXAMPLES).statements();
        var headings = headings();
        for (int i = 0; i < headings.size(); i++) {
            if (headings.get(i).contains(title)) {
                return statements.get(i);
            }
        }
        throw new IllegalArgumentException("no example \"" + title + "\" in " + EXAMPLES);
    }

    private static String firstLines(String statement) {
        return statement.lines().limit(4).map(l -> "    " + l).reduce((a, b) -> a + "\n" + b).orElse("") + "\n    ...";
    }
}
