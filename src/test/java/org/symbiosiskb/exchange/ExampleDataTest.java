package org.symbiosiskb.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.symbiosiskb.security.Caller;
import org.symbiosiskb.security.Callers;
import org.symbiosiskb.support.Http;
import org.symbiosiskb.support.KbTest;

/** The example data imports through the ordinary validation and holds what the seed documents name. */
@KbTest
class ExampleDataTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    Neo4jClient neo4j;
    @Autowired
    ExchangeService exchange;

    @BeforeEach
    void load() {
        ExampleGraph.load(context);
    }

    private List<String> strings(String cypher) {
        return List.copyOf(neo4j.query(cypher).fetchAs(String.class).all());
    }

    @Test
    void every_park_the_seed_documents_name_is_there_in_the_national_network() {
        assertThat(strings("MATCH (p:Park)-[:MEMBER_OF]->(:Network {id: 'fi:eip-network'}) RETURN p.id"))
                .contains("fi:kemi-tornio", "fi:kemijarvi-forestin", "fi:kokkola-kip", "fi:turku-smart-chemistry-park",
                        "fi:riihimaki-circular-village", "fi:nokia-eco3", "fi:porvoo-kilpilahti", "fi:salo-metsajaanu",
                        "fi:pori-harjavalta", "fi:forssa-envi-grow-park", "fi:aanekoski-bioproduct", "fi:turku-topinpuisto");
        assertThat(strings("MATCH (:Park {id: 'fi:kemi-tornio'})-[:MEMBER_OF]->(n:Network {scope: 'NORDIC'}) RETURN n.name"))
                .containsExactly("Nordic Industrial Symbiosis Network");
    }

    @Test
    void every_side_stream_code_sits_in_the_list_of_waste_hierarchy_with_a_title() {
        assertThat(strings("""
                MATCH (s:SideStream)-[:CLASSIFIED_AS]->(w:WasteCode)
                WHERE NOT EXISTS { (w)-[:IN]->(sub:WasteCode)-[:IN]->(ch:WasteCode)
                                   WHERE w.title IS NOT NULL AND sub.title IS NOT NULL AND ch.title IS NOT NULL }
                RETURN s.id""")).isEmpty();
        assertThat(neo4j.query("MATCH (w:WasteCode) WHERE size(w.code) = 2 RETURN count(w)").fetchAs(Long.class).one()).hasValue(20L);
    }

    @Test
    void importing_the_example_data_again_changes_nothing() {
        // the service's own start-up import runs as the service (Caller.SYSTEM); so does this one
        var again = Callers.as(Caller.SYSTEM, () -> exchange.importDocument(Http.json().readValue(getClass().getResourceAsStream("/example/fi.json"), Object.class), false));
        assertThat(again.created() + again.updated()).isZero();
        // 2 networks + 12 parks + 72 organizations + 72 processes + 487 emission records + 107 side streams + 83 flows
        // + 17 needs + 15 sinks + 15 agreements = 882
        assertThat(again.unchanged()).isEqualTo(882);
    }

    @Test
    void kemi_tornio_2023_counts_the_reported_sites_and_says_how_much_is_reported() {
        var row = neo4j.query("CALL kb.carbonBalance('fi:kemi-tornio', 2023) YIELD gross, reportedShare RETURN gross, reportedShare")
                .fetch().one().orElseThrow();
        // reported scope 1: Tornio works 668 000 + 57.4 × 265 = 683 211 (its three processes); Tornion Voima 232 000 + 28.1 × 265
        // = 239 446.5; Kemi bioproduct mill 613: 683 211 + 239 446.5 + 613 = 923 270.5
        // illustrative: scope 2 of the works 40 000 + 48 000 + 28 000, Tornion Voima 3 000, the Kemi mill 2 000, and the sites the
        // register does not cover (mine 32 000, Kemi heat 16 000, Tornio heat 11 500, Tapojärvi 7 650, sawmill 3 700,
        // earthworks 1 600 + 1 280): 116 000 + 3 000 + 2 000 + 73 730 = 194 730; gross 923 270.5 + 194 730 = 1 118 000.5
        assertThat((Double) row.get("gross")).isCloseTo(1_118_000.5, org.assertj.core.api.Assertions.within(1e-6));
        assertThat((Double) row.get("reportedShare")).isCloseTo(923_270.5 / 1_118_000.5, org.assertj.core.api.Assertions.within(1e-12));
    }
}
