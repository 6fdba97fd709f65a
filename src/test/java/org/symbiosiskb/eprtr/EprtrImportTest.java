package org.symbiosiskb.eprtr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.symbiosiskb.support.Http;
import org.symbiosiskb.support.KbTest;
import tools.jackson.databind.JsonNode;

/**
 * POST /api/v1/imports/eprtr over real HTTP against a real Neo4j, with the small extract of real
 * rows (EprtrBadFileTest): a dry run writes nothing and counts what a write does, a write goes
 * through the ordinary import (so importing again changes nothing), a bad file is refused at its
 * line with nothing written, and the progress stream carries the pipeline's own counts.
 */
@KbTest
class EprtrImportTest {

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

    record Answer(int status, String contentType, String body) {
        JsonNode json() {
            return Http.json().readTree(body);
        }
    }

    static Map<String, byte[]> files(String facilities, String releases, String waste) {
        var files = new LinkedHashMap<String, byte[]>();
        files.put("facilities", facilities.getBytes(StandardCharsets.UTF_8));
        files.put("releases", releases.getBytes(StandardCharsets.UTF_8));
        files.put("wasteTransfers", waste.getBytes(StandardCharsets.UTF_8));
        return files;
    }

    static Map<String, byte[]> smallExtract() {
        return files(EprtrBadFileTest.FACILITIES, EprtrBadFileTest.RELEASES, EprtrBadFileTest.WASTE);
    }

    Answer upload(String query, Map<String, byte[]> files, String accept) {
        return upload(port, query, files, accept);
    }

    /** A multipart POST as a browser or the command line sends it. */
    static Answer upload(int port, String query, Map<String, byte[]> files, String accept) {
        try {
            String boundary = "test-boundary-1234";
            var parts = new ArrayList<EprtrFiles.Upload>();
            files.forEach((part, bytes) -> parts.add(new EprtrFiles.Upload(part, part + ".csv", bytes)));
            var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/imports/eprtr?" + query))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(EprtrCommand.multipart(parts, boundary)));
            if (accept != null) {
                request.header("Accept", accept);
            }
            var response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                    .send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void a_dry_run_counts_what_the_import_writes_and_writes_nothing() {
        var dry = upload("partner=fi&dryRun=true", smallExtract(), null);

        assertThat(dry.status()).as(dry.body()).isEqualTo(200);
        // 1 operator + 1 facility + 1 emission record + 3 releases + 1 side stream = 7
        assertThat(dry.json().get("created").asInt()).isEqualTo(7);
        assertThat(dry.json().get("dryRun").asBoolean()).isTrue();
        assertThat(dry.json().get("conversion").get("rows").get("releases").asInt()).isEqualTo(3);
        assertThat(count("MATCH (n) RETURN count(n)")).isZero();

        var written = upload("partner=fi", smallExtract(), null);
        assertThat(written.json().get("created").asInt()).isEqualTo(7);
        assertThat(written.json().get("byType").get("releases").get("created").asInt()).isEqualTo(3);
        // 2 520 000 t CO2 excluding biomass + 24 300 kg N2O × 265 / 1000 = 2 526 439.5 t CO2e
        var emission = http.graphql("""
                { process(id: "fi:eprtr-0000001866") { name eprtrId activityCode city country status operator { name }
                    emissions { year scope tCO2e biogenicCO2 counted provenance { kind source method } } } }""")
                .body().get("data").get("process");
        assertThat(emission.get("eprtrId").asString()).endsWith("/0000001866.ProductionFacility");
        assertThat(emission.get("operator").get("name").asString()).isEqualTo("Neste Oyj");
        var e = emission.get("emissions").get(0);
        assertThat(e.get("tCO2e").asDouble()).isCloseTo(2_526_439.5, within(1e-9));
        assertThat(e.get("provenance").get("kind").asString()).isEqualTo("REPORTED");
        assertThat(e.get("provenance").get("source").asString()).isEqualTo("E-PRTR 2023");
        assertThat(e.get("provenance").get("method").asString()).isEqualTo("MEASURED");
        assertThat(e.get("counted").asBoolean()).isTrue();

        var again = upload("partner=fi", smallExtract(), null);
        assertThat(again.json().get("unchanged").asInt()).as(again.body()).isEqualTo(7);
        assertThat(again.json().get("created").asInt() + again.json().get("updated").asInt()).isZero();
    }

    @Test
    void a_newer_extract_updates_what_changed() {
        upload("partner=fi", smallExtract(), null);
        var newer = upload("partner=fi", files(EprtrBadFileTest.FACILITIES, EprtrBadFileTest.RELEASES.replace(";24300.0;", ";24400.0;"),
                EprtrBadFileTest.WASTE), null);
        // the N2O release and the emission record computed from it
        assertThat(newer.json().get("updated").asInt()).as(newer.body()).isEqualTo(2);
        assertThat(newer.json().get("unchanged").asInt()).isEqualTo(5);
    }

    @Test
    void a_bad_file_is_refused_at_its_line_and_nothing_is_written() {
        var refused = upload("partner=fi", files(EprtrBadFileTest.FACILITIES, EprtrBadFileTest.RELEASES.replace(";AIR;24300.0;", ";AIR;lots;"),
                EprtrBadFileTest.WASTE), null);

        assertThat(refused.status()).isEqualTo(422);
        var error = refused.json().get("errors").get(0);
        assertThat(error.get("file").asString()).isEqualTo("releases.csv");
        assertThat(error.get("line").asInt()).isEqualTo(4);
        assertThat(error.get("column").asString()).isEqualTo("totalPollutantQuantityKg");
        assertThat(error.get("pointer").asString()).isEqualTo("/releases/4/totalPollutantQuantityKg");
        assertThat(count("MATCH (n) RETURN count(n)")).isZero();
    }

    @Test
    void a_problem_the_import_finds_is_reported_at_the_row_it_came_from() {
        // fi:eprtr-0000001866 taken by another record type: the import refuses the converted process
        http.post("/api/v1/datasets", Map.of("format", "symbiosis-kb/1", "partner", "fi",
                "organizations", List.of(Map.of("id", "fi:eprtr-0000001866", "name", "Not a facility"))));

        var refused = upload("partner=fi", smallExtract(), null);

        assertThat(refused.status()).isEqualTo(422);
        var error = refused.json().get("errors").get(0);
        assertThat(error.get("file").asString()).isEqualTo("facilities.csv");
        assertThat(error.get("line").asInt()).isEqualTo(2);
        assertThat(error.get("column").asString()).isEqualTo("facilityId");
        assertThat(error.get("message").asString()).contains("fi:eprtr-0000001866 already exists as an Organization");
        assertThat(count("MATCH (n:Process) RETURN count(n)")).isZero();
    }

    @Test
    void the_progress_stream_carries_the_pipelines_own_counts() {
        var streamed = upload("partner=fi", smallExtract(), "application/x-ndjson");

        assertThat(streamed.status()).isEqualTo(200);
        assertThat(streamed.contentType()).startsWith("application/x-ndjson");
        var events = new ArrayList<JsonNode>();
        streamed.body().lines().forEach(l -> events.add(Http.json().readTree(l)));
        assertThat(events).extracting(e -> e.get("event").asString())
                .containsExactly("read", "read", "read", "converted", "planned", "written", "written", "written", "written", "written", "done");
        assertThat(events.get(1).get("rows").asInt()).isEqualTo(3);
        assertThat(events.get(3).get("records").asInt()).isEqualTo(7);
        assertThat(events.get(4).get("created").asInt()).isEqualTo(7);
        // the writer's count after each batch, in its write order: the operator (1), the facility (2), its emission
        // record (3), its three releases (6), its side stream (7), of 7
        assertThat(events.subList(5, 10)).extracting(e -> e.get("records").asInt() + "/" + e.get("of").asInt())
                .containsExactly("1/7", "2/7", "3/7", "6/7", "7/7");
        assertThat(events.get(10).get("result").get("created").asInt()).isEqualTo(7);
        assertThat(count("MATCH (n:Release) RETURN count(n)")).isEqualTo(3);

        var failed = upload("partner=fi", files(EprtrBadFileTest.FACILITIES, EprtrBadFileTest.RELEASES, "nothing"), "application/x-ndjson");
        var last = Http.json().readTree(failed.body().lines().reduce((a, b) -> b).orElseThrow());
        assertThat(last.get("event").asString()).isEqualTo("failed");
        assertThat(last.get("status").asInt()).isEqualTo(422);
        assertThat(last.get("errors").get(0).get("message").asString()).contains("wasteTransfers.csv, line 1: has one column");
    }

    @Test
    void the_command_line_prints_the_refusal_at_its_line_and_exits_1(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Files.writeString(dir.resolve("facilities.csv"), EprtrBadFileTest.FACILITIES);
        java.nio.file.Files.writeString(dir.resolve("releases.csv"), EprtrBadFileTest.RELEASES.replace(";N2O;", ";N20;"));
        java.nio.file.Files.writeString(dir.resolve("waste_transfers.csv"), EprtrBadFileTest.WASTE);
        var output = new ByteArrayOutputStream();
        var command = new EprtrCommand(new java.io.PrintStream(output, true, StandardCharsets.UTF_8), false, () -> 0L);

        int status = command.run(new String[] {dir.toString(), "--partner", "fi", "--url", "http://localhost:" + port}, null);

        assertThat(status).isEqualTo(1);
        assertThat(output.toString(StandardCharsets.UTF_8)).contains("refused (422): nothing was written")
                .contains("  releases.csv, line 4, column pollutantCode: unknown pollutant \"N20\"");
        assertThat(count("MATCH (n) RETURN count(n)")).isZero();
    }

    @Test
    void arguments_that_make_no_sense_are_bad_requests() {
        assertThat(upload("partner=fi&gwp=AR4", smallExtract(), null).status()).isEqualTo(400);
        assertThat(upload("partner=fi&gwp=AR4", smallExtract(), null).json().get("errors").get(0).get("message").asString())
                .isEqualTo("gwp must be AR5 or AR6, found \"AR4\"");
        assertThat(upload("partner=F", smallExtract(), null).status()).isEqualTo(400);
    }
}
