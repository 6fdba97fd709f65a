package org.symbiosiskb.graph;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.symbiosiskb.exchange.ExampleGraph;
import org.symbiosiskb.support.KbTest;

/** cypher/analytics.cypher: every documented procedure call runs on the example data and returns rows. */
@KbTest
class AnalyticsCypherTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    Neo4jClient neo4j;

    @BeforeEach
    void exampleData() {
        ExampleGraph.load(context);
    }

    @Test
    void every_documented_procedure_call_returns_rows_on_the_example_data() {
        var script = CypherScript.load("cypher/analytics.cypher");
        assertThat(script.statements()).hasSizeGreaterThanOrEqualTo(6);
        for (String statement : script.statements()) {
            assertThat(neo4j.query(statement).fetch().all()).as(statement).isNotEmpty();
        }
        // the park network has at least one climate-positive park in 2024 (Kemijärvi, by its city forests)
        assertThat(neo4j.query("""
                MATCH (park:Park) CALL kb.carbonBalance(park.id, 2024) YIELD climatePositive
                WITH park WHERE climatePositive RETURN count(park) AS parks""").fetchAs(Long.class).one().orElseThrow()).isPositive();
    }
}
