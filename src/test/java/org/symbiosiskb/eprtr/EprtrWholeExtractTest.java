package org.symbiosiskb.eprtr;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.symbiosiskb.support.KbTest;

/**
 * Finland's whole E-PRTR extract (datasets/eprtr-fi: 1,072 facilities, 5,290 releases, 8,564 waste
 * transfers) through both entry points, the HTTP endpoint and the command line, and a second
 * import that finds everything unchanged.
 *
 * <p>Records: 642 operators + 46 receivers = 688 organizations; 1,072 facilities + 48 receiving
 * sites = 1,120 processes; 752 emission records; 5,290 releases; 8,405 side streams; 173 flows:
 * 688 + 1,120 + 752 + 5,290 + 8,405 + 173 = 16,428 (the counts are worked out in EprtrConverterTest).
 */
@KbTest
class EprtrWholeExtractTest {

    static final int RECORDS = 688 + 1120 + 752 + 5290 + 8405 + 173;

    @LocalServerPort
    int port;
    @Autowired
    Neo4jClient neo4j;

    @BeforeEach
    void emptyDatabase() {
        neo4j.query("MATCH (n) DETACH DELETE n").run();
    }

    long count(String cypher) {
        return neo4j.query(cypher).fetchAs(Long.class).one().orElseThrow();
    }

    static Map<String, byte[]> wholeExtract() throws Exception {
        var files = new LinkedHashMap<String, byte[]>();
        files.put("facilities", Files.readAllBytes(EprtrConverterTest.EXTRACT.resolve("facilities.csv")));
        files.put("releases", Files.readAllBytes(EprtrConverterTest.EXTRACT.resolve("releases.csv")));
        files.put("wasteTransfers", Files.readAllBytes(EprtrConverterTest.EXTRACT.resolve("waste_transfers.csv")));
        return files;
    }

    @Test
    void the_whole_extract_imports_over_http_and_again_unchanged() throws Exception {
        long started = System.nanoTime();
        var first = EprtrImportTest.upload(port, "partner=fi", wholeExtract(), null);
        long firstMs = (System.nanoTime() - started) / 1_000_000;

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().get("created").asInt()).isEqualTo(RECORDS);
        assertThat(count("MATCH (p:Process) WHERE p.eprtrId IS NOT NULL RETURN count(p)")).isEqualTo(1072);
        assertThat(count("MATCH (:Process)-[:RELEASED]->(r:Release) RETURN count(r)")).isEqualTo(5290);
        assertThat(count("MATCH (:Process)-[:PRODUCES]->(:SideStream)-[f:SUPPLIES]->(:Process)<-[:OPERATES]-(o:Organization) "
                + "WHERE o.id STARTS WITH 'fi:eprtr-receiver-' RETURN count(f)")).isEqualTo(173);

        started = System.nanoTime();
        var second = EprtrImportTest.upload(port, "partner=fi", wholeExtract(), null);
        long secondMs = (System.nanoTime() - started) / 1_000_000;
        assertThat(second.json().get("unchanged").asInt()).as(second.body()).isEqualTo(RECORDS);
        assertThat(second.json().get("created").asInt() + second.json().get("updated").asInt()).isZero();
        System.out.printf("E-PRTR whole extract over HTTP (test harness): %d records, first import %d ms, again %d ms%n",
                RECORDS, firstMs, secondMs);
    }

    @Test
    void the_whole_extract_imports_from_the_command_line_and_again_unchanged() {
        var output = new ByteArrayOutputStream();
        var command = new EprtrCommand(new PrintStream(output, true, StandardCharsets.UTF_8), false, System::nanoTime);
        String[] args = {EprtrConverterTest.EXTRACT.toString(), "--partner", "fi", "--url", "http://localhost:" + port};

        assertThat(command.run(args, null)).as(output.toString(StandardCharsets.UTF_8)).isZero();
        String first = output.toString(StandardCharsets.UTF_8);
        assertThat(first).contains("read      facilities 1072, releases 5290, wasteTransfers 8564 rows");
        assertThat(first).contains("planned   " + RECORDS + " records: " + RECORDS + " to create, 0 to update, 0 unchanged");
        assertThat(first).contains("writing   [##############################] " + RECORDS + " of " + RECORDS + " records");
        assertThat(first).contains("records     created " + RECORDS + ", updated 0, unchanged 0, deleted 0");
        assertThat(first).contains("skipped     HFCS (2 rows, kept as releases)");

        output.reset();
        assertThat(command.run(args, null)).isZero();
        assertThat(output.toString(StandardCharsets.UTF_8)).contains("records     created 0, updated 0, unchanged " + RECORDS + ", deleted 0");
    }
}
