package org.symbiosiskb.api.translation;

import java.util.Map;
import java.util.function.Function;

/** How one GraphQL field of a translated type is read in Cypher. */
public sealed interface Field {

    /**
     * A property of the record. Another partner's PRIVATE record shows it only when the visibility rule
     * says it is descriptive (graph.VisibilityRule#shownByName).
     *
     * @param java applied to the value read (null: the value as it is), e.g. a default
     */
    record Property(String property, Function<Object, Object> java) implements Field {
    }

    /**
     * A value computed in Cypher from the record {@code {n}} (and its owner {@code {o}}).
     *
     * @param figure whether it tells a figure: then a record seen by name shows null
     * @param java   applied to the value read (null: as it is)
     */
    record Expression(Template cypher, boolean figure, Function<Object, Object> java) implements Field {
    }

    /**
     * Records reached through a relationship: {@code clause} binds {@code {c}} from {@code {p}} (a MATCH, or a
     * CALL subquery for a relationship with alternatives). Only relationships that count are followed, so
     * links waiting for consent (PROPOSED_…) never appear.
     *
     * @param target       the GraphQL type of the records reached
     * @param many         a list (else the first record by {@code order}, or null)
     * @param order        the order of the list (a cursor needs {@code {c}.id})
     * @param arguments    the field's own arguments besides {@code filter}, {@code first}, {@code after}:
     *                     predicates on {@code {n}} with the value as {@code {v}}
     * @param ownerIsParent for a child record (an emission of a process): the parent is the owner it is seen through
     */
    record Relation(String target, Template clause, boolean many, Template order, Map<String, Template> arguments,
                    Fanout fanout, boolean ownerIsParent) implements Field {
    }

    /** A connection (totalCount, pageInfo, edges, nodes) over the records of a {@link Relation} field of the same type. */
    record Connection(String relation) implements Field {
    }
}
