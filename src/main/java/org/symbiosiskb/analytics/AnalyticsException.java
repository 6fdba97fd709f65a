package org.symbiosiskb.analytics;

/**
 * A refusal with a classification the service maps to its GraphQL errors. The message starts with
 * the classification in brackets, e.g. {@code [NOT_FOUND] no process fi:x}, so a researcher in
 * cypher-shell reads the same text an analyst gets from GraphQL.
 */
public class AnalyticsException extends RuntimeException {

    public AnalyticsException(String classification, String message) {
        super("[" + classification + "] " + message);
    }

    static AnalyticsException notFound(String message) {
        return new AnalyticsException("NOT_FOUND", message);
    }

    static AnalyticsException badRequest(String message) {
        return new AnalyticsException("BAD_REQUEST", message);
    }
}
