package org.symbiosiskb.api.translation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import graphql.ExecutionInput;
import graphql.GraphQL;
import graphql.execution.AsyncExecutionStrategy;
import graphql.execution.ExecutionStrategy;
import graphql.execution.SimpleDataFetcherExceptionHandler;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The one-pass completion of held records gives exactly what graphql-java's own completion gives: the same
 * query against the same values, once with each strategy, compares the whole answer (data and errors). The
 * counters show which way each record went, so a test that only ever took the standard way would fail.
 */
@Tag("fast")
class HeldCompletionTest {

    private static final String SDL = """
            type Query { parks: [Park!]!, page: ParkPage }
            type Park {
              id: ID!, name: String, kind: Kind, area: Float, processes: Int, open: Boolean, tags: [String!]
              organizations: [Organization!]!, biggest: Organization, location: Location
              resolved: String, strict: String!
            }
            type Organization { id: ID!, name: String }
            type Location { latitude: Float!, longitude: Float! }
            type ParkPage { nodes: [Park!]!, totalCount: Int!, pageInfo: Info! }
            type Info { hasNextPage: Boolean!, endCursor: String }
            enum Kind { INDUSTRIAL, CHEMICAL }
            """;

    /** A value object read by accessor, as the service's Location and PageInfo records are. */
    public record Location(double latitude, double longitude) {
    }

    public record Info(boolean hasNextPage, String endCursor) {
    }

    private static Translated organization(String id, String name) {
        var o = new Translated(2);
        o.put("id", id);
        o.put("name", name);
        return o;
    }

    /** Two parks as a statement would hold them: Kemi-Tornio's values are whole, Kokkola's has nulls where allowed. */
    private static List<Translated> parks(Object strictOfSecond) {
        var kemi = new Translated(12);
        kemi.put("id", "fi:kemi-tornio");
        kemi.put("name", "Kemi-Tornio");
        kemi.put("kind", "INDUSTRIAL");
        kemi.put("area", 12.5);
        kemi.put("processes", 3L);
        kemi.put("open", true);
        kemi.put("tags", List.of("steel", "slag"));
        kemi.put("organizations", List.of(organization("fi:outokumpu", "Outokumpu"), organization("fi:befesa", "Befesa")));
        kemi.put("biggest", organization("fi:outokumpu", "Outokumpu"));
        kemi.put("location", new Location(65.73, 24.57));
        kemi.put("strict", "yes");
        var kokkola = new Translated(12);
        kokkola.put("id", "fi:kokkola");
        kokkola.put("name", null);
        kokkola.put("kind", null);
        kokkola.put("area", null);
        kokkola.put("processes", null);
        kokkola.put("open", false);
        kokkola.put("tags", null);
        kokkola.put("organizations", List.of());
        kokkola.put("biggest", null);
        kokkola.put("location", null);
        kokkola.put("strict", strictOfSecond);
        return List.of(kemi, kokkola);
    }

    private static GraphQLSchema schema(List<Translated> parks) {
        var page = new Translated.PageConnection(3);
        page.put("nodes", parks);
        page.put("totalCount", 2L);
        page.put("pageInfo", new Info(false, "Zmk6a29ra29sYQ=="));
        var wiring = RuntimeWiring.newRuntimeWiring()
                .type("Query", t -> t.dataFetcher("parks", env -> parks).dataFetcher("page", env -> page))
                .type("Park", t -> t
                        .dataFetcher("organizations", new TranslationWiring.HeldOrLoaded(null, "organizations", null))
                        .dataFetcher("biggest", new TranslationWiring.HeldOrLoaded(null, "biggest", null))
                        .dataFetcher("resolved", env -> "by the feature"))
                .build();
        return new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(SDL), wiring);
    }

    private static Map<String, Object> run(GraphQLSchema schema, ExecutionStrategy strategy, String query, Map<String, Object> variables) {
        var graphQl = GraphQL.newGraphQL(schema).queryExecutionStrategy(strategy).build();
        return graphQl.execute(ExecutionInput.newExecutionInput(query).variables(variables).build()).toSpecification();
    }

    private static HeldCompletion held() {
        return new HeldCompletion(new SimpleDataFetcherExceptionHandler());
    }

    private static Map<String, Object> standard(GraphQLSchema schema, String query, Map<String, Object> variables) {
        return run(schema, new AsyncExecutionStrategy(new SimpleDataFetcherExceptionHandler()), query, variables);
    }

    /** Equal values of equal Java types (an Int is an Integer either way), and keys in the same order (toString follows it). */
    private static void assertSameAnswer(Map<String, Object> answer, Map<String, Object> standard) {
        assertThat(answer).isEqualTo(standard);
        assertThat(answer.toString()).isEqualTo(standard.toString());
    }

    @Test
    void held_records_complete_to_exactly_what_graphql_java_gives() {
        var schema = schema(parks("also"));
        String query = """
                query($withArea: Boolean!, $skipTags: Boolean!) {
                  parks {
                    __typename id label: name kind area @include(if: $withArea) processes open tags @skip(if: $skipTags)
                    ...Members
                    biggest { ... on Organization { id } name }
                    location { latitude longitude }
                  }
                  page { totalCount pageInfo { hasNextPage endCursor } nodes { id first: organizations { id } } }
                }
                fragment Members on Park { organizations { id name __typename } }
                """;
        for (var variables : List.<Map<String, Object>>of(Map.of("withArea", true, "skipTags", false), Map.of("withArea", false, "skipTags", true))) {
            var strategy = held();
            var answer = run(schema, strategy, query, variables);

            assertSameAnswer(answer, standard(schema, query, variables));
            assertThat(answer).doesNotContainKey("errors");
            // the 2 parks under `parks`, and the page (a held record too, its nodes completed with it): 2 + 1
            assertThat(strategy.heldRecords()).isEqualTo(3);
            assertThat(strategy.declinedRecords()).isZero();
        }
        // and the values are the held ones, in the selection's order (one checked by hand)
        var answer = run(schema, held(), "{ parks { id kind processes tags organizations { name } } }", Map.of());
        assertThat(answer.get("data").toString()).isEqualTo("{parks=[{id=fi:kemi-tornio, kind=INDUSTRIAL, processes=3, tags=[steel, slag], "
                + "organizations=[{name=Outokumpu}, {name=Befesa}]}, {id=fi:kokkola, kind=null, processes=null, tags=null, organizations=[]}]}");
    }

    @Test
    void a_field_under_several_aliases_reads_the_value_held_for_each_alias() {
        var parks = parks("also");
        var kemi = parks.getFirst();
        kemi.put("organizations", new Translated.Aliased(Map.of(
                "steel", List.of(organization("fi:outokumpu", "Outokumpu")),
                "zinc", List.of(organization("fi:befesa", "Befesa")))));
        var schema = schema(List.of(kemi));
        String query = "{ parks { steel: organizations { id } zinc: organizations { name } } }";
        var strategy = held();

        var answer = run(schema, strategy, query, Map.of());

        assertSameAnswer(answer, standard(schema, query, Map.of()));
        assertThat(answer.get("data").toString()).isEqualTo("{parks=[{steel=[{id=fi:outokumpu}], zinc=[{name=Befesa}]}]}");
        assertThat(strategy.heldRecords()).isEqualTo(1);
    }

    @Test
    void a_field_a_feature_resolves_sends_the_record_to_the_standard_completion() {
        var schema = schema(parks("also"));
        String query = "{ parks { id resolved organizations { id } } }";
        var strategy = held();

        var answer = run(schema, strategy, query, Map.of());

        assertSameAnswer(answer, standard(schema, query, Map.of()));
        // Park is not taken (resolved is the feature's); its organizations, all held, still are: 2 + 0
        assertThat(strategy.heldRecords()).isEqualTo(2);
    }

    @Test
    void a_null_in_a_non_null_field_gets_graphql_javas_error_and_nulls_what_it_would() {
        var schema = schema(parks(null));
        String query = "{ parks { id strict } }";
        var strategy = held();

        var answer = run(schema, strategy, query, Map.of());

        assertSameAnswer(answer, standard(schema, query, Map.of()));
        assertThat(answer.get("data")).isNull(); // [Park!]! bubbles to the root
        assertThat((List<?>) answer.get("errors")).hasSize(1);
        assertThat(strategy.heldRecords()).isEqualTo(1); // Kemi-Tornio; Kokkola went the standard way
        assertThat(strategy.declinedRecords()).isEqualTo(1);
    }

    @Test
    void a_value_the_scalar_refuses_gets_graphql_javas_error() {
        var parks = parks("also");
        parks.getFirst().put("processes", "three"); // Int cannot serialize text
        var schema = schema(parks);
        String query = "{ parks { id processes } }";
        var strategy = held();

        var answer = run(schema, strategy, query, Map.of());

        assertSameAnswer(answer, standard(schema, query, Map.of()));
        assertThat(answer.get("errors").toString()).contains("processes");
        assertThat(strategy.declinedRecords()).isEqualTo(1);
    }
}
