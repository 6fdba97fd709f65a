package org.symbiosiskb.security;

/**
 * Records that belong to a process and carry its figures (emission records, releases) are shown with
 * the stricter of their own and their process's visibility: the figures of a PRIVATE process are
 * exactly what docs/spec/federation-security.md keeps from other partners. The predicate for a query with the process as
 * {@code p} and the record as {@code n}, using the row guard's {@code $kbLocal}, {@code $kbAuth}
 * and {@code $kbPartner} (graph.RowGuard#parameters). The process's parties (the partners whose consent its
 * links need, Caller#access) see it in full. The Cypher form of the rule Caller#access states in Java.
 */
public final class ChildVisibility {

    public static final String SHOWN = """
             WHERE $kbLocal OR p.id STARTS WITH ($kbPartner + ':')
                OR (n.visibility = 'PUBLIC' AND p.visibility = 'PUBLIC')
                OR ($kbAuth AND ((coalesce(n.visibility, 'NETWORK') <> 'PRIVATE' AND coalesce(p.visibility, 'NETWORK') <> 'PRIVATE')
                                 OR $kbPartner IN coalesce(p.parties, [])))
            """;

    private ChildVisibility() {
    }
}
