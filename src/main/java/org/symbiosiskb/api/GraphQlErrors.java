package org.symbiosiskb.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;
import org.symbiosiskb.graph.RequestTimedOutException;

/**
 * Every exception a resolver throws becomes an error with {@code extensions.classification} one
 * of BAD_REQUEST, NOT_FOUND, FORBIDDEN, UNAUTHORIZED, INTERNAL_ERROR (docs/spec/api.md) and a message a
 * person can act on. Unexpected failures are logged with a reference and answered without any
 * detail: no stack trace, Cypher or class name reaches a client.
 */
@Component
class GraphQlErrors extends DataFetcherExceptionResolverAdapter {

    private static final Logger log = LoggerFactory.getLogger(GraphQlErrors.class);

    @Override
    protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
        return switch (ex) {
            case BadRequestException e -> error(env, ErrorType.BAD_REQUEST, e.getMessage(), Map.of());
            case NotFoundException e -> error(env, ErrorType.NOT_FOUND, e.getMessage(), Map.of());
            case ForbiddenException e -> error(env, ErrorType.FORBIDDEN, e.getMessage(), Map.of());
            case RequestTimedOutException e -> error(env, ErrorType.BAD_REQUEST, e.getMessage(), Map.of("limit", QueryLimits.REQUEST_TIMEOUT));
            case InvalidDocumentException e -> invalid(env, e.problems(), e.argument());
            default -> refusalByProcedure(ex).map(r -> error(env, r.type(), r.message(), Map.of())).orElseGet(() -> {
                String reference = UUID.randomUUID().toString();
                log.error("Unexpected error in {} (reference {})", env.getExecutionStepInfo().getPath(), reference, ex);
                return error(env, ErrorType.INTERNAL_ERROR,
                        "Internal error; the service log has the details under reference " + reference, Map.of());
            });
        };
    }

    private record Refusal(ErrorType type, String message) {
    }

    private static final java.util.regex.Pattern REFUSAL = java.util.regex.Pattern.compile("\\[(NOT_FOUND|BAD_REQUEST)] ([^\\n]*)");

    /**
     * The analytics procedures refuse with "[NOT_FOUND] ..." or "[BAD_REQUEST] ..." (they cannot
     * depend on the service); the driver wraps that text in its own message, which names classes,
     * so only the part after the classification reaches the client.
     */
    private static java.util.Optional<Refusal> refusalByProcedure(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            var m = REFUSAL.matcher(String.valueOf(t.getMessage()));
            if (m.find()) {
                // Spring's translation appends "; Error code '...'"; the person needs only the refusal
                String message = m.group(2).replaceFirst("; Error code '[^']*'$", "").strip();
                return java.util.Optional.of(new Refusal(ErrorType.valueOf(m.group(1)), message));
            }
        }
        return java.util.Optional.empty();
    }

    /** A single-record write reports the same problems an import would, with GraphQL input paths. */
    private static GraphQLError invalid(DataFetchingEnvironment env, List<Problem> problems, String argument) {
        var fields = problems.stream().map(p -> Map.of("field", inputPath(p.pointer(), argument), "message", p.message())).toList();
        String message = String.join("; ", fields.stream().map(f -> f.get("field") + ": " + f.get("message")).toList());
        return error(env, ErrorType.BAD_REQUEST, message, Map.of("problems", fields));
    }

    /** {@code /parks/0/location/lat} → {@code input.location.lat} (for argument {@code input}). */
    static String inputPath(String pointer, String argument) {
        String[] parts = pointer.split("/");
        var path = new StringBuilder(argument);
        for (int i = 3; i < parts.length; i++) {
            path.append('.').append(parts[i].replace("~1", "/").replace("~0", "~"));
        }
        return path.toString();
    }

    private static GraphQLError error(DataFetchingEnvironment env, ErrorType type, String message, Map<String, Object> extensions) {
        var ext = new LinkedHashMap<String, Object>(extensions);
        return GraphqlErrorBuilder.newError(env).errorType(type).message(message).extensions(ext).build();
    }
}
