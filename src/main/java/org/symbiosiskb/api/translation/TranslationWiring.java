package org.symbiosiskb.api.translation;

import java.util.List;
import java.util.function.Supplier;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.DataFetchingEnvironmentImpl;
import graphql.schema.FieldCoordinates;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchemaElement;
import graphql.schema.GraphQLTypeVisitorStub;
import graphql.schema.LightDataFetcher;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.graphql.execution.ContextPropagationHelper;
import org.springframework.graphql.execution.DataFetcherExceptionResolver;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import reactor.core.publisher.Mono;

/**
 * Puts the translator into the schema. The registry's {@code Query} fields get a fetcher that runs one
 * statement. On every translated type, each relationship or computed field gets a fetcher that reads the
 * value the statement already holds ({@link Translated}), or, for a record a feature gave, asks the
 * {@link TranslatedReads#LOADER} data loader; plain fields keep graphql-java's property fetcher, which reads
 * both maps and the features' records. Fields a feature resolves itself (analytics, consents) keep its
 * fetcher, handed the feature's record. The fetchers that read a held value are trivial, so neither Spring's
 * context propagation nor the instrumentation wraps them: the per-object work of a large answer is a map
 * lookup. A field of a translated type that is neither translated nor resolved by a feature stops the start.
 */
@Configuration(proxyBeanMethods = false)
class TranslationWiring {

    @Bean
    GraphTypes graphTypes(List<GraphTypeContributor> contributors) {
        return GraphTypes.of(contributors);
    }

    @Bean
    RuntimeWiringConfigurer translatedRoots(GraphTypes types, TranslatedReads reads) {
        return wiring -> types.roots().forEach((field, root) ->
                wiring.type("Query", t -> t.dataFetcher(field, env -> reads.root(root, env))));
    }

    @Bean
    GraphQlSourceBuilderCustomizer translatedFields(GraphTypes types, TranslatedReads reads, BatchLoaderRegistry loaders) {
        loaders.<TranslatedReads.FieldKey, Object>forName(TranslatedReads.LOADER)
                .registerMappedBatchLoader((keys, environment) -> Mono.fromCallable(() -> reads.load(keys)));
        return builder -> builder.typeVisitors(List.of(new Visitor(types, reads)));
    }

    /**
     * Queries complete the records a statement read in one pass ({@link HeldCompletion}); errors are resolved by the
     * same resolvers, in the same order, as Spring Boot gives the strategy it would otherwise make.
     */
    @Bean
    GraphQlSourceBuilderCustomizer heldCompletion(ObjectProvider<DataFetcherExceptionResolver> resolvers) {
        return builder -> builder.configureGraphQl(graphQl -> graphQl.queryExecutionStrategy(
                new HeldCompletion(DataFetcherExceptionResolver.createExceptionHandler(resolvers.orderedStream().toList()))));
    }

    /** Sets the fetchers of the translated types' fields (runs before Spring decorates fetchers). */
    private static final class Visitor extends GraphQLTypeVisitorStub {
        private final GraphTypes types;
        private final TranslatedReads reads;

        Visitor(GraphTypes types, TranslatedReads reads) {
            this.types = types;
            this.reads = reads;
        }

        @Override
        public TraversalControl visitGraphQLFieldDefinition(GraphQLFieldDefinition definition, TraverserContext<GraphQLSchemaElement> context) {
            if (!(context.getParentNode() instanceof GraphQLObjectType parent) || types.find(parent.getName()).isEmpty()) {
                return TraversalControl.CONTINUE;
            }
            NodeType type = types.type(parent.getName());
            GraphQLCodeRegistry.Builder registry = context.getVarFromParents(GraphQLCodeRegistry.Builder.class);
            FieldCoordinates coordinates = FieldCoordinates.coordinates(parent, definition);
            boolean mapped = registry.hasDataFetcher(coordinates);
            Field field = type.fields.get(definition.getName());
            String name = parent.getName() + "." + definition.getName();
            if (field instanceof Field.Property && mapped) {
                throw new IllegalStateException(name + " is translated and also resolved by a controller: keep one");
            }
            if (field != null && !(field instanceof Field.Property)) {
                if (mapped) {
                    throw new IllegalStateException(name + " is translated and also resolved by a controller: keep one");
                }
                registry.dataFetcher(coordinates, new HeldOrLoaded(type, definition.getName(), reads));
            } else if (field == null) {
                if (!mapped) {
                    throw new IllegalStateException(name + " is neither translated (a GraphTypeContributor) nor resolved by a controller");
                }
                registry.dataFetcher(coordinates, new FeatureResolved(registry.getDataFetcher(coordinates, definition)));
            }
            return TraversalControl.CONTINUE;
        }
    }

    /**
     * A translated field: the value its statement read; on a feature's record, the record's own accessor of that
     * name if it has one (a computed field the record already holds), else the data loader's.
     */
    record HeldOrLoaded(NodeType type, String field, TranslatedReads reads) implements LightDataFetcher<Object> {
        @Override
        public Object get(GraphQLFieldDefinition definition, Object source, Supplier<DataFetchingEnvironment> environment) throws Exception {
            if (source instanceof Translated held) {
                return held.value(field, environment);
            }
            var accessor = type.fields.get(field) instanceof Field.Expression ? Accessors.named(source.getClass(), field) : null;
            return accessor != null ? accessor.invoke(source) : reads.ofRecord(type, field, environment.get());
        }

        @Override
        public Object get(DataFetchingEnvironment environment) throws Exception {
            return get(environment.getFieldDefinition(), environment.getSource(), () -> environment);
        }
    }

    /**
     * A field the feature resolves itself (from its record): given the record the statement made, and run in
     * the request's context (the caller, the deadline) as Spring would run it.
     */
    private record FeatureResolved(DataFetcher<?> delegate) implements LightDataFetcher<Object> {
        @Override
        public Object get(GraphQLFieldDefinition definition, Object source, Supplier<DataFetchingEnvironment> environment) throws Exception {
            DataFetchingEnvironment env = environment.get();
            if (source instanceof Translated held) {
                if (held.record == null) {
                    throw new IllegalStateException("no record for " + definition.getName());
                }
                env = DataFetchingEnvironmentImpl.newDataFetchingEnvironment(env).source(held.record).build();
            }
            DataFetchingEnvironment call = env;
            Object value = ContextPropagationHelper.captureFrom(env.getGraphQlContext()).wrap(() -> delegate.get(call)).call();
            return value instanceof Mono<?> mono ? mono.toFuture() : value;
        }

        @Override
        public Object get(DataFetchingEnvironment environment) throws Exception {
            return get(environment.getFieldDefinition(), environment.getSource(), () -> environment);
        }
    }
}
