package org.symbiosiskb.eprtr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The example data (src/main/resources/example/fi.json and joensuu.json) against the register (datasets/eprtr-fi):
 * an example process that is an E-PRTR facility, or part of one, carries its eprtrId; for every year
 * the register has greenhouse gases for the facility, the site's scope-1 records are REPORTED and add
 * up to the register's total as the importer converts it; and where it has none, the illustrative
 * figures stay under the reporting thresholds.
 */
@Tag("fast")
class ExampleReportedFiguresTest {

    static List<Map<String, Object>> processes;
    static List<Map<String, Object>> emissions;
    /** the importer's own conversion of the extract: process id → year → t CO2e */
    static final Map<String, Map<Integer, Double>> REGISTER = new HashMap<>();

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void read() throws Exception {
        processes = new ArrayList<>();
        emissions = new ArrayList<>();
        for (String example : List.of("/example/fi.json", "/example/joensuu.json")) {
            try (InputStream in = ExampleReportedFiguresTest.class.getResourceAsStream(example)) {
                var doc = JsonMapper.builder().build().readValue(in, Map.class);
                processes.addAll((List<Map<String, Object>>) doc.get("processes"));
                emissions.addAll((List<Map<String, Object>>) doc.get("emissions"));
            }
        }
        var converted = new EprtrConverter("fi", Gwp.AR5).convert(EprtrConverterTest.extract(), read -> { });
        var inspire = new HashMap<String, String>();
        EprtrConverterTest.array(converted, "processes").forEach(p -> inspire.put((String) p.get("id"), (String) p.get("eprtrId")));
        for (var e : EprtrConverterTest.array(converted, "emissions")) {
            REGISTER.computeIfAbsent(inspire.get((String) e.get("process")), k -> new TreeMap<>())
                    .put((Integer) e.get("year"), (Double) e.get("tCO2e"));
        }
    }

    static double number(Object v) {
        return ((Number) v).doubleValue();
    }

    static String kind(Map<String, Object> e) {
        @SuppressWarnings("unchecked")
        var provenance = (Map<String, Object>) e.get("provenance");
        return provenance == null ? "ILLUSTRATIVE" : (String) provenance.get("kind");
    }

    @Test
    void the_tornio_works_2023_split_adds_up_to_what_outokumpu_reported() {
        var parts = new TreeMap<String, Double>();
        for (var e : emissions) {
            if (((String) e.get("process")).startsWith("fi:outokumpu-tornio-") && number(e.get("year")) == 2023 && number(e.get("scope")) == 1) {
                assertThat(kind(e)).isEqualTo("REPORTED");
                parts.put((String) e.get("process"), number(e.get("tCO2e")));
            }
        }
        // register: 668 000 000 kg CO2 excluding biomass / 1000 + 57 400 kg N2O × 265 / 1000 = 668 000 + 15 211 = 683 211 t
        // split 420 000 : 305 000 : 170 000 (the example's assumed 2023 shares, of 895 000):
        //   melt shop 683 211 × 305 / 895 = 232 826.1; rolling 683 211 × 170 / 895 = 129 771.9; ferrochrome the rest 320 613
        assertThat(parts).containsOnlyKeys("fi:outokumpu-tornio-ferrochrome", "fi:outokumpu-tornio-melt-shop", "fi:outokumpu-tornio-rolling");
        assertThat(parts.get("fi:outokumpu-tornio-melt-shop")).isEqualTo(232_826.1);
        assertThat(parts.get("fi:outokumpu-tornio-rolling")).isEqualTo(129_771.9);
        assertThat(parts.get("fi:outokumpu-tornio-ferrochrome")).isEqualTo(320_613.0);
        assertThat(parts.values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(683_211, within(1e-6));
    }

    @Test
    void every_register_year_of_a_linked_site_is_reported_and_adds_up() {
        // process → eprtrId; the site's REPORTED scope-1 records by year
        var site = new HashMap<String, String>();
        processes.forEach(p -> { if (p.get("eprtrId") != null) site.put((String) p.get("id"), (String) p.get("eprtrId")); });
        var reported = new HashMap<String, Map<Integer, Double>>();
        var illustrativeScope1 = new ArrayList<String>();
        for (var e : emissions) {
            String eprtr = site.get((String) e.get("process"));
            if (eprtr == null || number(e.get("scope")) != 1) {
                continue;
            }
            int year = (int) number(e.get("year"));
            if (kind(e).equals("REPORTED")) {
                reported.computeIfAbsent(eprtr, k -> new TreeMap<>()).merge(year, number(e.get("tCO2e")), Double::sum);
            } else if (REGISTER.getOrDefault(eprtr, Map.of()).containsKey(year)) {
                illustrativeScope1.add(e.get("process") + " " + year);
            }
        }
        assertThat(illustrativeScope1).as("illustrative scope-1 records where the register has a figure").isEmpty();
        // 14 sites with greenhouse-gas rows: Porvoo, Tornio works, Kemi bioproduct mill, Tornion Voima, Borealis, Topinoja,
        // Kakolanmäki, Fortum Riihimäki, Korvenmäki, Kiimassuo, Äänekoski bioproduct mill; in Joensuu (joensuu.json) Savon
        // Voima's power plant, Stora Enso's Enocell mill and Puhas's Kontiosuo waste centre
        assertThat(reported).hasSize(14);
        reported.forEach((eprtr, byYear) -> {
            assertThat(byYear.keySet()).as(eprtr).isEqualTo(REGISTER.get(eprtr).keySet());
            byYear.forEach((year, total) -> assertThat(total).as(eprtr + " " + year).isCloseTo(REGISTER.get(eprtr).get(year), within(1e-6)));
        });
    }

    @Test
    void illustrative_figures_of_linked_sites_without_a_register_figure_stay_under_the_thresholds() {
        var site = new HashMap<String, String>();
        processes.forEach(p -> { if (p.get("eprtrId") != null) site.put((String) p.get("id"), (String) p.get("eprtrId")); });
        // site → year → Σ illustrative scope 1 where the register has nothing for the year
        var totals = new HashMap<String, Map<Integer, Double>>();
        for (var e : emissions) {
            String eprtr = site.get((String) e.get("process"));
            if (eprtr != null && number(e.get("scope")) == 1 && kind(e).equals("ILLUSTRATIVE")
                    && !REGISTER.getOrDefault(eprtr, Map.of()).containsKey((int) number(e.get("year")))) {
                totals.computeIfAbsent(eprtr, k -> new TreeMap<>()).merge((int) number(e.get("year")), number(e.get("tCO2e")), Double::sum);
            }
        }
        // a site that reports some gas in other years keeps under the thresholds of what it reports; 2024 has no register yet
        totals.forEach((eprtr, byYear) -> byYear.forEach((year, t) -> {
            if (year <= 2023) {
                // CO2 threshold 100 000 t; a landfill's CH4 threshold 100 t × 28 = 2 800 t CO2e
                double threshold = eprtr.endsWith("0000027909.ProductionFacility") ? 2_800 : 100_000;
                assertThat(t).as(eprtr + " " + year).isLessThan(threshold);
            }
        }));
        // Boliden Harjavalta (no CO2 row): copper 60 000 + nickel 30 000 = 90 000 t in 2023
        assertThat(totals.get("http://paikkatiedot.fi/so/1002031/pf/ProductionFacility/0000001152.ProductionFacility").get(2023))
                .isEqualTo(90_000.0);
    }
}
