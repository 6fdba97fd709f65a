package org.symbiosiskb.graph;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.neo4j.driver.Record;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * The one way the feature packages run Cypher: parameters only, records mapped by the caller. It
 * counts statements so that tests (and {@code /actuator/metrics}) can show that a GraphQL request
 * runs a number of statements bounded by its depth, not by its result size.
 * Inside a Spring-managed transaction it joins that transaction (Neo4jClient does).
 */
@Component
public class Cypher {

    private final Neo4jClient neo4j;
    private final AtomicLong statements = new AtomicLong();

    public Cypher(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    public <T> List<T> list(String cypher, Map<String, Object> parameters, Function<Record, T> mapper) {
        statements.incrementAndGet();
        @SuppressWarnings("unchecked") // the mapper decides the row type; fetchAs only needs a token
        Class<T> rowType = (Class<T>) Object.class;
        Collection<T> rows = neo4j.query(cypher).bindAll(parameters).fetchAs(rowType)
                .mappedBy((types, record) -> mapper.apply(record)).all();
        return List.copyOf(rows);
    }

    public <T> Optional<T> one(String cypher, Map<String, Object> parameters, Function<Record, T> mapper) {
        List<T> rows = list(cypher, parameters, mapper);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.getFirst());
    }

    /**
     * One statement for many parents: the query takes {@code $ids} and returns the parent id as
     * {@code key} with each row. This is what keeps a GraphQL relationship field at one statement
     * per level of the query, whatever the number of parents.
     */
    public <T> Map<String, List<T>> grouped(String cypher, Collection<String> ids, Function<Record, T> mapper) {
        var result = new java.util.HashMap<String, List<T>>();
        if (ids.isEmpty()) {
            return result;
        }
        list(cypher, Map.of("ids", List.copyOf(new java.util.LinkedHashSet<>(ids))), row -> {
            result.computeIfAbsent(row.get("key").asString(), k -> new java.util.ArrayList<>()).add(mapper.apply(row));
            return Boolean.TRUE;
        });
        return result;
    }

    public void run(String cypher, Map<String, Object> parameters) {
        statements.incrementAndGet();
        neo4j.query(cypher).bindAll(parameters).run();
    }

    /** Statements run since start (all threads). */
    public long statementsRun() {
        return statements.get();
    }
}
