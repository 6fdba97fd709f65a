package org.symbiosiskb.api;

import java.util.HashMap;
import java.util.Map;

import graphql.analysis.QueryTraverser;
import graphql.analysis.QueryVisitorFieldEnvironment;
import graphql.analysis.QueryVisitorStub;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLTypeUtil;

/**
 * What one GraphQL operation asks for, measured on the document before anything is fetched:
 * its depth, its estimated cost, its aliases and the largest {@code first} it passes.
 *
 * <p>The cost ({@code kb.limits.max-complexity}) estimates how many values the answer holds:
 * <pre>
 *   cost(field) = 1 + weight(field) × Σ cost(selected subfields)        (a leaf costs 1)
 *   weight(field) = 1                                 for a field that is not a list
 *                 = its first                          for a list field with a first argument
 *                 = first of the nearest field above   for a list field without one, when only
 *                   with a first argument                non-list fields lie between them (the
 *                                                        edges and nodes of a connection, the paths
 *                                                        of traceEmissions)
 *                 = kb.api.default-page-size           for any other list (relationship lists such as
 *                                                        Park.organizations are not paged)
 * </pre>
 * A {@code first} that is not given counts as the argument's schema default, else as the default
 * page size. The cost of the operation is the sum over its top-level fields. Introspection
 * ({@code __schema}, {@code __type}, {@code __typename}) costs nothing and has no depth: it reads
 * no data, and graphql-java's good-faith introspection check already bounds it.
 */
record QueryCost(int depth, long complexity, int aliases, int largestFirst, String largestFirstField) {

    static QueryCost measure(QueryTraverser traverser, int defaultPageSize) {
        var measuring = new Measuring(defaultPageSize);
        traverser.visitPostOrder(measuring);
        return new QueryCost(measuring.depth, measuring.total, measuring.aliases, measuring.largestFirst, measuring.largestFirstField);
    }

    private static final class Measuring extends QueryVisitorStub {
        private final int defaultPageSize;
        /** Summed cost of the subfields of each field seen so far (post-order: children before parents). */
        private final Map<QueryVisitorFieldEnvironment, Long> below = new HashMap<>();
        private long total;
        private int depth;
        private int aliases;
        private int largestFirst;
        private String largestFirstField;

        Measuring(int defaultPageSize) {
            this.defaultPageSize = defaultPageSize;
        }

        @Override
        public void visitField(QueryVisitorFieldEnvironment env) {
            if (introspection(env)) {
                return;
            }
            if (env.getField().getAlias() != null) {
                aliases++;
            }
            depth = Math.max(depth, depthOf(env));
            Integer first = representations(env) != null ? representations(env) : first(env);
            if (first != null && first > largestFirst) {
                largestFirst = first;
                largestFirstField = env.getField().getName();
            }
            long cost = plus(1, times(weight(env), below.getOrDefault(env, 0L)));
            if (env.getParentEnvironment() == null) {
                total = plus(total, cost);
            } else {
                below.merge(env.getParentEnvironment(), cost, QueryCost::plus);
            }
        }

        private long weight(QueryVisitorFieldEnvironment env) {
            if (!isList(env)) {
                return 1;
            }
            if (representations(env) != null) {
                return representations(env);
            }
            if (hasFirst(env)) {
                return firstOrDefault(env);
            }
            for (var above = env.getParentEnvironment(); above != null && !isList(above); above = above.getParentEnvironment()) {
                if (hasFirst(above)) {
                    return firstOrDefault(above);
                }
            }
            return defaultPageSize;
        }

        private long firstOrDefault(QueryVisitorFieldEnvironment env) {
            Integer first = first(env);
            return first == null ? defaultPageSize : Math.max(0, first);
        }
    }

    private static boolean introspection(QueryVisitorFieldEnvironment env) {
        for (var e = env; e != null; e = e.getParentEnvironment()) {
            if (e.isTypeNameIntrospectionField() || e.getFieldDefinition().getName().startsWith("__")) {
                return true;
            }
        }
        return false;
    }

    private static int depthOf(QueryVisitorFieldEnvironment env) {
        int depth = 0;
        for (var e = env; e != null; e = e.getParentEnvironment()) {
            depth++;
        }
        return depth;
    }

    private static boolean isList(QueryVisitorFieldEnvironment env) {
        return GraphQLTypeUtil.unwrapNonNull(env.getFieldDefinition().getType()) instanceof GraphQLList;
    }

    private static boolean hasFirst(QueryVisitorFieldEnvironment env) {
        return env.getFieldDefinition().getArgument("first") != null;
    }

    /**
     * Apollo's {@code _entities} looks up one record per representation: the number of representations
     * weighs like a {@code first}, and the page size cap applies to it.
     */
    private static Integer representations(QueryVisitorFieldEnvironment env) {
        return "_entities".equals(env.getFieldDefinition().getName()) && env.getArguments().get("representations") instanceof java.util.List<?> list
                ? list.size() : null;
    }

    /** The first argument as given (or its schema default), null when the field has none or it is null. */
    private static Integer first(QueryVisitorFieldEnvironment env) {
        return hasFirst(env) && env.getArguments().get("first") instanceof Integer first ? first : null;
    }

    /** Saturating: a query built to overflow the estimate still counts as too expensive. */
    private static long plus(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }

    private static long times(long a, long b) {
        long high = Math.multiplyHigh(a, b);
        long product = a * b;
        return high != 0 || product < 0 ? Long.MAX_VALUE : product;
    }
}
