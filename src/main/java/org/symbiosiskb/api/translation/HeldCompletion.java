package org.symbiosiskb.api.translation;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import graphql.ExperimentalApi;
import graphql.GraphQLContext;
import graphql.execution.AsyncExecutionStrategy;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.DataFetcherResult;
import graphql.execution.ExecutionContext;
import graphql.execution.ExecutionStrategyParameters;
import graphql.execution.FieldCollectorParameters;
import graphql.execution.MergedField;
import graphql.schema.CoercingSerializeException;
import graphql.schema.DataFetcher;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.PropertyDataFetcher;
import graphql.schema.SingletonPropertyDataFetcher;

/**
 * graphql-java's query strategy, except that a record a translated statement read ({@link Translated}) is
 * completed in one pass over the values the statement already holds, instead of field by field through
 * graphql-java's fetch, instrument and complete steps. Those steps cost most of a large answer's time
 * (a profile of the 100-park page: three quarters of the request thread in per-field completion), and for
 * a held value they do nothing but read a map: the visibility rule and the query limits were applied to the
 * statement before it ran.
 *
 * <p>The pass is taken only where it gives exactly what the standard completion gives: every field of the
 * selection (fragments, aliases, {@code @skip}/{@code @include} resolved as graphql-java resolves them) reads
 * a held value or is a plain property, and every type below is a scalar, an enum, a list or an object type
 * whose fields obey the same. Anything else (a field a feature resolves, an interface, a null in a non-null
 * place, a value a scalar refuses) sends the record to the standard completion, which then also gives the
 * standard error. No field below a held record calls a data loader, so the data-loader dispatch, which counts
 * the objects graphql-java executes, is not disturbed by the objects it does not see.
 */
final class HeldCompletion extends AsyncExecutionStrategy {

    private static final String LEVELS = HeldCompletion.class.getName() + ".levels";

    /** Thrown inside the pass when a value needs the standard completion; never leaves this class. */
    private static final class NotHeld extends RuntimeException {
        NotHeld() {
            super(null, null, false, false);
        }
    }

    private static final NotHeld NOT_HELD = new NotHeld();

    /** Records completed by the pass, and records it sent to the standard completion after trying (for tests and profiles). */
    private final LongAdder held = new LongAdder();
    private final LongAdder declined = new LongAdder();

    HeldCompletion(DataFetcherExceptionHandler exceptionHandler) {
        super(exceptionHandler);
    }

    long heldRecords() {
        return held.sum();
    }

    long declinedRecords() {
        return declined.sum();
    }

    @Override
    protected Object completeValueForObject(ExecutionContext context, ExecutionStrategyParameters parameters,
                                            GraphQLObjectType type, Object result) {
        if (result instanceof Translated held && !context.getGraphQLContext().getBoolean(ExperimentalApi.ENABLE_INCREMENTAL_SUPPORT, false)) {
            Optional<Level> level = level(context, type, parameters.getField());
            if (level.isPresent()) {
                try {
                    Object done = level.get().complete(held, context);
                    this.held.increment();
                    return done;
                } catch (NotHeld e) {
                    // the standard completion below, which also reports whatever made this value unusual
                }
            }
            declined.increment();
        }
        return super.completeValueForObject(context, parameters, type, result);
    }

    /** The pass for one object type and selection, made once per request (the items of a list share it). */
    private Optional<Level> level(ExecutionContext context, GraphQLObjectType type, MergedField field) {
        Map<LevelKey, Optional<Level>> levels = context.getGraphQLContext().computeIfAbsent(LEVELS, k -> new ConcurrentHashMap<>());
        var key = new LevelKey(type, field);
        Optional<Level> known = levels.get(key);
        if (known == null) {
            known = Optional.ofNullable(compile(context, type, field));
            levels.put(key, known);
        }
        return known;
    }

    /** By identity: the items of a list share their field's instance, and comparing selections by content costs more than the pass. */
    private record LevelKey(GraphQLObjectType type, MergedField field) {
        @Override
        public boolean equals(Object o) {
            return o instanceof LevelKey k && k.type == type && k.field == field;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(type) * 31 + System.identityHashCode(field);
        }
    }

    /** The pass, or null when some field of the selection is not a held value or a plain property. */
    private Level compile(ExecutionContext context, GraphQLObjectType type, MergedField field) {
        var parameters = FieldCollectorParameters.newParameters()
                .schema(context.getGraphQLSchema())
                .objectType(type)
                .fragments(context.getFragmentsByName())
                .variables(context.getCoercedVariables().toMap())
                .graphQLContext(context.getGraphQLContext())
                .build();
        var fields = fieldCollector.collectFields(parameters, field);
        var entries = new ArrayList<Entry>(fields.size());
        for (String resultKey : fields.getKeys()) {
            MergedField sub = fields.getSubField(resultKey);
            String name = sub.getName();
            if (name.equals("__typename")) {
                entries.add(new Entry(resultKey, name, Read.TYPENAME, null, null));
                continue;
            }
            GraphQLFieldDefinition definition = type.getField(name);
            if (definition == null) {
                return null;
            }
            DataFetcher<?> fetcher = context.getGraphQLSchema().getCodeRegistry()
                    .getDataFetcher(FieldCoordinates.coordinates(type, definition), definition);
            Read read;
            if (fetcher instanceof TranslationWiring.HeldOrLoaded held && held.field().equals(name)) {
                read = Read.HELD;
            } else if (fetcher == SingletonPropertyDataFetcher.singleton()
                    || fetcher instanceof PropertyDataFetcher<?> property && name.equals(property.getPropertyName())) {
                read = Read.PROPERTY;
            } else {
                return null;
            }
            Level below = null;
            if (unwrapped(definition.getType()) instanceof GraphQLObjectType objectType) {
                below = compile(context, objectType, sub);
                if (below == null) {
                    return null;
                }
            } else if (!(unwrapped(definition.getType()) instanceof GraphQLScalarType)
                    && !(unwrapped(definition.getType()) instanceof GraphQLEnumType)) {
                return null; // an interface or a union: its type is resolved by the standard completion
            }
            entries.add(new Entry(resultKey, name, read, definition.getType(), below));
        }
        return new Level(type, List.copyOf(entries));
    }

    private static Object unwrapped(GraphQLOutputType type) {
        Object t = type;
        while (t instanceof GraphQLNonNull || t instanceof GraphQLList) {
            t = t instanceof GraphQLNonNull n ? n.getWrappedType() : ((GraphQLList) t).getWrappedType();
        }
        return t;
    }

    /** Where a field's value comes from. */
    private enum Read {
        /** The object type's name. */
        TYPENAME,
        /** A value the statement holds for a translated relationship or computed field (one per alias when aliased). */
        HELD,
        /** graphql-java's property fetcher: a map's entry, or a record's accessor or a getter of that name. */
        PROPERTY
    }

    private record Entry(String resultKey, String field, Read read, GraphQLOutputType type, Level below) {
    }

    /** The fields of one object type under one selection. */
    private record Level(GraphQLObjectType type, List<Entry> entries) {

        Map<String, Object> complete(Object source, ExecutionContext context) {
            var out = new LinkedHashMap<String, Object>(Math.max(4, entries.size() * 2));
            for (Entry e : entries) {
                Object value = switch (e.read()) {
                    case TYPENAME -> type.getName();
                    case HELD -> held(source, e);
                    case PROPERTY -> property(source, e.field());
                };
                out.put(e.resultKey(), e.read() == Read.TYPENAME ? value : value(e.type(), value, e, context));
            }
            return out;
        }

        private static Object held(Object source, Entry e) {
            if (!(source instanceof Translated held) || !held.containsKey(e.field())) {
                throw NOT_HELD; // a feature's record: the field is loaded, not held
            }
            Object v = held.get(e.field());
            if (v instanceof Translated.Aliased aliased) {
                if (!aliased.values().containsKey(e.resultKey())) {
                    throw NOT_HELD;
                }
                return aliased.values().get(e.resultKey());
            }
            return v;
        }

        private static Object value(GraphQLOutputType type, Object v, Entry e, ExecutionContext context) {
            if (type instanceof GraphQLNonNull nonNull) {
                if (v == null) {
                    throw NOT_HELD; // the standard completion reports the null and nulls the parent
                }
                return value((GraphQLOutputType) nonNull.getWrappedType(), v, e, context);
            }
            if (v == null) {
                return null;
            }
            if (v instanceof Optional<?> || v instanceof CompletionStage<?> || v instanceof DataFetcherResult<?>) {
                throw NOT_HELD; // graphql-java unwraps these; no held value is one
            }
            GraphQLContext graphQlContext = context.getGraphQLContext();
            try {
                return switch (type) {
                    case GraphQLList list -> {
                        if (!(v instanceof Iterable<?> items)) {
                            throw NOT_HELD;
                        }
                        var out = new ArrayList<Object>(items instanceof java.util.Collection<?> c ? c.size() : 8);
                        for (Object item : items) {
                            out.add(value((GraphQLOutputType) list.getWrappedType(), item, e, context));
                        }
                        yield out;
                    }
                    case GraphQLScalarType scalar -> {
                        Object serialized = scalar.getCoercing().serialize(v, graphQlContext, context.getLocale());
                        if (serialized == null) {
                            throw NOT_HELD;
                        }
                        yield serialized;
                    }
                    case GraphQLEnumType enumType -> enumType.serialize(v, graphQlContext, context.getLocale());
                    case GraphQLObjectType ignored -> e.below().complete(v, context);
                    default -> throw NOT_HELD;
                };
            } catch (CoercingSerializeException refused) {
                throw NOT_HELD;
            }
        }
    }

    /** What graphql-java's property fetcher reads: a map's entry, else a public accessor {@code name()}, {@code getName()} or {@code isName()}. */
    private static Object property(Object source, String field) {
        if (source instanceof Map<?, ?> map) {
            return map.get(field);
        }
        Method accessor = Accessors.property(source.getClass(), field);
        if (accessor == null) {
            throw NOT_HELD;
        }
        try {
            return accessor.invoke(source);
        } catch (ReflectiveOperationException e) {
            throw NOT_HELD;
        }
    }
}
