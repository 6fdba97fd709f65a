package org.symbiosiskb.calculator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.symbiosiskb.analytics.Units;
import org.symbiosiskb.support.Http;

/**
 * reference/factor-sets.json on its own (no Spring): every shipped set names its publisher, document, year and
 * address, every factor where in the document it stands and what the publisher printed, and each tCO2ePerUnit is
 * that printed value in tonnes (kg ÷ 1 000; g per kWh ÷ 1 000 000; g per MJ = kg per GJ ÷ 1 000), so a slip in the
 * transcription fails here.
 */
@Tag("fast")
class ShippedFactorsFileTest {

    @SuppressWarnings("unchecked")
    static Map<String, Object> reference() throws Exception {
        try (InputStream in = ShippedFactorsFileTest.class.getResourceAsStream("/" + ShippedFactors.FILE)) {
            return Http.json().readValue(in, Map.class);
        }
    }

    /** What one printed unit is in tonnes per the factor's unit. */
    static double toTonnes(String printed, String unit) {
        if (printed.startsWith("kg ")) {
            return 1e-3;
        }
        if (printed.startsWith("g ") && printed.contains("/kWh") && unit.equals("kWh")) {
            return 1e-6;
        }
        if (printed.startsWith("g ") && printed.contains("/MJ") && unit.equals("GJ")) {
            return 1e-3; // g per MJ = kg per GJ
        }
        throw new AssertionError("no conversion of '" + printed + "' per " + unit);
    }

    @Test
    @SuppressWarnings("unchecked")
    void every_shipped_value_is_the_published_one_with_its_source() throws Exception {
        var reference = reference();
        assertThat(reference.get("partner")).isEqualTo(ShippedFactors.PARTNER);
        var ids = new HashSet<String>();
        int factors = 0;
        for (var set : (List<Map<String, Object>>) reference.get("factorSets")) {
            String setId = (String) set.get("id");
            assertThat(setId).startsWith("kb:");
            for (String field : List.of("name", "publisher", "document", "url", "notes")) {
                assertThat((String) set.get(field)).as(setId + " " + field).isNotBlank();
            }
            assertThat((Integer) set.get("year")).as(setId + " year").isBetween(2010, 2030);
            assertThat((String) set.get("url")).startsWith("https://");
            for (var f : (List<Map<String, Object>>) set.get("factors")) {
                factors++;
                String id = (String) f.get("id");
                assertThat(ids.add(id)).as("unique " + id).isTrue();
                assertThat(id).startsWith(setId + ".");
                assertThat((String) f.get("where")).as(id + " where").isNotBlank();
                assertThat((String) f.get("activity")).matches("[A-Z][A-Z0-9_]*");
                String unit = (String) f.get("unit");
                assertThat(Units.known(unit)).as(id + " unit").isTrue();
                int scope = (Integer) f.get("scope");
                assertThat(f.get("category") != null).as(id + ": a category for scope 3 only").isEqualTo(scope == 3);
                var published = (Map<String, Object>) f.get("published");
                double perUnit = ((Number) f.get("tCO2ePerUnit")).doubleValue();
                double expected = ((Number) published.get("value")).doubleValue() * toTonnes((String) published.get("unit"), unit);
                assertThat(perUnit).as(id + " = " + published).isCloseTo(expected, within(Math.abs(expected) * 1e-12));
                if (f.get("biogenicCO2PerUnit") != null) {
                    var biogenic = (Map<String, Object>) f.get("publishedBiogenic");
                    double bio = ((Number) biogenic.get("value")).doubleValue() * toTonnes((String) biogenic.get("unit"), unit);
                    assertThat(((Number) f.get("biogenicCO2PerUnit")).doubleValue()).as(id + " biogenic").isCloseTo(bio, within(bio * 1e-12));
                    assertThat((String) biogenic.get("where")).isNotBlank();
                }
            }
        }
        // DESNZ 2025: 15 freight, 43 business travel, 41 waste, 12 fuels; Energiavirasto residual mix 2023; EEA grid 2023
        // and 2024; Finnish Energy district heat 2017; Statistics Finland light fuel oil (quoted)
        assertThat(factors).isEqualTo(15 + 43 + 41 + 12 + 1 + 1 + 1 + 1 + 1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_document_the_service_imports_keeps_the_publisher_and_where_each_value_stands() throws Exception {
        var document = ShippedFactors.document(reference());
        var sets = (List<Map<String, Object>>) document.get("factorSets");
        var residualMix = sets.stream().filter(s -> s.get("id").equals("kb:energiavirasto-residual-mix-2023")).findFirst().orElseThrow();
        assertThat((String) residualMix.get("source")).startsWith("Energiavirasto (Finnish Energy Authority): ");
        assertThat(residualMix.get("visibility")).isEqualTo("PUBLIC");
        var factors = (List<Map<String, Object>>) document.get("emissionFactors");
        var residual = factors.stream().filter(f -> f.get("factorSet").equals(residualMix.get("id"))).findFirst().orElseThrow();
        // 554.90 g CO2/kWh = 0.0005549 t/kWh
        assertThat(((Number) residual.get("tCO2ePerUnit")).doubleValue()).isCloseTo(0.0005549, within(1e-15));
        assertThat((String) residual.get("notes")).startsWith("Published: 554.9 g CO2/kWh. Where: Energiavirasto press release 25.6.2024");
    }
}
