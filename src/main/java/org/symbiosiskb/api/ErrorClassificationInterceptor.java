package org.symbiosiskb.api;

import java.util.List;
import java.util.UUID;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.SerializationError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * graphql-java reports a malformed or invalid query with its own classifications
 * (InvalidSyntax, ValidationError, ...). Clients were promised five (docs/spec/api.md), so those become
 * BAD_REQUEST; graphql-java's own name stays in {@code extensions.detail}. A value the service
 * computed but cannot write (a figure that overflowed to Infinity: GraphQL's Float is finite) is
 * the service's fault, not the client's: an INTERNAL_ERROR for that field, logged with a reference.
 */
@Component
class ErrorClassificationInterceptor implements WebGraphQlInterceptor {

    private static final Logger log = LoggerFactory.getLogger(ErrorClassificationInterceptor.class);
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

    /** "carbonBalance.byProcess[0].tCO2e: the figure is not a finite number …", with a reference to the log. */
    private static GraphQLError unwritable(GraphQLError error) {
        String reference = UUID.randomUUID().toString();
        var field = new StringBuilder();
        for (Object segment : error.getPath() == null ? List.of() : error.getPath()) {
            field.append(segment instanceof Integer i ? "[" + i + "]" : (field.isEmpty() ? "" : ".") + segment);
        }
        log.error("Unwritable value at {} (reference {}): {}", field, reference, error.getMessage());
        var builder = GraphqlErrorBuilder.newError().errorType(ErrorType.INTERNAL_ERROR).locations(error.getLocations())
                .message(field + ": the figure is not a finite number (or out of range) and cannot be sent; the records it is "
                        + "computed from hold values beyond the service's limits. The service log has the details under reference " + reference);
        if (error.getPath() != null) {
            builder.path(error.getPath());
        }
        return builder.build();
    }

    private static boolean isOurs(GraphQLError error) {
        ErrorClassification type = error.getErrorType();
        return type != null && OURS.contains(type.toString());
    }

    private static GraphQLError reclassify(GraphQLError error) {
        if (error instanceof SerializationError) {
            return unwritable(error);
        }
        var builder = GraphqlErrorBuilder.newError().errorType(ErrorType.BAD_REQUEST).message(error.getMessage())
                .locations(error.getLocations()).extensions(java.util.Map.of("detail", String.valueOf(error.getErrorType())));
        if (error.getPath() != null && !error.getPath().isEmpty()) {
            builder.path(error.getPath());
        }
        return builder.build();
    }
}
