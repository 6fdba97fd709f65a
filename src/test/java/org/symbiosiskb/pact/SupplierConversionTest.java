package org.symbiosiskb.pact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A PACT supplier's footprint as t CO2e per unit of a stream here, worked out by hand for each declared unit. */
@Tag("fast")
class SupplierConversionTest {

    static JsonNode footprint(String unit, String amount, String mass, String pcf, String start, String end) {
        return PactHttp.JSON.readTree("""
                {"id": "3a6c14a7-4deb-498a-b5ea-16ce2535b576", "status": "Active", "created": "2025-03-01T00:00:00Z",
                 "pcf": {"declaredUnitOfMeasurement": "%s", "declaredUnitAmount": "%s", "productMassPerDeclaredUnit": "%s",
                         "pcfExcludingBiogenicUptake": "%s", "referencePeriodStart": "%s", "referencePeriodEnd": "%s"}}"""
                .formatted(unit, amount, mass, pcf, start, end));
    }

    static JsonNode year2024(String unit, String amount, String mass, String pcf) {
        return footprint(unit, amount, mass, pcf, "2024-01-01T00:00:00Z", "2025-01-01T00:00:00Z");
    }

    @Test
    void mass_footprints_become_tonnes_co2e_per_tonne() {
        // 500 kg CO2e per 1000 kg = 0.5 kg/kg = 0.5 t/t
        assertThat(SupplierFootprints.candidate(year2024("kilogram", "1000", "1000", "500"), "t").perUnit()).isCloseTo(0.5, within(1e-12));
        // a piece of 2 kg at 3 kg CO2e: 3 / 2 = 1.5 kg/kg
        assertThat(SupplierFootprints.candidate(year2024("piece", "1", "2", "3"), null).perUnit()).isCloseTo(1.5, within(1e-12));
        // a liter without its mass cannot be put per tonne
        assertThatThrownBy(() -> SupplierFootprints.candidate(year2024("liter", "1", "0", "3"), "t"))
                .hasMessageContaining("productMassPerDeclaredUnit");
    }

    @Test
    void energy_footprints_become_tonnes_co2e_per_megawatt_hour() {
        // 0.2 kg CO2e per kWh = 200 kg per MWh = 0.2 t/MWh; a placeholder stream takes an energy footprint per MWh
        assertThat(SupplierFootprints.candidate(year2024("kilowatt hour", "1", "0", "0.2"), null).perUnit()).isCloseTo(0.2, within(1e-12));
        // 0.05 kg CO2e per MJ × 3600 MJ per MWh = 180 kg = 0.18 t per MWh
        assertThat(SupplierFootprints.candidate(year2024("megajoule", "1", "0", "0.05"), "MWh").perUnit()).isCloseTo(0.18, within(1e-12));
        assertThatThrownBy(() -> SupplierFootprints.candidate(year2024("kilogram", "1", "1", "0.05"), "MWh")).hasMessageContaining("MWh");
    }

    @Test
    void the_year_is_the_middle_of_the_reference_period_and_removals_are_not_taken() {
        // July 2023 to July 2024: the middle is 31 December 2023
        var period = footprint("kilogram", "1", "1", "1", "2023-07-01T00:00:00Z", "2024-07-01T00:00:00Z");
        assertThat(SupplierFootprints.candidate(period, "t").year()).isEqualTo(2023);
        assertThat(SupplierFootprints.candidate(year2024("kilogram", "1", "1", "1"), "t").year()).isEqualTo(2024);
        assertThatThrownBy(() -> SupplierFootprints.candidate(year2024("kilogram", "1", "1", "-0.4"), "t")).hasMessageContaining("negative");
    }
}
