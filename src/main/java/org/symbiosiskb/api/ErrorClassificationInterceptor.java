package org.symbiosiskb.api;

import java.util.List;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * graphql-java reports a malformed or invalid query with its own classifications
 * (InvalidSyntax, ValidationError, ...). Clients were promised five (api.md), so those become
 * BAD_REQUEST; graphql-java's own name stays in {@code extensions.detail}.
 */
@Component
class ErrorClassificationInterceptor implements WebGraphQlInterceptor {

    private static final List<String> OURS = List.of("BAD_REQUEST", "NOT_FOUND", "FORBIDDEN", "UNAUTHORIZED", "INTERNAL_ERROR");

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        return chain.next(request).map(response -> {
            List<GraphQLError> errors = response.getExecutionResult().getErrors();
            if (errors.stream().allMatch(ErrorClassificationInterceptor::isOurs)) {
                return response;
            }
            return response.transform(builder -> builder.errors(errors.stream().map(e -> isOurs(e) ? e : reclassify(e)).toList()));
        });
    }

    private static boolean isOurs(GraphQLError error) {
        ErrorClassification type = error.getErrorType();
        return type != null && OURS.contains(type.toString());
    }

    private static GraphQLError reclassify(GraphQLError error) {
        var builder = GraphqlErrorBuilder.newError().errorType(ErrorType.BAD_REQUEST).message(error.getMessage())
                .locations(error.getLocations()).extensions(java.util.Map.of("detail", String.valueOf(error.getErrorType())));
        if (error.getPath() != null && !error.getPath().isEmpty()) {
            builder.path(error.getPath());
        }
        return builder.build();
    }
}
