package org.symbiosiskb.federation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DelegatingDataFetchingEnvironment;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLUnionType;
import org.springframework.graphql.execution.ErrorType;
import reactor.core.publisher.Mono;

/**
 * Checks each {@code _entities} representation before Spring for GraphQL looks it up: it must be
 * an object whose {@code __typename} names an entity type of this subgraph and whose {@code id},
 * when given, is a string. A representation that is not is answered null with a BAD_REQUEST at
 * its index, and the others are looked up as usual and put back in their places (Spring's own
 * fetcher would fail the whole field on a non-object, and call an unknown type an internal error).
 */
final class RepresentationCheck implements DataFetcher<Object> {

    static final String FIELD = "_entities";
    static final String ARGUMENT = "representations";

    private final DataFetcher<?> lookup;
    private final Set<String> entityTypes;

    private RepresentationCheck(DataFetcher<?> lookup, Set<String> entityTypes) {
        this.lookup = lookup;
        this.entityTypes = entityTypes;
    }

    /** The schema with its {@code _entities} fetcher wrapped in this check. */
    static GraphQLSchema install(GraphQLSchema schema) {
        var coordinates = FieldCoordinates.coordinates(schema.getQueryType().getName(), FIELD);
        var field = schema.getQueryType().getFieldDefinition(FIELD);
        if (field == null || !(schema.getType("_Entity") instanceof GraphQLUnionType entity)) {
            return schema;
        }
        var types = new TreeSet<String>(entity.getTypes().stream().map(GraphQLNamedType::getName).toList());
        var check = new RepresentationCheck(schema.getCodeRegistry().getDataFetcher(coordinates, field), types);
        var registry = schema.getCodeRegistry().transform(c -> c.dataFetcher(coordinates, check));
        return schema.transform(s -> s.codeRegistry(registry));
    }

    @Override
    public Object get(DataFetchingEnvironment env) throws Exception {
        List<?> representations = env.getArgument(ARGUMENT) instanceof List<?> list ? list : Collections.singletonList(env.getArgument(ARGUMENT));
        var errors = new ArrayList<GraphQLError>();
        var valid = new ArrayList<Object>();
        var positions = new ArrayList<Integer>();
        for (int i = 0; i < representations.size(); i++) {
            String problem = problem(representations.get(i));
            if (problem == null) {
                valid.add(representations.get(i));
                positions.add(i);
            } else {
                errors.add(GraphqlErrorBuilder.newError(env).path(env.getExecutionStepInfo().getPath().segment(i))
                        .errorType(ErrorType.BAD_REQUEST).message("representations[" + i + "]" + problem).build());
            }
        }
        if (errors.isEmpty()) {
            return lookup.get(env);
        }
        var answer = new ArrayList<Object>(Collections.nCopies(representations.size(), null));
        if (valid.isEmpty()) {
            return DataFetcherResult.<List<Object>>newResult().data(answer).errors(errors).build();
        }
        Object found = lookup.get(new Only(env, valid));
        if (found instanceof Mono<?> mono) {
            return mono.map(result -> merge(result, answer, positions, errors, env));
        }
        return merge(found, answer, positions, errors, env);
    }

    /** Why a representation cannot be looked up ("[2] must be an object …"), or null. */
    private String problem(Object representation) {
        if (!(representation instanceof Map<?, ?> map)) {
            return " must be an object {\"__typename\": …, \"id\": …}, found " + kind(representation);
        }
        if (!(map.get("__typename") instanceof String type)) {
            return ".__typename is required: the name of an entity type, one of " + String.join(", ", entityTypes)
                    + (map.get("__typename") == null ? "" : "; found " + kind(map.get("__typename")));
        }
        if (!entityTypes.contains(type)) {
            return ": " + printable(type) + " is not an entity type of this subgraph; entity types: " + String.join(", ", entityTypes);
        }
        if (map.get("id") != null && !(map.get("id") instanceof String)) {
            return ".id must be a string, found " + kind(map.get("id"));
        }
        return null;
    }

    /** The lookup's answers and errors for the valid representations, put back at their positions among all. */
    private static DataFetcherResult<List<Object>> merge(Object result, List<Object> answer, List<Integer> positions,
                                                         List<GraphQLError> errors, DataFetchingEnvironment env) {
        List<?> data = result instanceof DataFetcherResult<?> r ? (List<?>) r.getData() : (List<?>) result;
        for (int i = 0; data != null && i < data.size(); i++) {
            answer.set(positions.get(i), data.get(i));
        }
        var all = new ArrayList<>(errors);
        if (result instanceof DataFetcherResult<?> r) {
            int at = env.getExecutionStepInfo().getPath().toList().size();
            for (GraphQLError error : r.getErrors()) {
                all.add(moved(error, at, positions));
            }
        }
        return DataFetcherResult.<List<Object>>newResult().data(answer).errors(all).build();
    }

    /** An error of the lookup, whose path counts among the valid representations only, at its place among all. */
    private static GraphQLError moved(GraphQLError error, int at, List<Integer> positions) {
        List<Object> path = error.getPath() == null ? null : new ArrayList<>(error.getPath());
        if (path == null || path.size() <= at || !(path.get(at) instanceof Integer index) || index >= positions.size()) {
            return error;
        }
        path.set(at, positions.get(index));
        var extensions = error.getExtensions() == null ? Map.<String, Object>of() : error.getExtensions();
        return GraphqlErrorBuilder.newError().message(error.getMessage()).locations(error.getLocations()).path(path)
                .errorType(error.getErrorType()).extensions(extensions).build();
    }

    private static String kind(Object value) {
        return switch (value) {
            case null -> "null";
            case Map<?, ?> m -> "an object";
            case List<?> l -> "an array";
            case String s -> "a string";
            case Number n -> "a number";
            case Boolean b -> "a boolean";
            default -> "a value";
        };
    }

    private static String printable(String type) {
        String shown = type.length() > 60 ? type.substring(0, 60) + "…" : type;
        return shown.codePoints().allMatch(c -> Character.isLetterOrDigit(c) || c == '_' || c == '…')
                ? shown : "\"" + shown.replaceAll("[^\\p{L}\\p{N}_…]", "?") + "\"";
    }

    /** The environment with only the valid representations as the argument. */
    private static final class Only extends DelegatingDataFetchingEnvironment {
        private final List<Object> representations;

        Only(DataFetchingEnvironment env, List<Object> representations) {
            super(env);
            this.representations = representations;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getArgument(String name) {
            return ARGUMENT.equals(name) ? (T) representations : super.getArgument(name);
        }

        @Override
        public Map<String, Object> getArguments() {
            var arguments = new java.util.LinkedHashMap<>(super.getArguments());
            arguments.put(ARGUMENT, representations);
            return arguments;
        }

        @Override
        public boolean containsArgument(String name) {
            return ARGUMENT.equals(name) || super.containsArgument(name);
        }
    }
}
