package org.symbiosiskb.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.symbiosiskb.SymbiosisKbApplication;
import org.symbiosiskb.graph.InProcessDatabase;
import org.symbiosiskb.support.Http;
import org.symbiosiskb.support.PartnersTest;
import org.symbiosiskb.support.TestDatabase;

/**
 * The service reads its database in-process when the database runs in its JVM (the embedded default) and over
 * Bolt when it is a server. Both must answer alike: every read path of {@link DisclosureLeakTest}, asked by every
 * partner and anonymously, on random partner data, gives the same answer from this service (in-process reads) as
 * from a second one on the same database with Bolt only, as a server deployment has it.
 */
@PartnersTest
class ReadPathsAgreeTest {

    static final int SEEDS = 3;

    @LocalServerPort
    int port;
    @Autowired
    Neo4jClient neo4j;
    @Autowired
    ApplicationContext context;

    static ConfigurableApplicationContext overBolt;

    @AfterAll
    static void stop() {
        if (overBolt != null) {
            overBolt.close();
        }
    }

    @Test
    void every_read_path_answers_alike_in_process_and_over_bolt() {
        assertThat(context.getBeansOfType(InProcessDatabase.class)).as("this service reads in-process").hasSize(1);
        overBolt = new SpringApplicationBuilder(SymbiosisKbApplication.class).run("--server.port=0",
                "--spring.neo4j.uri=" + TestDatabase.boltUri(), "--kb.example-data.enabled=false",
                "--kb.limits.max-aliases=1000", "--kb.limits.max-complexity=100000000", "--kb.limits.max-depth=20",
                "--kb.security.keys=" + context.getEnvironment().getProperty("kb.security.keys"));
        assertThat(overBolt.getBeansOfType(InProcessDatabase.class)).as("the other reads over Bolt").isEmpty();
        int boltPort = ((WebServerApplicationContext) overBolt).getWebServer().getPort();

        var differences = new ArrayList<String>();
        int compared = 0;
        for (int seed = 0; seed < SEEDS; seed++) {
            neo4j.query("MATCH (n) DETACH DELETE n").run();
            var data = new RandomPartnerData(seed);
            for (String partner : RandomPartnerData.PARTNERS) {
                assertThat(new Http(port, partner + "-key").post("/api/v1/datasets", data.documents.get(partner)).status()).isEqualTo(200);
            }
            for (String partner : RandomPartnerData.PARTNERS) {
                assertThat(new Http(port, partner + "-key").post("/api/v1/datasets", data.consents.get(partner)).status()).isEqualTo(200);
            }
            var callers = new ArrayList<String>(RandomPartnerData.PARTNERS);
            callers.add(null);
            for (String who : callers) {
                Map<String, String> inProcess = DisclosureLeakTest.answers(data, who, caller(port, who));
                Map<String, String> bolt = DisclosureLeakTest.answers(data, who, caller(boltPort, who));
                assertThat(bolt.keySet()).isEqualTo(inProcess.keySet());
                for (String path : inProcess.keySet()) {
                    compared++;
                    // as JSON: a Cypher map has no key order, so an answer that passes one on may order its keys either way
                    if (!Http.json().readTree(inProcess.get(path)).equals(Http.json().readTree(bolt.get(path)))) {
                        differences.add("seed " + seed + ", " + (who == null ? "anonymous" : who) + ", " + path + ":\n  in-process "
                                + inProcess.get(path) + "\n  over Bolt  " + bolt.get(path));
                    }
                }
            }
        }
        assertThat(differences).isEmpty();
        assertThat(compared).as("answers compared").isGreaterThan(SEEDS * 4 * 20);
    }

    private static Http caller(int port, String partner) {
        return partner == null ? new Http(port) : new Http(port, partner + "-key");
    }
}
