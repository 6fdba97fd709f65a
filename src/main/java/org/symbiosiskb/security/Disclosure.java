package org.symbiosiskb.security;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.symbiosiskb.api.ForbiddenException;
import org.symbiosiskb.api.Ids;
import org.symbiosiskb.api.NotFoundException;
import org.symbiosiskb.graph.Cypher;
import org.symbiosiskb.graph.FlowById;

/**
 * The disclosure rule (docs/partners.md, "What an answer shows"), for every figure an answer computes from
 * records: a figure is shown only when the caller may see every record it is computed from
 * ({@link Caller#access}); otherwise it is null and the answer says that figures were withheld. Value-chain
 * trace totals follow the same rule with one convention: the burden a flow carries is a figure of that flow
 * (its producer passed it on by agreeing to the flow), so a trace's totals depend on the traced process and
 * the flows into and out of it, not on the private records further upstream.
 *
 * <p>Features ask here with the ids an answer depends on (the analytics procedures return them); one
 * statement answers for all of them. An emission record, a release and an activity line are seen as the stricter of
 * their own and their process's visibility, and a record's parties (the partners whose consent its links need) see it in full.
 */
@Component
public class Disclosure {

    static final String VISIBILITY_OF = """
            UNWIND $ids AS key
            OPTIONAL MATCH (r:Record {id: key})
            OPTIONAL MATCH (r)<-[:REPORTED|RELEASED|HAS_ACTIVITY]-(p:Process)
            """ + FlowById.optionalCall("key", "key", "f") + """
            RETURN key, r IS NULL AND f IS NULL AS missing, coalesce(r.visibility, f.visibility) AS visibility,
                   coalesce(r.parties, f.parties, []) AS parties,
                   p IS NOT NULL AS emission, p.visibility AS processVisibility, coalesce(p.parties, []) AS processParties""";

    private final Cypher cypher;

    Disclosure(Cypher cypher) {
        this.cypher = cypher.unguarded();
    }

    /** What the current caller may see of these records (and flows); one statement. */
    public View view(Collection<String> ids) {
        Caller caller = Callers.current();
        var access = new HashMap<String, Caller.Access>();
        var distinct = new LinkedHashSet<String>(ids);
        distinct.remove(null);
        if (caller.local() || distinct.isEmpty()) {
            distinct.forEach(id -> access.put(id, Caller.Access.FULL));
            return new View(access, caller.local());
        }
        cypher.list(VISIBILITY_OF, Map.of("ids", List.copyOf(distinct)), row -> {
            String id = row.get("key").asString();
            Caller.Access seen = Caller.Access.NONE;
            if (!row.get("missing").asBoolean()) {
                String owner = Ids.partnerOf(id);
                seen = caller.access(owner, row.get("visibility").asString(null), row.get("parties").asList(v -> v.asString()));
                if (row.get("emission").asBoolean()) {
                    // an emission record (a release, an activity line) is seen no better than its process
                    // (docs/spec/federation-security.md, Visibility)
                    var parties = row.get("processParties").asList(v -> v.asString());
                    Caller.Access own = caller.access(owner, row.get("visibility").asString(null), parties);
                    Caller.Access process = caller.access(owner, row.get("processVisibility").asString(null), parties);
                    seen = own.compareTo(process) < 0 ? own : process;
                }
            }
            access.put(id, seen);
            return id;
        });
        return new View(access, false);
    }

    /**
     * What the caller may see of the records an answer depends on.
     *
     * @param local local mode: the person at the laptop sees everything
     */
    public record View(Map<String, Caller.Access> access, boolean local) {

        /** Access to one record; a record not asked about, or not there, counts as not seen at all. */
        public Caller.Access of(String id) {
            return local ? Caller.Access.FULL : access.getOrDefault(id, Caller.Access.NONE);
        }

        public boolean shows(String id) {
            return of(id) == Caller.Access.FULL;
        }

        /** Whether a figure computed from these records may be shown. */
        public boolean showsAll(Collection<String> ids) {
            return ids.stream().allMatch(this::shows);
        }

        /** The figure when the caller may see every record it is computed from, else null (withheld). */
        public Double figure(double value, Collection<String> from) {
            return showsAll(from) ? value : null;
        }
    }

    /** Access per id; ids that name no record count as {@link Caller.Access#NONE}. */
    public Map<String, Caller.Access> access(Collection<String> ids) {
        var view = view(ids);
        var result = new HashMap<String, Caller.Access>();
        ids.forEach(id -> result.put(id, view.of(id)));
        return result;
    }

    static final String NOT_PUBLIC = """
            MATCH (r:$($label)) WHERE coalesce(r.visibility, 'NETWORK') <> 'PUBLIC' AND r.placeholder IS NULL
            RETURN r.id AS id""";

    /** Ids of the records with this label whose figures the caller may not see, to leave out of a computation. */
    public Set<String> withheld(String label) {
        if (Callers.current().local()) {
            return Set.of();
        }
        var ids = cypher.list(NOT_PUBLIC, Map.of("label", label), row -> row.get("id").asString());
        var view = view(ids);
        return Set.copyOf(ids.stream().filter(id -> !view.shows(id)).toList());
    }

    public Caller.Access access(String id) {
        return view(List.of(id)).of(id);
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
            case NAME -> throw new ForbiddenException(kind + " " + id + " is PRIVATE to partner " + Ids.partnerOf(id)
                    + ": " + what + " is shown only to its owner's keys");
            case FULL -> {
            }
        }
    }

}
