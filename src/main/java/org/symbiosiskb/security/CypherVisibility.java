package org.symbiosiskb.security;

import org.symbiosiskb.graph.VisibilityRule;

/**
 * The visibility rule in Cypher: the same rule {@link Caller#access} states in Java, over the row guard's
 * parameters {@code $kbLocal}, {@code $kbAuth} and {@code $kbPartner} ({@link VisibilityGuard#parameters()}).
 * PUBLIC to anyone, NETWORK (the default) to any partner's key, PRIVATE to the owner's keys (the id's prefix)
 * and to the record's {@code parties}; another partner's PRIVATE record is seen by name
 * ({@link VisibilityGuard#SHOWN_WHEN_PRIVATE}). Records that belong to a process and carry its figures
 * (emission records, releases) are seen no better than their process, and the process's parties see them.
 * Every predicate a statement needs is made here, so the rule has one home in Cypher.
 */
public final class CypherVisibility implements VisibilityRule {

    public static final CypherVisibility RULE = new CypherVisibility();

    /** For a query with a process as {@code p} and its record as {@code n}: shown only when seen in full. */
    public static final String OWNED_SHOWN = " WHERE " + RULE.fullWithOwner("n", "p") + "\n";

    private CypherVisibility() {
    }

    @Override
    public String seen(String r) {
        return "($kbAuth OR " + r + ".visibility = 'PUBLIC')"; // the parameter first: a caller with a key reads no property for it
    }

    @Override
    public String full(String r) {
        return "($kbLocal OR " + r + ".id STARTS WITH ($kbPartner + ':') OR " + r + ".visibility = 'PUBLIC'"
                + " OR ($kbAuth AND (coalesce(" + r + ".visibility, 'NETWORK') <> 'PRIVATE' OR $kbPartner IN coalesce(" + r + ".parties, []))))";
    }

    @Override
    public String fullWithOwner(String r, String owner) {
        return "($kbLocal OR " + owner + ".id STARTS WITH ($kbPartner + ':')"
                + " OR (" + r + ".visibility = 'PUBLIC' AND " + owner + ".visibility = 'PUBLIC')"
                + " OR ($kbAuth AND ((coalesce(" + r + ".visibility, 'NETWORK') <> 'PRIVATE' AND coalesce(" + owner + ".visibility, 'NETWORK') <> 'PRIVATE')"
                + " OR $kbPartner IN coalesce(" + owner + ".parties, []))))";
    }

    @Override
    public boolean shownByName(String property) {
        return VisibilityGuard.SHOWN_WHEN_PRIVATE.contains(property);
    }
}
