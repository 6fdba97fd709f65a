package org.symbiosiskb.security;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.symbiosiskb.api.ForbiddenException;
import org.symbiosiskb.api.NotFoundException;
import org.symbiosiskb.graph.Cypher;

/**
 * How much of each record the current caller may see, for answers computed by the analytics
 * procedures: they run below the service and return ids and figures, so the features that present
 * them (traces, balances, matches, compensation) ask here which figures to withhold. One statement
 * for all the ids of an answer.
 */
@Component
public class Disclosure {

    static final String VISIBILITY_OF = """
            UNWIND $ids AS key
            OPTIONAL MATCH (r:Record {id: key})
            OPTIONAL MATCH ()-[f:SUPPLIES {id: key}]->()
            RETURN key, coalesce(r.visibility, f.visibility) AS visibility, r IS NULL AND f IS NULL AS missing""";

    private final Cypher cypher;

    Disclosure(Cypher cypher) {
        this.cypher = cypher.unguarded();
    }

    /** Access per id; ids that name no record count as {@link Caller.Access#NONE}. */
    public Map<String, Caller.Access> access(Collection<String> ids) {
        Caller caller = Callers.current();
        var result = new HashMap<String, Caller.Access>();
        if (caller.local() || ids.isEmpty()) {
            ids.forEach(id -> result.put(id, Caller.Access.FULL));
            return result;
        }
        cypher.list(VISIBILITY_OF, Map.of("ids", List.copyOf(new java.util.LinkedHashSet<>(ids))), row -> {
            String id = row.get("key").asString();
            result.put(id, row.get("missing").asBoolean() ? Caller.Access.NONE
                    : caller.access(ownerOf(id), row.get("visibility").asString(null)));
            return Boolean.TRUE;
        });
        return result;
    }

    static final String NOT_PUBLIC = """
            MATCH (r:$($label)) WHERE coalesce(r.visibility, 'NETWORK') <> 'PUBLIC' AND r.placeholder IS NULL
            RETURN r.id AS id, r.visibility AS visibility""";

    /** Ids of the records with this label whose figures the caller may not see, to leave out of a computation. */
    public java.util.Set<String> withheld(String label) {
        Caller caller = Callers.current();
        if (caller.local()) {
            return java.util.Set.of();
        }
        return java.util.Set.copyOf(cypher.list(NOT_PUBLIC, Map.of("label", label), row -> row).stream()
                .filter(row -> caller.access(ownerOf(row.get("id").asString()), row.get("visibility").asString(null)) != Caller.Access.FULL)
                .map(row -> row.get("id").asString()).toList());
    }

    public Caller.Access access(String id) {
        return access(List.of(id)).getOrDefault(id, Caller.Access.NONE);
    }

    /**
     * Refuses a question about one record's own figures unless the caller may see them: another
     * partner's PRIVATE record answers FORBIDDEN (without figures), a record the caller may not see
     * at all NOT_FOUND, as if it did not exist.
     *
     * @param kind what the record is, for the messages ("process", "side stream")
     * @param what what would have been shown ("its footprint")
     */
    public void requireFigures(String id, String kind, String what) {
        switch (access(id)) {
            case NONE -> throw new NotFoundException("no " + kind + " " + id);
            case NAME -> throw new ForbiddenException(kind + " " + id + " is PRIVATE to partner " + ownerOf(id)
                    + ": " + what + " is shown only to its owner's keys");
            case FULL -> {
            }
        }
    }

    static String ownerOf(String id) {
        int colon = id.indexOf(':');
        return colon < 0 ? id : id.substring(0, colon);
    }
}
