package org.symbiosiskb.graph;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * Applies {@code cypher/schema.cypher} (idempotent), then runs every {@link StartupData} (reference
 * data, example data). It runs once all beans exist and before the web server opens, so no
 * request ever sees a database without its constraints.
 */
@Component
class DatabaseInitializer implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(DatabaseInitializer.class);
    static final String SCHEMA = "cypher/schema.cypher";

    private final Neo4jClient neo4j;
    private final List<StartupData> startupData;

    DatabaseInitializer(Neo4jClient neo4j, List<StartupData> startupData) {
        this.neo4j = neo4j;
        this.startupData = startupData.stream().sorted(java.util.Comparator.comparingInt(StartupData::getOrder)).toList();
    }

    @Override
    public void afterSingletonsInstantiated() {
        var script = CypherScript.load(SCHEMA);
        // Schema statements cannot share a transaction with other writes; each runs on its own.
        script.statements().forEach(statement -> neo4j.query(statement).run());
        neo4j.query("CALL db.awaitIndexes(300)").run();
        log.info("Schema applied: {} constraints and indexes from {}", script.statements().size(), SCHEMA);
        startupData.forEach(StartupData::load);
    }
}
