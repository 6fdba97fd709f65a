package org.symbiosiskb.api;

import java.util.OptionalDouble;

/**
 * How many records a relationship field of a GraphQL type reaches from one parent, on average, in the data as it
 * is now: what {@link QueryCost} weighs a list field by when the query asks no page size of it. Empty for a field
 * that is not a relationship the store can count (analytics answers): those weigh the default page size.
 */
public interface FanoutEstimate {

    OptionalDouble average(String type, String field);

    /** How many records a top-level list field ({@code parks}) pages over, at most; empty when not known. */
    default OptionalDouble records(String queryField) {
        return OptionalDouble.empty();
    }

    /** No statistics: every unpaged list weighs the default page size. */
    FanoutEstimate NONE = (type, field) -> OptionalDouble.empty();

    /** Where the estimates come from (api.translation.CountStatistics): one estimate per operation, read as it comes. */
    interface Source {
        FanoutEstimate forOperation();
    }
}
