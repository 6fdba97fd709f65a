package org.symbiosiskb.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.symbiosiskb.exchange.Documents.record;
import static org.symbiosiskb.exchange.Documents.records;
import static org.symbiosiskb.exchange.Documents.smallPark;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.symbiosiskb.support.Http;
import org.symbiosiskb.support.KbTest;

/** POST /api/v1/datasets and GET /api/v1/datasets/{partner} over real HTTP against a real Neo4j. */
@KbTest
class DatasetImportTest {

    @LocalServerPort
    int port;
    @Autowired
    Neo4jClient neo4j;
    Http http;

    @BeforeEach
    void emptyDatabase() {
        neo4j.query("MATCH (n) DETACH DELETE n").run();
        http = new Http(port);
    }

    long count(String cypher) {
        return neo4j.query(cypher).fetchAs(Long.class).one().orElseThrow();
    }

    @Test
    void a_valid_document_creates_every_record_and_its_relationships() {
        var response = http.post("/api/v1/datasets", smallPark());

        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        // 1 network + 1 park + 3 organizations + 2 processes + 2 emissions + 1 side stream + 1 flow
        // + 1 need + 1 sink + 1 agreement = 14
        assertThat(response.body().get("created").asInt()).isEqualTo(14);
        assertThat(response.body().get("byType").get("organizations").get("created").asInt()).isEqualTo(3);
        assertThat(count("MATCH (:Organization {id:'fi:steel'})-[:OPERATES]->(:Process {id:'fi:smelter'})-[:PRODUCES]->(:SideStream {id:'fi:slag'})-[f:SUPPLIES {id:'fi:slag-to-paving'}]->(:Process {id:'fi:paving'}) RETURN count(f)")).isEqualTo(1);
        assertThat(count("MATCH (:Park {id:'fi:park'})-[:MEMBER_OF]->(:Network {id:'fi:net'})<-[:COORDINATES]-(:Organization {id:'fi:coord'}) RETURN count(*)")).isEqualTo(1);
        assertThat(count("MATCH (:SideStream {id:'fi:slag'})-[:CLASSIFIED_AS]->(:WasteCode {code:'10 02 02'})-[:IN]->(:WasteCode {code:'10 02'})-[:IN]->(:WasteCode {code:'10'}) RETURN count(*)")).isEqualTo(1);
        assertThat(count("MATCH (:Need {id:'fi:need-aggregate'})-[:CLASSIFIED_AS]->(:WasteCode {code:'10 02'}) RETURN count(*)")).isEqualTo(1);
        assertThat(count("MATCH (:OffsetAgreement {id:'fi:oa-1'})-[:FROM_SINK]->(:CarbonSink {id:'fi:forest'})<-[:OWNS]-(:Organization {id:'fi:coord'}) RETURN count(*)")).isEqualTo(1);
        assertThat(count("MATCH (:Process {id:'fi:smelter'})-[:REPORTED]->(e:Emission) RETURN count(e)")).isEqualTo(2);
        assertThat(count("MATCH (p:Park {id:'fi:park'}) WHERE p.location.latitude = 65.73 AND p.source = 'fi' AND p.updatedAt IS NOT NULL RETURN count(p)")).isEqualTo(1);
    }

    @Test
    void importing_the_same_document_twice_changes_nothing_the_second_time() {
        http.post("/api/v1/datasets", smallPark());
        long relationshipsBefore = count("MATCH ()-[r]->() RETURN count(r)");

        var second = http.post("/api/v1/datasets", smallPark());

        assertThat(second.status()).isEqualTo(200);
        assertThat(second.body().get("unchanged").asInt()).as(second.raw()).isEqualTo(14);
        assertThat(second.body().get("created").asInt()).isZero();
        assertThat(second.body().get("updated").asInt()).isZero();
        assertThat(count("MATCH ()-[r]->() RETURN count(r)")).isEqualTo(relationshipsBefore);
    }

    @Test
    void a_changed_record_is_updated_and_its_references_follow() {
        http.post("/api/v1/datasets", smallPark());
        var doc = smallPark();
        record(doc, "processes", 1).put("operator", "fi:steel");
        record(doc, "flows", 0).put("quantity", 250);

        var response = http.post("/api/v1/datasets", doc);

        assertThat(response.body().get("updated").asInt()).as(response.raw()).isEqualTo(2);
        assertThat(count("MATCH (o:Organization)-[:OPERATES]->(:Process {id:'fi:paving'}) RETURN count(o)")).isEqualTo(1);
        assertThat(count("MATCH (:Organization {id:'fi:steel'})-[:OPERATES]->(p:Process) RETURN count(p)")).isEqualTo(2);
        assertThat(count("MATCH ()-[f:SUPPLIES {id:'fi:slag-to-paving'}]->() WHERE f.quantity = 250.0 RETURN count(f)")).isEqualTo(1);
    }

    @Test
    void dry_run_validates_and_counts_but_writes_nothing() {
        var response = http.post("/api/v1/datasets?dryRun=true", smallPark());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().get("created").asInt()).isEqualTo(14);
        assertThat(count("MATCH (n) RETURN count(n)")).isZero();
    }

    @Test
    void deleted_records_are_removed_with_their_emissions() {
        http.post("/api/v1/datasets", smallPark());
        var doc = Documents.document("fi");
        records(doc, "flows").add(Map.of("id", "fi:slag-to-paving", "deleted", true));
        records(doc, "sideStreams").add(Map.of("id", "fi:slag", "deleted", true));
        records(doc, "processes").add(Map.of("id", "fi:smelter", "deleted", true));

        var response = http.post("/api/v1/datasets", doc);

        assertThat(response.body().get("deleted").asInt()).as(response.raw()).isEqualTo(3);
        assertThat(count("MATCH (n:Record) WHERE n.id IN ['fi:slag', 'fi:smelter'] RETURN count(n)")).isZero();
        assertThat(count("MATCH (e:Emission) RETURN count(e)")).isZero();
        assertThat(count("MATCH ()-[f:SUPPLIES]->() RETURN count(f)")).isZero();
    }

    @Test
    void a_deleted_record_written_again_loses_its_tombstone_and_others_keep_theirs() {
        http.post("/api/v1/datasets", smallPark());
        var deletion = Documents.document("fi");
        records(deletion, "flows").add(Map.of("id", "fi:slag-to-paving", "deleted", true));
        records(deletion, "needs").add(Map.of("id", "fi:need-aggregate", "deleted", true));
        assertThat(http.post("/api/v1/datasets", deletion).status()).isEqualTo(200);
        assertThat(count("MATCH (t:Tombstone {partner: 'fi'}) RETURN count(t)")).isEqualTo(2);

        var again = Documents.document("fi");
        records(again, "flows").add(record(smallPark(), "flows", 0));
        var response = http.post("/api/v1/datasets", again);

        assertThat(response.body().get("created").asInt()).as(response.raw()).isEqualTo(1);
        // the flow is back: a harvester must not learn of its deletion any more; the need is still deleted
        assertThat(count("MATCH (t:Tombstone) RETURN count(t)")).isEqualTo(1);
        assertThat(count("MATCH (t:Tombstone {key: 'fi:need-aggregate'}) RETURN count(t)")).isEqualTo(1);
    }

    @Test
    void a_record_others_still_require_cannot_be_deleted() {
        http.post("/api/v1/datasets", smallPark());
        var doc = Documents.document("fi");
        records(doc, "processes").add(Map.of("id", "fi:smelter", "deleted", true));

        var response = http.post("/api/v1/datasets", doc);

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.raw()).contains("fi:slag still requires it");
        assertThat(count("MATCH (p:Process {id:'fi:smelter'}) RETURN count(p)")).isEqualTo(1);
    }

    @Test
    void a_reference_to_another_partners_record_creates_a_placeholder() {
        http.post("/api/v1/datasets", smallPark());
        var doc = Documents.document("fi");
        records(doc, "flows").add(Map.of("id", "fi:swedish-slag", "sideStream", "se:hoganas-slag",
                "consumer", "fi:paving", "quantity", 50));

        var response = http.post("/api/v1/datasets", doc);

        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        // the flow takes from Sweden's stream: it waits for Sweden's consent before it counts (docs/partners.md, Consent)
        assertThat(count("""
                MATCH (s:SideStream:Record {id:'se:hoganas-slag', placeholder: true, source: 'se'})
                      -[f:PROPOSED_SUPPLIES {consent: 'AWAITING', party: 'se'}]->(:Process {id:'fi:paving'})
                RETURN count(s)""")).isEqualTo(1);
    }

    @Test
    void export_then_import_into_an_empty_database_gives_an_identical_export() {
        http.post("/api/v1/datasets", smallPark());
        var first = http.get("/api/v1/datasets/fi");
        assertThat(first.status()).isEqualTo(200);

        neo4j.query("MATCH (n) DETACH DELETE n").run();
        var reimport = http.postRaw("/api/v1/datasets", first.raw());
        var second = http.get("/api/v1/datasets/fi");

        assertThat(reimport.status()).as(reimport.raw() + "\n" + first.raw()).isEqualTo(200);
        assertThat(reimport.body().get("created").asInt()).isEqualTo(14);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(second.body().get("flows").get(0).get("sideStream").asString()).isEqualTo("fi:slag");
        assertThat(second.body().get("parks").get(0).get("networks").get(0).asString()).isEqualTo("fi:net");
    }

    @Test
    void a_body_over_the_configured_limit_gets_413_naming_the_limit() {
        var doc = smallPark();
        doc.put("description", "x".repeat(6 * 1024 * 1024));

        var response = http.post("/api/v1/datasets", doc);

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.raw()).contains("document size exceeds kb.limits.max-body-size 5MB");
    }

    @Test
    void malformed_json_gets_400_naming_the_problem() {
        var response = http.postRaw("/api/v1/datasets", "{\"format\": ");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().get("errors").get(0).get("message").asString()).startsWith("the body is not valid JSON");
    }
}
