package org.symbiosiskb.federation;

import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.data.federation.FederationSchemaFactory;

/**
 * Makes the served schema an Apollo Federation 2 subgraph (docs/spec/federation-security.md): federation-jvm
 * adds {@code _service}, {@code _entities}, {@code _Any} and {@code _Entity} to the schema built from
 * src/main/resources/graphql, whose {@code @link}, {@code @key} and {@code @shareable} directives
 * say what a gateway may compose. {@link EntityController} answers {@code _entities}, after
 * {@link RepresentationCheck} has refused the representations that cannot be looked up.
 */
@Configuration(proxyBeanMethods = false)
class FederationConfiguration {

    @Bean
    FederationSchemaFactory federationSchemaFactory() {
        return new FederationSchemaFactory();
    }

    @Bean
    GraphQlSourceBuilderCustomizer federationSchema(FederationSchemaFactory factory) {
        return builder -> builder.schemaFactory((registry, wiring) -> RepresentationCheck.install(factory.createGraphQLSchema(registry, wiring)));
    }
}
