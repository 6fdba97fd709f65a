package org.symbiosiskb.graph;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** The embedded database starts exactly when no Neo4j server was named ({@code NEO4J_URI} / {@code spring.neo4j.uri}). */
class EmbeddedCondition implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String uri = context.getEnvironment().getProperty("spring.neo4j.uri", "");
        return uri.isBlank();
    }
}
