package org.symbiosiskb.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neo4j.graphdb.ExecutionPlanDescription;
import org.neo4j.graphdb.GraphDatabaseService;
import org.symbiosiskb.support.TestDatabase;

/**
 * "A flow by its id" ({@link FlowById}) finds both kinds of flow, keeps or drops the row as asked, and is planned as
 * one seek of each type's id index, whatever the store holds.
 */
class FlowByIdTest {

    static GraphDatabaseService db;

    @BeforeAll
    static void schemaAndTwoFlows() {
        db = TestDatabase.get().defaultDatabaseService();
        for (String statement : CypherScript.load("cypher/schema.cypher").statements()) {
            db.executeTransactionally(statement);
        }
        db.executeTransactionally("CALL db.awaitIndexes(60)");
        db.executeTransactionally("MATCH ()-[f:SUPPLIES|PROPOSED_SUPPLIES]->() WHERE f.id STARTS WITH 'flowbyid:' DELETE f");
        db.executeTransactionally("""
                MERGE (s:Record:SideStream {id: 'flowbyid:stream'}) MERGE (c:Record:Process {id: 'flowbyid:consumer'})
                CREATE (s)-[:SUPPLIES {id: 'flowbyid:agreed', quantity: 1.0}]->(c)
                CREATE (s)-[:PROPOSED_SUPPLIES {id: 'flowbyid:proposed', quantity: 2.0}]->(c)""");
    }

    @AfterAll
    static void removeThem() {
        // the harness is shared by the whole test run: leave nothing behind
        db.executeTransactionally("MATCH (n:Record) WHERE n.id STARTS WITH 'flowbyid:' DETACH DELETE n");
    }

    private static List<Map<String, Object>> rows(String statement) {
        return db.executeTransactionally(statement, Map.of("ids", List.of("flowbyid:agreed", "flowbyid:proposed", "flowbyid:none")),
                result -> result.stream().toList());
    }

    @Test
    void call_finds_a_counting_and_a_proposed_flow_and_drops_an_unknown_id() {
        var found = rows("UNWIND $ids AS id\n" + FlowById.call("id", "id", "f") + "RETURN id, type(f) AS type ORDER BY id");

        assertThat(found).extracting(r -> r.get("id") + " " + r.get("type"))
                .containsExactly("flowbyid:agreed SUPPLIES", "flowbyid:proposed PROPOSED_SUPPLIES");
    }

    @Test
    void optional_call_keeps_the_row_of_an_unknown_id_with_no_flow() {
        var found = rows("UNWIND $ids AS row WITH {key: row} AS row\n" + FlowById.optionalCall("row", "row.key", "f")
                + "RETURN row.key AS id, f.quantity AS quantity ORDER BY id");

        assertThat(found).extracting(r -> r.get("id") + " " + r.get("quantity"))
                .containsExactly("flowbyid:agreed 1.0", "flowbyid:none null", "flowbyid:proposed 2.0");
    }

    @Test
    void each_branch_is_a_seek_of_its_types_id_index() {
        var plan = db.executeTransactionally("EXPLAIN UNWIND $ids AS id\n" + FlowById.optionalCall("id", "id", "f") + "RETURN f",
                Map.of("ids", List.of("x")), result -> result.getExecutionPlanDescription());

        var operators = new ArrayList<String>();
        collect(plan, operators);
        // DirectedRelationshipUniqueIndexSeek: each id index is the one of its type's uniqueness constraint
        assertThat(operators.stream().filter(o -> o.matches("\\w*Relationship\\w*IndexSeek"))).as(operators.toString()).hasSize(2);
        assertThat(operators).as("no scan of an index or of a type").noneMatch(o -> o.contains("Scan"));
    }

    private static void collect(ExecutionPlanDescription plan, List<String> operators) {
        operators.add(plan.getName());
        plan.getChildren().forEach(child -> collect(child, operators));
    }
}
