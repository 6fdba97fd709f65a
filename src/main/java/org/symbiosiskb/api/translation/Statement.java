package org.symbiosiskb.api.translation;

import java.util.Map;

/**
 * One Cypher statement answering a whole selection: its text (identical for identical selections, so
 * Neo4j plans it once), its parameters, and how to turn its {@code value} column into GraphQL values.
 */
record Statement(String cypher, Map<String, Object> parameters, Shape.Slot value) {
}
