package org.symbiosiskb.eprtr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The conversion of real rows of Finland's E-PRTR extract (datasets/eprtr-fi), worked out by hand
 * from the rows quoted beside each test. No Spring, no database.
 */
@Tag("fast")
class EprtrConverterTest {

    static final Path EXTRACT = Path.of("datasets/eprtr-fi");
    static final double EPS = 1e-9;
    static Conversion ar5;

    static List<EprtrFiles.Upload> extract() {
        return List.of(upload("facilities", "facilities.csv"), upload("releases", "releases.csv"),
                upload("wasteTransfers", "waste_transfers.csv"));
    }

    static EprtrFiles.Upload upload(String part, String file) {
        try {
            return new EprtrFiles.Upload(part, file, Files.readAllBytes(EXTRACT.resolve(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeAll
    static void convertTheWholeExtract() {
        ar5 = new EprtrConverter("fi", Gwp.AR5).convert(extract(), read -> { });
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> array(Conversion c, String array) {
        return (List<Map<String, Object>>) c.document().getOrDefault(array, List.of());
    }

    static Map<String, Object> byId(Conversion c, String array, String id) {
        return array(c, array).stream().filter(r -> id.equals(r.get("id"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + id + " in " + array));
    }

    static Map<String, Object> emission(Conversion c, String process, int year) {
        var found = array(c, "emissions").stream().filter(e -> process.equals(e.get("process")) && Integer.valueOf(year).equals(e.get("year"))).toList();
        assertThat(found).as("one scope-1 record of " + process + " in " + year).hasSize(1);
        return found.getFirst();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> provenance(Map<String, Object> emission) {
        return (Map<String, Object>) emission.get("provenance");
    }

    @Test
    void neste_porvoo_2023_is_co2_excluding_biomass_plus_n2o_times_its_gwp() {
        // facilities.csv line 183: …/0000001866.ProductionFacility;Neste Oyj;Neste Oyj, Porvoon jalostamo;1(a);
        //   Mineral oil and gas refineries;25.52596;60.31311;…;Porvoo;06850;FI;2023;functional;…;0000001866;418564;6687192
        var p = byId(ar5, "processes", "fi:eprtr-0000001866");
        assertThat(p.get("name")).isEqualTo("Neste Oyj, Porvoon jalostamo");
        assertThat(p.get("operator")).isEqualTo("fi:eprtr-operator-neste-oyj");
        assertThat(p.get("eprtrId")).isEqualTo("http://paikkatiedot.fi/so/1002031/pf/ProductionFacility/0000001866.ProductionFacility");
        assertThat(p.get("activityCode")).isEqualTo("1(a)");
        assertThat(p.get("activityName")).isEqualTo("Mineral oil and gas refineries");
        assertThat(p.get("location")).isEqualTo(Map.of("lat", 60.31311, "lon", 25.52596));
        assertThat(p.get("city")).isEqualTo("Porvoo");
        assertThat(p.get("country")).isEqualTo("FI");
        assertThat(p.get("status")).isEqualTo("functional");
        // releases.csv 2023, to air: CO2 2520000000.0 kg (C); CO2EXCLBIOMASS 2520000000.0 kg (M); N2O 24300.0 kg (M)
        var e = emission(ar5, "fi:eprtr-0000001866", 2023);
        // 2 520 000 000 kg / 1000 = 2 520 000 t; N2O 24 300 kg × 265 / 1000 = 6 439.5 t; 2 520 000 + 6 439.5 = 2 526 439.5
        assertThat((Double) e.get("tCO2e")).isCloseTo(2_526_439.5, within(EPS));
        assertThat(e.get("scope")).isEqualTo(1);
        assertThat(provenance(e)).isEqualTo(Map.of("kind", "REPORTED", "source", "E-PRTR 2023", "method", "MEASURED"));
        // CO2 − CO2 excluding biomass = 2 520 000 000 − 2 520 000 000 = 0: no biomass burnt
        assertThat((Double) e.get("biogenicCO2")).isZero();
        assertThat((String) e.get("notes")).contains("N2O 24300 kg × 265 = 6439.5 t CO2e");
        // Neste's Naantali terminal (0000001726) shares the operator
        assertThat(byId(ar5, "processes", "fi:eprtr-0000001726").get("operator")).isEqualTo("fi:eprtr-operator-neste-oyj");
        // and the refinery's 13 release rows of 2023 are all kept, GHGs included, in kilograms
        var releases = array(ar5, "releases").stream().filter(r -> r.get("process").equals("fi:eprtr-0000001866") && r.get("year").equals(2023)).toList();
        assertThat(releases).hasSize(13);
        assertThat(releases).anySatisfy(r -> {
            assertThat(r.get("pollutant")).isEqualTo("SOX");
            assertThat(r.get("medium")).isEqualTo("AIR");
            assertThat(r.get("kg")).isEqualTo(2_530_000.0);
            assertThat(r.get("method")).isEqualTo("MEASURED");
            assertThat(r.get("pollutantName")).isEqualTo("Sulphur oxides");
        });
    }

    @Test
    void the_tornio_works_2023_and_its_befesa_transfer_to_landskrona() {
        // releases.csv lines 707, 708, 720: CO2 668000000.0 (C), CO2EXCLBIOMASS 668000000.0 (M), N2O 57400.0 (M)
        var e = emission(ar5, "fi:eprtr-0000002110", 2023);
        // 668 000 000 kg / 1000 = 668 000 t; 57 400 kg × 265 / 1000 = 15 211 t; 668 000 + 15 211 = 683 211
        assertThat((Double) e.get("tCO2e")).isCloseTo(683_211, within(EPS));
        assertThat(byId(ar5, "processes", "fi:eprtr-0000002110").get("operator"))
                .isEqualTo("fi:eprtr-operator-outokumpu-chrome-oy-outokumpu-stainless-oy");
        // waste_transfers.csv lines 652–657 (2023): HW R 1460 (no receiver), HW R 24100 to Befesa ScanDust AB, Landskrona,
        // 26123, Sweden; HW R 11500 to Befesa Valera S.A.S, Gravelines, 59820, France; HW D 415; NONHW R 13600; NONHW D 612
        var hwRecovery = byId(ar5, "sideStreams", "fi:eprtr-0000002110-2023-hw-r");
        // 1460 + 24 100 + 11 500 = 37 060 t
        assertThat((Double) hwRecovery.get("quantity")).isCloseTo(37_060, within(EPS));
        assertThat(hwRecovery.get("producer")).isEqualTo("fi:eprtr-0000002110");
        assertThat(hwRecovery.get("year")).isEqualTo(2023);
        assertThat(hwRecovery.get("hazardous")).isEqualTo(true);
        assertThat(hwRecovery.get("treatment")).isEqualTo("RECOVERY");
        assertThat(hwRecovery.get("unit")).isEqualTo("t");
        assertThat(byId(ar5, "sideStreams", "fi:eprtr-0000002110-2023-hw-d").get("quantity")).isEqualTo(415.0);
        assertThat(byId(ar5, "sideStreams", "fi:eprtr-0000002110-2023-nonhw-r").get("quantity")).isEqualTo(13_600.0);
        assertThat(byId(ar5, "sideStreams", "fi:eprtr-0000002110-2023-nonhw-d").get("hazardous")).isEqualTo(false);

        var befesa = byId(ar5, "organizations", "fi:eprtr-receiver-befesa-scandust-ab");
        assertThat(befesa.get("name")).isEqualTo("Befesa ScanDust AB");
        assertThat(befesa.get("city")).isEqualTo("Landskrona");
        assertThat(befesa.get("country")).isEqualTo("SE");
        var site = byId(ar5, "processes", "fi:eprtr-receiver-befesa-scandust-ab-landskrona-se-site");
        assertThat(site.get("operator")).isEqualTo("fi:eprtr-receiver-befesa-scandust-ab");
        assertThat(site.get("country")).isEqualTo("SE");
        assertThat(site.get("name")).isEqualTo("Befesa ScanDust AB (Landskrona)");
        var flow = byId(ar5, "flows", "fi:eprtr-0000002110-2023-hw-r-to-befesa-scandust-ab-landskrona-se");
        assertThat(flow.get("sideStream")).isEqualTo("fi:eprtr-0000002110-2023-hw-r");
        assertThat(flow.get("consumer")).isEqualTo("fi:eprtr-receiver-befesa-scandust-ab-landskrona-se-site");
        assertThat(flow.get("quantity")).isEqualTo(24_100.0);
        assertThat(flow.get("fromYear")).isEqualTo(2023);
        assertThat(flow.get("toYear")).isEqualTo(2023);
        assertThat(byId(ar5, "flows", "fi:eprtr-0000002110-2023-hw-r-to-befesa-valera-s-a-s-gravelines-fr").get("quantity")).isEqualTo(11_500.0);
    }

    @Test
    void a_pulp_mill_keeps_its_biogenic_co2_beside_the_scopes() {
        // Metsä Fibre Kemi (0000001348), releases.csv lines 1820–1821 (2023): CO2 810000000.0 kg (C), CO2EXCLBIOMASS 51800000.0 kg (M)
        var e = emission(ar5, "fi:eprtr-0000001348", 2023);
        // scope 1: 51 800 000 kg / 1000 = 51 800 t; biogenic: (810 000 000 − 51 800 000) / 1000 = 758 200 t
        assertThat((Double) e.get("tCO2e")).isCloseTo(51_800, within(EPS));
        assertThat((Double) e.get("biogenicCO2")).isCloseTo(758_200, within(EPS));
        assertThat(provenance(e).get("method")).isEqualTo("MEASURED");
    }

    @Test
    void a_wastewater_plant_reports_methane_and_nitrous_oxide_converted_with_ar5_or_ar6() {
        // HSY Viikinmäki waste-water treatment plant (0000000200), releases.csv lines 1108 and 1120 (2023):
        // N2O 181000.0 kg (M), CH4 295000.0 kg (M); no CO2 row (below the 100 000 t threshold)
        var e = emission(ar5, "fi:eprtr-0000000200", 2023);
        // AR5: 295 000 × 28 / 1000 = 8 260; 181 000 × 265 / 1000 = 47 965; 8 260 + 47 965 = 56 225 t CO2e
        assertThat((Double) e.get("tCO2e")).isCloseTo(56_225, within(EPS));
        assertThat(e.containsKey("biogenicCO2")).isFalse();
        var ar6 = new EprtrConverter("fi", Gwp.AR6).convert(extract(), read -> { });
        // AR6: 295 000 × 27.0 / 1000 = 7 965; 181 000 × 273 / 1000 = 49 413; 7 965 + 49 413 = 57 378 t CO2e
        assertThat((Double) emission(ar6, "fi:eprtr-0000000200", 2023).get("tCO2e")).isCloseTo(57_378, within(1e-6));
        assertThat((String) emission(ar6, "fi:eprtr-0000000200", 2023).get("notes")).contains("IPCC AR6 WG I Table 7.15");
        assertThat(ar6.summary().gwp()).isEqualTo("AR6");
    }

    @Test
    void two_transfers_to_the_same_receiver_in_a_year_add_up() {
        // Suomen Akkukeräys (0000013732), 2018, HW R to Weser-Metall GmBh, Nordenham, Germany: two rows, 865.0 t and 23.0 t
        var flow = byId(ar5, "flows", "fi:eprtr-0000013732-2018-hw-r-to-weser-metall-gmbh-nordenham-de");
        // 865 + 23 = 888 t
        assertThat(flow.get("quantity")).isEqualTo(888.0);
        assertThat((String) flow.get("notes")).contains("865 t + 23 t = 888 t");
    }

    @Test
    void ids_follow_the_facility_id_and_a_receiver_named_nowhere_makes_no_flow() {
        // facilities.csv line 2: FI.EEA/100003197.FACILITY;Stena Recycling Oy, Tahkoluodon murskalaitos;…;FI_EEA_100003197
        assertThat(byId(ar5, "processes", "fi:eprtr-fi-eea-100003197").get("name")).isEqualTo("Stena Recycling Oy, Tahkoluodon murskalaitos");
        // three rows name the receiver "N/A": no organization, site or flow for them
        assertThat(array(ar5, "organizations")).noneSatisfy(o -> assertThat((String) o.get("id")).startsWith("fi:eprtr-receiver-n-a"));
    }

    @Test
    void facilities_without_degrees_are_located_from_the_national_grid() {
        // FI_EEA_108260 (Siipikarjan kasvattamo, Lauteala): no pointGeometryLat/Lon, x 559739, y 6854988 in ETRS-TM35FIN
        @SuppressWarnings("unchecked")
        var location = (Map<String, Double>) byId(ar5, "processes", "fi:eprtr-fi-eea-108260").get("location");
        assertThat(location.get("lat")).isCloseTo(61.8, within(0.1));
        assertThat(location.get("lon")).isCloseTo(28.1, within(0.1));
        // the formula checked on a facility that has both: Neste Porvoo x 418564, y 6687192 is 60.31311, 25.52596 in the extract
        double[] neste = Tm35fin.toWgs84(418564, 6687192);
        assertThat(neste[0]).isCloseTo(60.31311, within(1e-5));
        assertThat(neste[1]).isCloseTo(25.52596, within(1e-5));
        assertThat(ar5.summary().locationsFromGrid()).isEqualTo(296);
    }

    @Test
    void the_summary_counts_the_whole_extract_and_names_the_skipped_gases() {
        var s = ar5.summary();
        assertThat(s.rows()).isEqualTo(Map.of("facilities", 1072, "releases", 5290, "wasteTransfers", 8564));
        assertThat(s.facilities()).isEqualTo(1072);
        // facility-years with CO2, CO2 excl. biomass, CH4 or N2O to air: 389 (CO2 + excl.) + 188 (CH4) + 100 (CO2, excl., N2O)
        // + 65 (N2O) + 7 (CH4, N2O) + 2 (CO2 alone) + 1 (CFCs, CO2, excl.) = 752
        assertThat(s.emissions()).isEqualTo(752);
        assertThat(s.releases()).isEqualTo(5290);
        // distinct (facility, year, HW/NONHW, R/D)
        assertThat(s.sideStreams()).isEqualTo(8405);
        // 174 rows name a receiver: 46 receivers at 48 sites, 173 flows (Weser-Metall's two rows make one)
        assertThat(s.receivers()).isEqualTo(46);
        assertThat(s.flows()).isEqualTo(173);
        assertThat(array(ar5, "processes")).hasSize(1072 + 48);
        assertThat(s.operators()).isEqualTo(642);
        assertThat(array(ar5, "organizations")).hasSize(642 + 46);
        var skipped = new ArrayList<String>();
        s.skippedGases().forEach(g -> skipped.add(g.pollutant() + " " + g.rows()));
        assertThat(skipped).containsExactly("CFCS 3", "HFCS 2");
        assertThat(s.skippedGases().get(1).reason()).contains("mixture");
    }

    @Test
    void a_utf8_byte_order_mark_is_accepted() {
        var uploads = new ArrayList<>(extract());
        byte[] plain = uploads.getFirst().bytes();
        byte[] withBom = new byte[plain.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(plain, 0, withBom, 3, plain.length);
        uploads.set(0, new EprtrFiles.Upload("facilities", "facilities.csv", withBom));
        var converted = new EprtrConverter("fi", Gwp.AR5).convert(uploads, read -> { });
        assertThat(converted.summary().facilities()).isEqualTo(1072);
        assertThat(converted.document()).isEqualTo(ar5.document());
    }
}
