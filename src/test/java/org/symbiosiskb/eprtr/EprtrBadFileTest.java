package org.symbiosiskb.eprtr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Bad files are refused naming file, line and column, every problem at once; each case is a test.
 * The files are a small extract made of real rows (Neste Porvoo, 2023), broken in one place.
 */
@Tag("fast")
class EprtrBadFileTest {

    static final String FACILITIES = """
            Facility_INSPIRE_ID;parentCompanyName;nameOfFeature;mainActivityCode;mainActivityName;pointGeometryLon;pointGeometryLat;streetName;buildingNumber;city;postalCode;countryCode;reportingYear;status;CompetentAuthorityEPRTRId;authorityName;authorityTelephoneNo;facilityId;x;y
            http://paikkatiedot.fi/so/1002031/pf/ProductionFacility/0000001866.ProductionFacility;Neste Oyj;Neste Oyj, Porvoon jalostamo;1(a);Mineral oil and gas refineries;25.52596;60.31311;Jalostamontie;36;Porvoo;06850;FI;2023;functional;28604.0;Centre for Economic Development, Transport and the Environment for Uusimaa;0295021000;0000001866;418564;6687192
            """;
    static final String RELEASES = """
            Facility_INSPIRE_ID;reportingYear;pollutantCode;pollutantName;medium;totalPollutantQuantityKg;AccidentalPollutantQuantityKG;methodCode;methodName;facilityId
            http://paikkatiedot.fi/so/1002031/pf/ProductionFacility/0000001866.ProductionFacility;2023;CO2;Carbon dioxide;AIR;2520000000.0;0.0;C;Calculated: calculation method used;0000001866
            http://paikkatiedot.fi/so/1002031/pf/ProductionFacility/0000001866.ProductionFacility;2023;CO2EXCLBIOMASS;Carbon dioxide excluding biomass;AIR;2520000000.0;0.0;M;Measured: analytical method used;0000001866
            http://paikkatiedot.fi/so/1002031/pf/ProductionFacility/0000001866.ProductionFacility;2023;N2O;Nitrous oxide;AIR;24300.0;0.0;M;Measured: analytical method used;0000001866
            """;
    static final String WASTE = """
            Facility_INSPIRE_ID;reportingYear;nameOfFeature;mainActivityCode;mainActivityName;city;wasteClassificationCode;wasteClassificationName;wasteTreatmentCode;wasteTreatmentName;totalWasteQuantityTNE;methodCode;methodName;nameOfReceiver;ReceivingSite_city;ReceivingSite_postalCode;ReceivingSite_countryName;facilityId
            http://paikkatiedot.fi/so/1002031/pf/ProductionFacility/0000001866.ProductionFacility;2023;Neste Oyj, Porvoon jalostamo;1(a);Mineral oil and gas refineries;Porvoo;HW;Hazardous waste as defined by Article 2(14) of the E-PRTR;D;Destined for disposal;10400.0;M;Measured: analytical method used;;;;;0000001866
            """;

    static List<EprtrFiles.Upload> files(String facilities, String releases, String waste) {
        return List.of(new EprtrFiles.Upload("facilities", "facilities.csv", facilities.getBytes(StandardCharsets.UTF_8)),
                new EprtrFiles.Upload("releases", "releases.csv", releases.getBytes(StandardCharsets.UTF_8)),
                new EprtrFiles.Upload("wasteTransfers", "waste_transfers.csv", waste.getBytes(StandardCharsets.UTF_8)));
    }

    static List<CsvProblem> problems(String facilities, String releases, String waste) {
        try {
            new EprtrConverter("fi", Gwp.AR5).convert(files(facilities, releases, waste), read -> { });
        } catch (InvalidExtractException e) {
            return e.problems();
        }
        throw new AssertionError("the extract was accepted");
    }

    @Test
    void the_small_extract_is_valid_as_it_is() {
        var c = new EprtrConverter("fi", Gwp.AR5).convert(files(FACILITIES, RELEASES, WASTE), read -> { });
        assertThat(c.summary().emissions()).isEqualTo(1);
        assertThat(c.summary().sideStreams()).isEqualTo(1);
    }

    @Test
    void a_missing_column_is_named() {
        var p = problems(FACILITIES, RELEASES.replace(";medium;", ";").replace(";AIR;", ";"), WASTE);
        assertThat(p).hasSize(1);
        assertThat(p.getFirst().file()).isEqualTo("releases.csv");
        assertThat(p.getFirst().line()).isEqualTo(1);
        assertThat(p.getFirst().column()).isEqualTo("medium");
        assertThat(p.getFirst().pointer()).isEqualTo("/releases/1/medium");
        assertThat(p.getFirst().message()).isEqualTo("releases.csv, line 1, column medium: the column is missing; "
                + "columns the importer does not read: [methodName, facilityId] (was one renamed?)");
    }

    @Test
    void a_renamed_column_is_named_with_the_name_found() {
        var p = problems(FACILITIES, RELEASES.replace("totalPollutantQuantityKg", "totalPollutantQuantity"), WASTE);
        assertThat(p).hasSize(1);
        assertThat(p.getFirst().column()).isEqualTo("totalPollutantQuantityKg");
        assertThat(p.getFirst().message()).contains("the column is missing").contains("totalPollutantQuantity,");
    }

    @Test
    void a_wrong_delimiter_is_recognised() {
        var p = problems(FACILITIES.replace(';', ','), RELEASES, WASTE);
        assertThat(p).hasSize(1);
        assertThat(p.getFirst().message()).isEqualTo("facilities.csv, line 1: the columns are separated by ','; "
                + "E-PRTR extracts separate them by ';'");
    }

    @Test
    void a_non_numeric_quantity_is_refused_at_its_line_and_column() {
        var p = problems(FACILITIES, RELEASES.replace(";24300.0;", ";24 300;"), WASTE);
        assertThat(p).hasSize(1);
        assertThat(p.getFirst().pointer()).isEqualTo("/releases/4/totalPollutantQuantityKg");
        assertThat(p.getFirst().message()).isEqualTo("releases.csv, line 4, column totalPollutantQuantityKg: "
                + "must be a number like 625000000.0, found \"24 300\"");
        var comma = problems(FACILITIES, RELEASES, WASTE.replace(";10400.0;", ";10400,5;"));
        assertThat(comma.getFirst().message()).endsWith("found \"10400,5\" (the decimal separator is '.')");
        assertThat(comma.getFirst().pointer()).isEqualTo("/wasteTransfers/2/totalWasteQuantityTNE");
    }

    @Test
    void an_unknown_pollutant_or_medium_is_refused() {
        var p = problems(FACILITIES, RELEASES.replace(";N2O;Nitrous oxide;AIR;", ";N20;Nitrous oxide;SOIL;"), WASTE);
        assertThat(p).extracting(CsvProblem::pointer).containsExactly("/releases/4/pollutantCode", "/releases/4/medium");
        assertThat(p.get(0).message()).startsWith("releases.csv, line 4, column pollutantCode: unknown pollutant \"N20\"");
        assertThat(p.get(1).message()).isEqualTo("releases.csv, line 4, column medium: unknown medium \"SOIL\"; one of AIR, WATER, LAND");
    }

    @Test
    void a_release_of_an_unknown_facility_is_refused() {
        var p = problems(FACILITIES, RELEASES.replace("0000001866.ProductionFacility;2023;N2O", "0000001867.ProductionFacility;2023;N2O"), WASTE);
        assertThat(p).hasSize(1);
        assertThat(p.getFirst().pointer()).isEqualTo("/releases/4/Facility_INSPIRE_ID");
        assertThat(p.getFirst().message()).isEqualTo("releases.csv, line 4, column Facility_INSPIRE_ID: no facility "
                + "http://paikkatiedot.fi/so/1002031/pf/ProductionFacility/0000001867.ProductionFacility in the facilities file");
    }

    @Test
    void the_same_line_twice_is_refused() {
        String line = WASTE.lines().toList().get(1);
        var p = problems(FACILITIES, RELEASES, WASTE + line + "\n");
        assertThat(p).hasSize(1);
        assertThat(p.getFirst().pointer()).isEqualTo("/wasteTransfers/3");
        assertThat(p.getFirst().message()).startsWith("waste_transfers.csv, line 3: is the same as line 2");
    }

    @Test
    void a_second_release_of_the_same_pollutant_and_medium_is_refused() {
        String line = RELEASES.lines().toList().get(3).replace(";24300.0;", ";24400.0;");
        var p = problems(FACILITIES, RELEASES + line + "\n", WASTE);
        assertThat(p).hasSize(1);
        assertThat(p.getFirst().message()).isEqualTo("releases.csv, line 5, column pollutantCode: a second release of N2O to AIR by "
                + "http://paikkatiedot.fi/so/1002031/pf/ProductionFacility/0000001866.ProductionFacility in 2023; the first is at line 4");
    }

    @Test
    void a_row_with_too_few_fields_and_every_other_problem_are_listed_together() {
        var p = problems(FACILITIES, RELEASES.replace(";0.0;C;", ";0.0;").replace(";2023;N2O", ";23;N2O"), WASTE.replace(";HW;", ";XW;"));
        assertThat(p).extracting(CsvProblem::pointer).containsExactly("/releases/2", "/releases/4/reportingYear",
                "/wasteTransfers/2/wasteClassificationCode");
        assertThat(p.getFirst().message()).isEqualTo("releases.csv, line 2: has 9 fields separated by ';', the header has 10 "
                + "(a stray ';' or a missing field?)");
    }

    @Test
    void a_missing_part_is_named() {
        var uploads = files(FACILITIES, RELEASES, WASTE).subList(0, 2);
        assertThatThrownBy(() -> new EprtrConverter("fi", Gwp.AR5).convert(uploads, read -> { }))
                .isInstanceOfSatisfying(InvalidExtractException.class, e -> assertThat(e.problems().getFirst().message())
                        .isEqualTo("wasteTransfers: the part is missing; an upload has the parts [facilities, releases, wasteTransfers]"));
    }
}
