package org.symbiosiskb.api;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The limits that keep one client from hurting the others (docs/spec/federation-security.md). Every
 * refusal is a {@code BAD_REQUEST} (413 for the exchange body) whose message names the property
 * and its configured value, so a client knows what it ran into and an operator what to raise.
 *
 * @param maxDepth       deepest nesting of fields in one GraphQL operation (top-level fields are depth 1)
 * @param maxComplexity  largest estimated cost of one operation; the formula is in {@link QueryCost}
 * @param maxAliases     most aliased fields in one operation (aliases multiply work without nesting)
 * @param maxPageSize    largest {@code first} of any field
 * @param requestTimeout wall-clock budget of one GraphQL request; every database transaction it
 *                       starts gets the remaining time as its timeout, so Neo4j terminates it
 * @param maxBodySize    largest exchange document (413 above)
 * @param maxGraphqlBodySize largest body of a POST to /graphql (413 above), counted while it is
 *                       read, so a body without a Content-Length is cut off there too
 */
@ConfigurationProperties("kb.limits")
public record QueryLimits(
        @DefaultValue("12") int maxDepth,
        @DefaultValue("250000") long maxComplexity,
        @DefaultValue("30") int maxAliases,
        @DefaultValue("500") int maxPageSize,
        @DefaultValue("30s") Duration requestTimeout,
        @DefaultValue("200MB") DataSize maxBodySize,
        @DefaultValue("1MB") DataSize maxGraphqlBodySize) {

    public static final String MAX_DEPTH = "kb.limits.max-depth";
    public static final String MAX_COMPLEXITY = "kb.limits.max-complexity";
    public static final String MAX_ALIASES = "kb.limits.max-aliases";
    public static final String MAX_PAGE_SIZE = "kb.limits.max-page-size";
    public static final String REQUEST_TIMEOUT = "kb.limits.request-timeout";
    public static final String MAX_BODY_SIZE = "kb.limits.max-body-size";
    public static final String MAX_GRAPHQL_BODY_SIZE = "kb.limits.max-graphql-body-size";

    /** "query depth 14 exceeds kb.limits.max-depth 12": what was found, the property, its value. */
    static String exceeds(String what, Object found, String property, Object limit) {
        return what + " " + found + " exceeds " + property + " " + limit;
    }
}
