package org.symbiosiskb.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.analysis.QueryTraverser;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;

/**
 * Refuses an operation over {@code kb.limits.max-page-size}, {@code max-depth},
 * {@code max-aliases} or {@code max-complexity} after validation and before any data fetcher
 * runs, with one BAD_REQUEST per limit exceeded. graphql-java's own MaxQueryDepth/Complexity
 * instrumentations would abort with their own classification and a message that names no
 * property, and their complexity does not know about {@code first}; hence this one.
 */
@Component
class QueryLimitsInstrumentation extends SimplePerformantInstrumentation {

    private final QueryLimits limits;
    private final Paging paging;
    private final FanoutEstimate.Source statistics;

    QueryLimitsInstrumentation(QueryLimits limits, Paging paging, FanoutEstimate.Source statistics) {
        this.limits = limits;
        this.paging = paging;
        this.statistics = statistics;
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
                                                                         InstrumentationState state) {
        QueryCost cost = QueryCost.measure(traverser(parameters.getExecutionContext()), paging.defaultSize(), statistics.forOperation());
        var errors = new ArrayList<GraphQLError>();
        if (cost.largestFirst() > limits.maxPageSize()) {
            errors.add(refusal(QueryLimits.exceeds("first:", cost.largestFirst(), QueryLimits.MAX_PAGE_SIZE, limits.maxPageSize())
                    + " (" + cost.largestFirstField() + "); page with `after`", QueryLimits.MAX_PAGE_SIZE, limits.maxPageSize(), cost.largestFirst()));
        }
        if (cost.depth() > limits.maxDepth()) {
            errors.add(refusal(QueryLimits.exceeds("query depth", cost.depth(), QueryLimits.MAX_DEPTH, limits.maxDepth()),
                    QueryLimits.MAX_DEPTH, limits.maxDepth(), cost.depth()));
        }
        if (cost.aliases() > limits.maxAliases()) {
            errors.add(refusal(QueryLimits.exceeds("aliases", cost.aliases(), QueryLimits.MAX_ALIASES, limits.maxAliases()),
                    QueryLimits.MAX_ALIASES, limits.maxAliases(), cost.aliases()));
        }
        if (cost.complexity() > limits.maxComplexity()) {
            errors.add(refusal(QueryLimits.exceeds("query complexity", cost.complexity(), QueryLimits.MAX_COMPLEXITY, limits.maxComplexity())
                            + " (list fields count their `first`, or the data's fan-out, times their subfields; ask for fewer items or fields, or page nested lists with `first`)",
                    QueryLimits.MAX_COMPLEXITY, limits.maxComplexity(), cost.complexity()));
        }
        if (!errors.isEmpty()) {
            throw new AbortExecutionException(errors); // graphql-java answers with these errors and fetches nothing
        }
        return super.beginExecuteOperation(parameters, state);
    }

    private static QueryTraverser traverser(ExecutionContext context) {
        return QueryTraverser.newQueryTraverser()
                .schema(context.getGraphQLSchema())
                .document(context.getDocument())
                .operationName(context.getExecutionInput().getOperationName())
                .coercedVariables(context.getCoercedVariables())
                .build();
    }

    private static GraphQLError refusal(String message, String limit, Object value, Object found) {
        var extensions = new LinkedHashMap<String, Object>();
        extensions.put("limit", limit);
        extensions.put("value", value);
        extensions.put("found", found);
        return GraphqlErrorBuilder.newError().errorType(ErrorType.BAD_REQUEST).message(message).extensions(extensions).build();
    }
}
