package org.symbiosiskb.api;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalDouble;

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
 *                 = its first, as given               for a list field given a first (the page asked)
 *                 = first of the nearest field above   for a list field without one, when only
 *                   with a first argument, as given      non-list fields lie between them (the
 *                                                        edges and nodes of a connection, the paths
 *                                                        of traceEmissions); for a top-level list
 *                                                        (parks) at most the records of its label
 *                 = fan-out                            for a relationship list not given a first
 *                                                        (Park.organizations), and for the nodes of a
 *                                                        relationship connection not given one, at most
 *                                                        the page it then gets (kb.api.default-page-size)
 *                 = kb.api.default-page-size           for any other list (an analytics answer's lists)
 *   fan-out = relationships of the field's type at its label ÷ nodes with the label (a fraction: 1.2
 *             side streams per process weigh 1.2), from Neo4j's count statistics as they are when the
 *             query comes ({@link FanoutEstimate}); the operation's cost is rounded up at the end
 * </pre>
 * A {@code first} that is not given counts as the argument's schema default where it has one. So a page
 * of a hundred parks four levels deep weighs what the data holds, while a query whose lists would
 * really multiply into millions of records is refused. The cost of the operation is the sum over its
 * top-level fields. Introspection
 * ({@code __schema}, {@code __type}, {@code __typename}) costs nothing and has no depth: it reads
 * no data, and graphql-java's good-faith introspection check already bounds it.
 */
record QueryCost(int depth, long complexity, int aliases, int largestFirst, String largestFirstField) {

    static QueryCost measure(QueryTraverser traverser, int defaultPageSize, FanoutEstimate fanout) {
        var measuring = new Measuring(defaultPageSize, fanout);
        traverser.visitPostOrder(measuring);
        // fractional fan-outs make a fractional estimate: the cost is it rounded up (saturating, as a query built to
        // overflow the estimate still counts as too expensive)
        long complexity = measuring.total >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) Math.ceil(measuring.total - 1e-9);
        return new QueryCost(measuring.depth, complexity, measuring.aliases, measuring.largestFirst, measuring.largestFirstField);
    }

    private static final class Measuring extends QueryVisitorStub {
        private final int defaultPageSize;
        private final FanoutEstimate fanout;
        /** Summed cost of the subfields of each field seen so far (post-order: children before parents). */
        private final Map<QueryVisitorFieldEnvironment, Double> below = new HashMap<>();
        private double total;
        private int depth;
        private int aliases;
        private int largestFirst;
        private String largestFirstField;

        Measuring(int defaultPageSize, FanoutEstimate fanout) {
            this.defaultPageSize = defaultPageSize;
            this.fanout = fanout;
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
            double cost = 1 + weight(env) * below.getOrDefault(env, 0.0);
            if (env.getParentEnvironment() == null) {
                total += cost;
            } else {
                below.merge(env.getParentEnvironment(), cost, Double::sum);
            }
        }

        private double weight(QueryVisitorFieldEnvironment env) {
            if (!isList(env)) {
                return 1;
            }
            if (representations(env) != null) {
                return representations(env);
            }
            if (hasFirst(env)) {
                Integer first = first(env);
                return first != null ? Math.max(0, first) : fanout(env).orElse(defaultPageSize);
            }
            for (var above = env.getParentEnvironment(); above != null && !isList(above); above = above.getParentEnvironment()) {
                if (hasFirst(above)) {
                    Integer first = first(above);
                    double page = first != null ? Math.max(0, first) : Math.min(defaultPageSize, fanout(above).orElse(defaultPageSize));
                    // a top-level list pages over the records of one label: a page holds no more than there are
                    var records = above.getParentEnvironment() == null ? fanout.records(above.getFieldDefinition().getName()) : OptionalDouble.empty();
                    return records.isPresent() ? Math.min(page, records.getAsDouble()) : page;
                }
            }
            return fanout(env).orElse(defaultPageSize);
        }

        /** The data's average fan-out of a relationship field; empty for any other field. */
        private OptionalDouble fanout(QueryVisitorFieldEnvironment env) {
            return fanout.average(env.getFieldsContainer().getName(), env.getFieldDefinition().getName());
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
}
