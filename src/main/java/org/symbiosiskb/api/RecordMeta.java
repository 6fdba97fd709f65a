package org.symbiosiskb.api;

import org.neo4j.driver.Value;

/** What every record carries besides its own fields (docs/spec/model.md: source, updatedAt, visibility). */
public record RecordMeta(String source, String visibility, String notes, String updatedAt, boolean placeholder) {

    public static RecordMeta of(Value node) {
        return new RecordMeta(node.get("source").asString(null),
                node.get("visibility").asString("NETWORK"),
                node.get("notes").asString(null),
                node.get("updatedAt").isNull() ? null : node.get("updatedAt").asZonedDateTime().toInstant().toString(),
                node.get("placeholder").asBoolean(false));
    }

    /** The fields GraphQL reads from every record type; records implement this and get them for free. */
    public interface Carrier {
        /** The record's id (flows have one too), so that fields every record shares can be resolved in one place. */
        String id();

        RecordMeta meta();

        default String source() {
            return meta().source();
        }

        default String visibility() {
            return meta().visibility();
        }

        default String notes() {
            return meta().notes();
        }

        default String updatedAt() {
            return meta().updatedAt();
        }

        default boolean placeholder() {
            return meta().placeholder();
        }
    }
}
