package org.symbiosiskb.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;

import graphql.analysis.QueryTraverser;
import graphql.execution.CoercedVariables;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The query limits' measure on the served schema (graphql/schema.graphqls), without the service: depth, aliases,
 * the largest first and the cost of docs/configuration.md, each worked out by hand. (The refusals over HTTP, with
 * their messages and the limits' defaults: {@link QueryLimitsTest}.)
 */
@Tag("fast")
class QueryCostTest {

    static final int DEFAULT_PAGE_SIZE = 20;
    static GraphQLSchema schema;

    @BeforeAll
    static void servedSchema() throws IOException {
        schema = UnExecutableSchemaGenerator.makeUnExecutableSchema(new SchemaParser().parse(Files.readString(Path.of("graphql/schema.graphqls"))));
    }

    static QueryCost cost(String query) {
        return cost(query, FanoutEstimate.NONE);
    }

    static QueryCost cost(String query, FanoutEstimate fanout) {
        return QueryCost.measure(QueryTraverser.newQueryTraverser().schema(schema).document(Parser.parse(query))
                .coercedVariables(CoercedVariables.emptyVariables()).build(), DEFAULT_PAGE_SIZE, fanout);
    }

    @Test
    void the_cost_of_the_configuration_pages_example_weighs_the_datas_fanout() {
        // the page's store: 120 parks, 2 organizations per park, 1 process per organization
        FanoutEstimate store = new FanoutEstimate() {
            @Override
            public OptionalDouble average(String type, String field) {
                return type.equals("Park") && field.equals("organizations") ? OptionalDouble.of(2)
                        : type.equals("Organization") && field.equals("processes") ? OptionalDouble.of(1) : OptionalDouble.empty();
            }

            @Override
            public OptionalDouble records(String queryField) {
                return queryField.equals("parks") ? OptionalDouble.of(120) : OptionalDouble.empty();
            }
        };
        // processes = 1 + 1 × (id 1) = 2; organizations = 1 + 2 × (id 1 + name 1 + processes 2) = 9
        // nodes = 1 + 100 × (id 1 + organizations 9) = 1001; parks = 1 + 1001 = 1002
        var cost = cost("{ parks(first: 100) { nodes { id organizations { id name processes { id } } } } }", store);
        assertThat(cost.complexity()).isEqualTo(1002);
    }

    @Test
    void without_statistics_an_unpaged_relationship_list_weighs_the_default_page_size() {
        // organizations (a relationship list, not paged: weight 20) = 1 + 20 × (id 1 + name 1) = 41
        // nodes (the connection's list: weight = parks' first, 100) = 1 + 100 × (id 1 + organizations 41) = 4201
        // parks (not a list itself) = 1 + 4201 = 4202
        var cost = cost("{ parks(first: 100) { nodes { id organizations { id name } } } }");
        assertThat(cost.complexity()).isEqualTo(4202);
        assertThat(cost.largestFirst()).isEqualTo(100);
    }

    @Test
    void depth_counts_nested_fields_from_one_and_leaves_introspection_out() {
        // parks 1 → nodes 2 → organizations 3 → name 4; __typename neither costs nor counts
        var cost = cost("{ __typename parks(first: 1) { nodes { organizations { name __typename } } } }");
        assertThat(cost.depth()).isEqualTo(4);
        // organizations 1 + 20 × 1 = 21; nodes 1 + 1 × 21 = 22; parks 1 + 22 = 23
        assertThat(cost.complexity()).isEqualTo(23);
    }

    @Test
    void aliases_are_counted_and_each_aliased_field_costs_its_own() {
        // two aliased parks: each 1 + (nodes 1 + 2 × (id 1)) = 1 + 3 = 4 → 8
        var cost = cost("{ a: parks(first: 2) { nodes { id } } b: parks(first: 2) { nodes { id } } }");
        assertThat(cost.aliases()).isEqualTo(2);
        assertThat(cost.complexity()).isEqualTo(8);
    }
}
