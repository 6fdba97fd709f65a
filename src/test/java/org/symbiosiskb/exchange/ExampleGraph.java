package org.symbiosiskb.exchange;

import org.springframework.context.ApplicationContext;
import org.springframework.data.neo4j.core.Neo4jClient;

/**
 * Test support: empties the test database and loads the reference data (the List of Waste, the shipped factor sets) and the
 * example data, as a first start does.
 */
public final class ExampleGraph {

    private ExampleGraph() {
    }

    public static void load(ApplicationContext context) {
        context.getBean(Neo4jClient.class).query("MATCH (n) DETACH DELETE n").run();
        context.getBeansOfType(org.symbiosiskb.graph.StartupData.class).values().stream()
                .filter(data -> !(data instanceof ExampleData))
                .sorted(java.util.Comparator.comparingInt(org.symbiosiskb.graph.StartupData::getOrder))
                .forEach(org.symbiosiskb.graph.StartupData::load);
        context.getBean(ExampleData.class).importAll();
    }
}
