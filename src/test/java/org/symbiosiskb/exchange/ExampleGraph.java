package org.symbiosiskb.exchange;

import org.springframework.context.ApplicationContext;
import org.springframework.data.neo4j.core.Neo4jClient;

/** Test support: empties the test database and loads the List of Waste and the example data, as a first start does. */
public final class ExampleGraph {

    private ExampleGraph() {
    }

    public static void load(ApplicationContext context) {
        context.getBean(Neo4jClient.class).query("MATCH (n) DETACH DELETE n").run();
        context.getBean(ReferenceData.class).load();
        context.getBean(ExampleData.class).importAll();
    }
}
