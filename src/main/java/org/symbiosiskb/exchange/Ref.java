package org.symbiosiskb.exchange;

/**
 * How a reference field is kept in the graph: a relationship of {@code type} between the record's
 * node and the referenced node. {@code outgoing} is true when the record's node is the start,
 * e.g. {@code (:Organization)-[:LOCATED_IN]->(:Park)} for {@code organizations[].park}, and false
 * for {@code (:Organization)-[:OPERATES]->(:Process)} read as {@code processes[].operator}.
 */
record Ref(String label, String type, boolean outgoing) {
}
