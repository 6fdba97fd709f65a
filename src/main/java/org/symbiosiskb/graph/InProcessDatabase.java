package org.symbiosiskb.graph;

import org.neo4j.graphdb.GraphDatabaseService;

/**
 * The database when it runs in this JVM (the embedded default), which {@link Cypher} reads directly instead of over
 * Bolt: a read then costs no serialization, socket or thread hand-over at either end. Absent when the service
 * talks to a Neo4j server ({@code NEO4J_URI}); everything then goes over Bolt as before.
 */
public record InProcessDatabase(GraphDatabaseService database) {
}
