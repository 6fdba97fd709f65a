package org.symbiosiskb.graph;

/**
 * "A flow by its id", the one Cypher form of it every feature uses. A flow is a relationship: {@code SUPPLIES} while it
 * counts, {@code PROPOSED_SUPPLIES} while it waits for the other partner's consent; it keeps its id when it changes type
 * or moves to other ends, so it is found by its id alone, one branch per type. Each branch seeks its type's id index by
 * a hint: planned while a store filled, a read without it had become a scan of that index (4.4 million entries read
 * for 93 ids in the benchmark's import, docs/benchmarks.md).
 */
public final class FlowById {

    private FlowById() {
    }

    /**
     * A {@code CALL} subquery that binds {@code flow} to the flow whose id is {@code id}: one row if there is one, none
     * otherwise.
     *
     * @param scope the variables of the row it reads (a {@code CALL}'s scope clause: variables only)
     * @param id    the id, an expression over them ({@code key}, {@code row.id})
     * @param flow  the variable the flow is bound to
     */
    public static String call(String scope, String id, String flow) {
        return subquery("CALL", scope, id, flow);
    }

    /** As {@link #call}, keeping the row, with {@code flow} null, when no flow has the id. */
    public static String optionalCall(String scope, String id, String flow) {
        return subquery("OPTIONAL CALL", scope, id, flow);
    }

    private static String subquery(String call, String scope, String id, String flow) {
        return """
                %1$s (%2$s) {
                  MATCH ()-[%4$s:SUPPLIES {id: %3$s}]->() USING INDEX SEEK %4$s:SUPPLIES(id) RETURN %4$s
                  UNION
                  MATCH ()-[%4$s:PROPOSED_SUPPLIES {id: %3$s}]->() USING INDEX SEEK %4$s:PROPOSED_SUPPLIES(id) RETURN %4$s
                }
                """.formatted(call, scope, id, flow);
    }
}
