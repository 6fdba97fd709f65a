package org.symbiosiskb.graph;

import java.util.Map;

import org.neo4j.driver.Record;

/**
 * What the current caller may see of a result row (implemented by the security feature). Every
 * statement run through {@link Cypher} on behalf of a caller passes its rows through the guard, so
 * no read path can forget it; the import pipeline, which must see the graph as it is, uses
 * {@link Cypher#unguarded()}.
 */
public interface RowGuard {

    /** The row as the caller may see it (records reduced to what they may show), or null to leave it out. */
    Record apply(Record row);

    /** Whether {@link #apply} gives every row as it is for the current caller (who sees everything): then it need not be asked. */
    boolean showsAsItIs();

    /** Parameters every guarded statement receives, for predicates that must run in Cypher (paged lists, counts). */
    Map<String, Object> parameters();

    /** The same rule as Cypher predicates over those parameters. */
    VisibilityRule rule();
}
