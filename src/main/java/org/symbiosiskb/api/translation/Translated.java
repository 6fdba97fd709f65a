package org.symbiosiskb.api.translation;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import graphql.schema.DataFetchingEnvironment;

/**
 * A record as one statement read it: the value of each field asked, by field name, ready for GraphQL
 * (graphql-java's property fetcher reads a map by field name, so plain fields need no fetcher of ours),
 * and the feature's own record where a field the translator leaves to the feature was asked as well.
 */
sealed class Translated extends HashMap<String, Object> permits Translated.PageConnection {

    /** The feature's record (for the fields it resolves itself), or null when none of those was asked. */
    Object record;

    Translated(int fields) {
        super(Math.max(4, fields * 2));
    }

    /**
     * The value of a field; a field asked under several aliases (with other arguments or selections) holds
     * one value per alias, and only then is the environment made to learn which one this is.
     */
    Object value(String field, Supplier<DataFetchingEnvironment> environment) {
        Object v = get(field);
        return v instanceof Aliased aliased ? aliased.values().get(environment.get().getField().getResultKey()) : v;
    }

    /**
     * A page of a connection. (Its class name ends in "Connection", which Spring for GraphQL's pagination support
     * takes for a connection already made and leaves alone.)
     */
    static final class PageConnection extends Translated {
        PageConnection(int fields) {
            super(fields);
        }
    }

    /** The values of a field asked under several aliases, by alias (result key). */
    record Aliased(Map<String, Object> values) {
    }
}
