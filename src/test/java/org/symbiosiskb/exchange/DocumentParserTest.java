package org.symbiosiskb.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.symbiosiskb.exchange.Documents.record;
import static org.symbiosiskb.exchange.Documents.records;
import static org.symbiosiskb.exchange.Documents.smallPark;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.symbiosiskb.api.Problem;

/**
 * Step 1 of an import without the database: the structural rules of docs/spec/model.md, each refusal with its JSON
 * pointer, every problem reported. (That such a document gets 422 over HTTP and writes nothing, and the rules that
 * need the database: {@link DatasetValidationTest}.)
 */
@Tag("fast")
class DocumentParserTest {

    /** Parses the document, expects exactly these pointers, and returns the messages. */
    private static List<String> refused(Map<String, Object> doc, String... pointers) {
        var parsed = new DocumentParser().parse(doc);
        assertThat(parsed.problems()).extracting(Problem::pointer).as(parsed.problems().toString()).containsExactlyInAnyOrder(pointers);
        return parsed.problems().stream().map(Problem::message).toList();
    }

    @Test
    void the_small_park_is_well_formed() {
        var parsed = new DocumentParser().parse(smallPark());
        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.partner()).isEqualTo("fi");
        // 1 network + 1 park + 3 organizations + 2 processes + 2 emissions + 1 side stream + 1 flow + 1 need
        // + 1 carbon sink + 1 offset agreement = 14
        assertThat(parsed.records()).hasSize(14);
        assertThat(parsed.records()).allMatch(r -> r.owner().equals("fi"));
    }

    @Test
    void a_document_that_is_not_an_object_is_refused_at_its_root() {
        assertThat(new DocumentParser().parse(List.of()).problems()).containsExactly(new Problem("", "the document must be a JSON object"));
    }

    @Test
    void a_record_outside_the_partners_namespace_is_refused() {
        var doc = smallPark();
        record(doc, "parks", 0).put("id", "se:park");
        // Structural problems come first: references into the refused record are checked once the document is well-formed.
        var messages = refused(doc, "/parks/0/id");
        assertThat(messages.getFirst()).contains("outside this document's partner namespace");
    }

    @Test
    void a_missing_required_field_is_refused() {
        var doc = smallPark();
        record(doc, "sideStreams", 0).remove("unit");
        record(doc, "carbonSinks", 0).remove("location");
        assertThat(refused(doc, "/sideStreams/0/unit", "/carbonSinks/0/location")).allMatch(m -> m.equals("is required"));
    }

    @Test
    void a_malformed_id_is_refused() {
        var doc = smallPark();
        record(doc, "networks", 0).put("id", "FI:Net work");
        record(doc, "parks", 0).put("networks", List.of("FI:Net work"));
        refused(doc, "/networks/0/id", "/parks/0/networks/0");
    }

    @Test
    void a_malformed_ewc_code_is_refused() {
        var doc = smallPark();
        record(doc, "sideStreams", 0).put("ewc", "100202");
        assertThat(refused(doc, "/sideStreams/0/ewc").getFirst()).contains("\"10 02 02\"");
    }

    @Test
    void a_side_stream_classified_by_a_chapter_only_is_refused() {
        var doc = smallPark();
        record(doc, "sideStreams", 0).put("ewc", "10");
        refused(doc, "/sideStreams/0/ewc");
    }

    @Test
    void a_malformed_year_is_refused() {
        var doc = smallPark();
        record(doc, "emissions", 0).put("year", "2024");
        record(doc, "flows", 0).put("fromYear", 24);
        refused(doc, "/emissions/0/year", "/flows/0/fromYear");
    }

    @Test
    void a_coordinate_out_of_range_is_refused() {
        var doc = smallPark();
        record(doc, "parks", 0).put("location", Map.of("lat", 91, "lon", 24.5));
        record(doc, "carbonSinks", 0).put("location", Map.of("lat", 65, "lon", -180.5));
        refused(doc, "/parks/0/location/lat", "/carbonSinks/0/location/lon");
    }

    @Test
    void a_negative_quantity_is_refused() {
        var doc = smallPark();
        record(doc, "flows", 0).put("quantity", -5);
        record(doc, "sideStreams", 0).put("quantity", 0);
        var messages = refused(doc, "/flows/0/quantity", "/sideStreams/0/quantity");
        assertThat(messages).allMatch(m -> m.startsWith("must be greater than 0"));
    }

    @Test
    void a_negative_emission_is_refused() {
        var doc = smallPark();
        record(doc, "emissions", 0).put("tCO2e", -1);
        refused(doc, "/emissions/0/tCO2e");
    }

    @Test
    void an_unknown_enum_value_is_refused() {
        var doc = smallPark();
        record(doc, "carbonSinks", 0).put("kind", "OCEAN");
        record(doc, "sideStreams", 0).put("unit", "kg");
        var messages = refused(doc, "/carbonSinks/0/kind", "/sideStreams/0/unit");
        assertThat(messages).anyMatch(m -> m.equals("must be one of [FOREST, WETLAND, SOIL, BIOCHAR, MINERALISATION, CCS, OTHER], found \"OCEAN\""));
    }

    @Test
    void two_records_with_the_same_id_are_refused() {
        var doc = smallPark();
        records(doc, "carbonSinks").add(new HashMap<>(record(doc, "carbonSinks", 0)));
        records(doc, "needs").add(new HashMap<>(Map.of("id", "fi:park", "process", "fi:paving", "quantity", 1, "unit", "t", "material", "sand")));
        var messages = refused(doc, "/carbonSinks/1/id", "/needs/1/id");
        assertThat(messages).contains("fi:forest appears twice in the document; first at /carbonSinks/0",
                "fi:park appears twice in the document; first at /parks/0");
    }

    @Test
    void every_problem_is_reported_not_just_the_first() {
        var doc = smallPark();
        record(doc, "parks", 0).put("country", "Finland");
        record(doc, "emissions", 0).put("scope", 4);
        record(doc, "emissions", 1).put("scope", 2);   // category 1 is only for scope 3
        record(doc, "needs", 0).remove("ewc");         // a need names an ewc, a material or both
        records(doc, "bogus").add(Map.of());
        refused(doc, "/parks/0/country", "/emissions/0/scope", "/emissions/1/category", "/needs/0", "/bogus");
    }
}
