package org.symbiosiskb.calculator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.symbiosiskb.exchange.ExampleGraph;
import org.symbiosiskb.support.Http;
import org.symbiosiskb.support.KbTest;
import tools.jackson.databind.JsonNode;

/**
 * The example's Joensuu climate-partner network (example/joensuu.json) on the shipped factor sets: the indicator and
 * an inventory with the calculated and the reported figure side by side, worked out by hand from the activity lines
 * and the published factors (reference/factor-sets.json).
 */
@KbTest
class JoensuuExampleTest {

    static final double EPS = 1e-6;

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    Http http;

    /** The tests only read: the example data is loaded once for the class. */
    static boolean loaded;

    @BeforeEach
    void exampleData() {
        if (!loaded) {
            ExampleGraph.load(context);
            loaded = true;
        }
        http = new Http(port);
    }

    JsonNode data(String query, Map<String, Object> variables) {
        var response = http.graphql(query, variables);
        assertThat(response.body().get("errors")).as(response.raw()).isNull();
        return response.body().get("data");
    }

    @Test
    void savon_voimas_calculated_scope_1_stands_beside_what_the_plant_reported() {
        JsonNode inventory = data("""
                query($o: ID!) { ghgInventory(organizationId: $o, year: 2023) { scope1 scope2LocationBased scope3 biogenicCO2
                  reportedScope1 totalLocationBased lines { factor { factorSet { name } } tCO2e } } }""", Map.of("o", "fi:savon-voima"))
                .get("ghgInventory");
        // wood chips 196 000 t × 0.04343964 = 8 514.16944; light fuel oil 11 000 MWh = 39 600 GJ × 0.0735 = 2 910.6
        assertThat(inventory.get("scope1").asDouble()).isCloseTo(8_514.16944 + 2_910.6, within(EPS));
        // biogenic CO2 of the chips: 196 000 × 1.33571 = 261 799.16 (the plant reported 262 000)
        assertThat(inventory.get("biogenicCO2").asDouble()).isCloseTo(261_799.16, within(EPS));
        // haulage 11 760 000 tkm × 0.00010163 = 1 195.1688
        assertThat(inventory.get("scope3").asDouble()).isCloseTo(1_195.1688, within(EPS));
        // the register's 2023 figure for the plant: 73 000 t CO2 excluding biomass (its peat has no shipped factor)
        assertThat(inventory.get("reportedScope1").asDouble()).isEqualTo(73_000.0);
    }

    @Test
    void the_network_counts_its_climate_partners_of_the_year_and_those_who_entered_their_activities() {
        String query = "query($y: Int!) { climatePartnerIndicator(networkId: \"fi:joensuu-climate-partners\", year: $y) { partners reporting reportingShare totalTCO2e } }";
        JsonNode y2023 = data(query, Map.of("y", 2023)).get("climatePartnerIndicator");
        // partners by 2023: Savon Voima 2015, Abloy 2017, Valio 2019, Puhas 2021, UPM 2022 (Stora Enso joins in 2024)
        assertThat(y2023.get("partners").asInt()).isEqualTo(5);
        // reporting: all but UPM entered 2023 lines (Stora Enso's lines do not count: not a partner yet)
        assertThat(y2023.get("reporting").asInt()).isEqualTo(4);
        assertThat(y2023.get("reportingShare").asDouble()).isEqualTo(0.8);
        // location-based totals: Savon Voima 11 424.76944 + 1 195.1688 = 12 619.93824;
        // Abloy 594 + 1 788 + 150.912 + 10.638 + 254.075 + 4.217112 + 0.702852 = 2 802.544964;
        // Valio 529.2 + 4 470 + 825 + 713.64 + 1.874272 = 6 539.714272; Puhas 462.7476 + 49.5 = 512.2476
        assertThat(y2023.get("totalTCO2e").asDouble()).isCloseTo(12_619.93824 + 2_802.544964 + 6_539.714272 + 512.2476, within(EPS));
        JsonNode y2024 = data(query, Map.of("y", 2024)).get("climatePartnerIndicator");
        assertThat(y2024.get("partners").asInt()).isEqualTo(6);
        assertThat(y2024.get("reporting").asInt()).isZero();
    }

    @Test
    void a_line_without_a_contractual_instrument_flags_the_market_based_total() {
        JsonNode puhas = data("query($o: ID!) { ghgInventory(organizationId: $o, year: 2023) { scope1 scope2LocationBased scope2MarketBased marketBasedComplete biogenicCO2 reportedScope1 } }",
                Map.of("o", "fi:puhas")).get("ghgInventory");
        // diesel 180 000 l × 0.00257082 = 462.7476; biogenic 180 000 × 0.00014 = 25.2; electricity 1 500 MWh × 33 kg = 49.5 both ways
        assertThat(puhas.get("scope1").asDouble()).isCloseTo(462.7476, within(EPS));
        assertThat(puhas.get("biogenicCO2").asDouble()).isCloseTo(25.2, within(EPS));
        assertThat(puhas.get("scope2MarketBased").asDouble()).isCloseTo(49.5, within(EPS));
        assertThat(puhas.get("marketBasedComplete").asBoolean()).isFalse();
        // the landfill's methane is the register's: 700 t CH4 × 28 = 19 600 t CO2e
        assertThat(puhas.get("reportedScope1").asDouble()).isEqualTo(19_600.0);
        JsonNode enocell = data("query($o: ID!) { ghgInventory(organizationId: $o, year: 2023) { scope2LocationBased scope2MarketBased marketBasedComplete } }",
                Map.of("o", "fi:stora-enso-enocell")).get("ghgInventory");
        // 40 000 MWh: location-based 33 kg/MWh = 1 320 t; market-based the residual mix 554.90 kg/MWh = 22 196 t
        assertThat(enocell.get("scope2LocationBased").asDouble()).isCloseTo(1_320, within(EPS));
        assertThat(enocell.get("scope2MarketBased").asDouble()).isCloseTo(22_196, within(EPS));
        assertThat(enocell.get("marketBasedComplete").asBoolean()).isTrue();
    }
}
