package org.symbiosiskb.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The GHG Protocol calculation on its own (no database, no Spring), every figure worked out by hand beside it. The
 * factors are the shipped ones (reference/factor-sets.json): light fuel oil 73.5 g CO2e/MJ = 0.0735 t/GJ, the EEA
 * Finnish grid 2023 33 g/kWh, the Energiavirasto residual mix 2023 554.90 g/kWh, DESNZ 2025 freight, travel and
 * waste, DESNZ wood chips with their biogenic CO2.
 */
@Tag("fast")
class GhgCalculationTest {

    static final double EPS = 1e-9;

    static Ghg.Factor factor(String id, String activity, String unit, double perUnit, int scope, Integer category, Double biogenic) {
        return new Ghg.Factor(id, activity, unit, perUnit, scope, category, biogenic, "Set of " + id, 2023L, "PUBLIC");
    }

    static final Ghg.Factor LIGHT_FUEL_OIL = factor("kb:oil", "FUEL_LIGHT_FUEL_OIL", "GJ", 0.0735, 1, null, null);
    static final Ghg.Factor GRID = factor("kb:grid", "ELECTRICITY_GRID", "kWh", 0.000033, 2, null, null);
    static final Ghg.Factor RESIDUAL_MIX = factor("kb:residual", "ELECTRICITY_RESIDUAL_MIX", "kWh", 0.0005549, 2, null, null);
    static final Ghg.Factor GUARANTEE_OF_ORIGIN = factor("fi:go", "ELECTRICITY_RENEWABLE_GO", "MWh", 0, 2, null, null);
    static final Ghg.Factor HGV = factor("kb:hgv", "FREIGHT_ROAD_HGV_AVERAGE", "tkm", 0.00010163, 3, 4, null);
    static final Ghg.Factor SEA = factor("kb:sea", "FREIGHT_SEA_CARGO", "tkm", 0.00001321, 3, 4, null);
    static final Ghg.Factor RAIL_TRAVEL = factor("kb:rail", "TRAVEL_RAIL_NATIONAL", "km", 0.00003546, 3, 6, null);
    static final Ghg.Factor LANDFILL = factor("kb:landfill", "WASTE_LANDFILL_MIXED_COMMERCIAL", "t", 0.5205327, 3, 5, null);
    static final Ghg.Factor WOOD_CHIPS = factor("kb:chips", "FUEL_WOOD_CHIPS", "t", 0.04343964, 1, null, 1.33571);

    static Ghg.Activity line(String id, double quantity, String unit, Ghg.Factor factor, Ghg.Factor market) {
        return new Ghg.Activity(id, "fi:p", 2023, quantity, unit, factor, market, "NETWORK");
    }

    @Test
    void a_fuel_in_MWh_is_converted_to_the_factors_GJ() {
        // 10 MWh × 3.6 GJ/MWh = 36 GJ; 36 GJ × 0.0735 t/GJ = 2.646 t
        Ghg.Line line = Ghg.line(line("fi:oil", 10, "MWh", LIGHT_FUEL_OIL, null));
        assertThat(line.quantityInFactorUnit()).isCloseTo(36, within(EPS));
        assertThat(line.tCO2e()).isCloseTo(2.646, within(EPS));
        assertThat(line.scope()).isEqualTo(1);
        assertThat(line.source()).isEqualTo("ENERGY");
        assertThat(line.marketBasedTCO2e()).as("market-based is a scope-2 figure").isNull();
        // 2 500 kWh = 2 500 × 3.6 MJ = 9 GJ; × 0.0735 = 0.6615 t; 0.002 TJ = 2 GJ; × 0.0735 = 0.147 t
        assertThat(Ghg.line(line("fi:oil", 2500, "kWh", LIGHT_FUEL_OIL, null)).tCO2e()).isCloseTo(0.6615, within(EPS));
        assertThat(Ghg.line(line("fi:oil", 0.002, "TJ", LIGHT_FUEL_OIL, null)).tCO2e()).isCloseTo(0.147, within(EPS));
    }

    @Test
    void conversions_stay_within_a_dimension() {
        // 1 MWh = 3.6 GJ; 1 TJ = 1 000 GJ = 277.777… MWh; 1 500 kg = 1.5 t; 2 500 l = 2.5 m3
        assertThat(Units.convert(1, "MWh", "GJ")).isCloseTo(3.6, within(1e-15));
        assertThat(Units.convert(1, "TJ", "MWh")).isCloseTo(1000 / 3.6, within(1e-12));
        assertThat(Units.convert(1500, "kg", "t")).isEqualTo(1.5);
        assertThat(Units.convert(2500, "l", "m3")).isEqualTo(2.5);
        assertThat(Units.convert(42, "tkm", "tkm")).isEqualTo(42);
        assertThat(Units.sameDimension("GJ")).containsExactly("kWh", "MWh", "GJ", "TJ");
        assertThat(Units.sameDimension("km")).containsExactly("km");
    }

    @Test
    void a_unit_of_another_dimension_is_refused_naming_both() {
        assertThatThrownBy(() -> Ghg.line(line("fi:oil", 1000, "kg", LIGHT_FUEL_OIL, null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("kg cannot be converted to GJ");
        assertThatThrownBy(() -> Units.convert(1, "km", "tkm")).hasMessageContaining("km cannot be converted to tkm");
        assertThatThrownBy(() -> Units.convert(1, "EUR", "t")).hasMessageContaining("EUR cannot be converted to t");
    }

    @Test
    void grid_electricity_with_a_guarantee_of_origin_is_zero_market_based_but_not_location_based() {
        // 100 000 kWh × 33 g/kWh = 3.3 t location-based; the guarantee of origin (0 t/MWh, in MWh: 100 MWh × 0) makes it 0 market-based
        var inventory = Ghg.inventory(List.of(line("fi:el", 100_000, "kWh", GRID, GUARANTEE_OF_ORIGIN)));
        assertThat(inventory.scope2LocationBased()).isCloseTo(3.3, within(EPS));
        assertThat(inventory.scope2MarketBased()).isEqualTo(0.0);
        assertThat(inventory.marketBasedComplete()).isTrue();

        // without one, the market-based figure is the residual mix: 100 000 × 554.90 g = 55.49 t; the location-based stays 3.3
        inventory = Ghg.inventory(List.of(line("fi:el", 100_000, "kWh", GRID, RESIDUAL_MIX)));
        assertThat(inventory.scope2LocationBased()).isCloseTo(3.3, within(EPS));
        assertThat(inventory.scope2MarketBased()).isCloseTo(55.49, within(EPS));
        // totals: location 0 + 3.3 + 0 = 3.3, market 0 + 55.49 + 0 = 55.49
        assertThat(inventory.totalLocationBased()).isCloseTo(3.3, within(EPS));
        assertThat(inventory.totalMarketBased()).isCloseTo(55.49, within(EPS));
    }

    @Test
    void a_scope_2_line_without_a_market_factor_counts_its_location_based_figure_and_flags_the_total_incomplete() {
        // line 1: 100 000 kWh with a guarantee of origin: 3.3 t location, 0 market
        // line 2: 50 000 kWh without a market factor: 1.65 t location, and 1.65 t stands in for market
        var inventory = Ghg.inventory(List.of(line("fi:el-1", 100_000, "kWh", GRID, GUARANTEE_OF_ORIGIN),
                line("fi:el-2", 50_000, "kWh", GRID, null)));
        assertThat(inventory.scope2LocationBased()).isCloseTo(3.3 + 1.65, within(EPS));
        assertThat(inventory.scope2MarketBased()).isCloseTo(0 + 1.65, within(EPS));
        assertThat(inventory.marketBasedComplete()).isFalse();
    }

    @Test
    void scope_3_categories_are_summed_category_by_category() {
        var inventory = Ghg.inventory(List.of(
                line("fi:hgv", 20_000, "tkm", HGV, null),         // 20 000 × 0.00010163 = 2.0326 (category 4)
                line("fi:sea", 100_000, "tkm", SEA, null),        // 100 000 × 0.00001321 = 1.321 (category 4)
                line("fi:waste", 12, "t", LANDFILL, null),        // 12 × 0.5205327 = 6.2463924 (category 5)
                line("fi:trains", 5_000, "km", RAIL_TRAVEL, null))); // 5 000 × 0.00003546 = 0.1773 (category 6)
        assertThat(inventory.byCategory()).extracting(Ghg.CategoryTotal::category).containsExactly(4, 5, 6);
        assertThat(inventory.byCategory().get(0).tCO2e()).isCloseTo(2.0326 + 1.321, within(EPS));
        assertThat(inventory.byCategory().get(1).tCO2e()).isCloseTo(6.2463924, within(EPS));
        assertThat(inventory.byCategory().get(2).tCO2e()).isCloseTo(0.1773, within(EPS));
        // 3.3536 + 6.2463924 + 0.1773 = 9.7772924
        assertThat(inventory.scope3()).isCloseTo(9.7772924, within(EPS));
        assertThat(inventory.totalLocationBased()).isCloseTo(9.7772924, within(EPS));
        assertThat(inventory.marketBasedComplete()).as("no scope-2 line: nothing is missing").isTrue();
    }

    @Test
    void biogenic_co2_is_kept_outside_the_scopes() {
        // 50 t of wood chips: scope 1 (CH4 and N2O) 50 × 0.04343964 = 2.171982 t; biogenic CO2 50 × 1.33571 = 66.7855 t
        var inventory = Ghg.inventory(List.of(line("fi:chips", 50_000, "kg", WOOD_CHIPS, null)));
        assertThat(inventory.scope1()).isCloseTo(2.171982, within(EPS));
        assertThat(inventory.biogenicCO2()).isCloseTo(66.7855, within(EPS));
        assertThat(inventory.totalLocationBased()).as("biogenic CO2 is not in the total").isCloseTo(2.171982, within(EPS));
    }

    @Test
    void records_are_one_per_process_year_scope_category_and_source_and_as_strict_as_their_lines() {
        var privateLine = new Ghg.Activity("fi:oil-2", "fi:p", 2023, 5, "MWh", LIGHT_FUEL_OIL, null, "PRIVATE");
        var records = Ghg.records(List.of(
                line("fi:oil-1", 10, "MWh", LIGHT_FUEL_OIL, null),     // 2.646
                privateLine,                                           // 5 × 3.6 × 0.0735 = 1.323
                line("fi:chips", 50, "t", WOOD_CHIPS, null),           // 2.171982, biogenic 66.7855
                line("fi:el", 100_000, "kWh", GRID, GUARANTEE_OF_ORIGIN), // 3.3 (location-based)
                line("fi:hgv", 20_000, "tkm", HGV, null),              // 2.0326, category 4
                line("fi:waste", 12, "t", LANDFILL, null)));           // 6.2463924, category 5, LANDFILL
        assertThat(records).extracting(r -> r.scope() + "/" + r.category() + "/" + r.source())
                .containsExactly("1/null/ENERGY", "2/null/ENERGY", "3/4/LOGISTICS", "3/5/LANDFILL");
        var scope1 = records.getFirst();
        // 2.646 + 1.323 + 2.171982 = 6.140982: the three fuels of the year in one record
        assertThat(scope1.tCO2e()).isCloseTo(6.140982, within(EPS));
        assertThat(scope1.biogenicCO2()).isCloseTo(66.7855, within(EPS));
        assertThat(scope1.activities()).containsExactly("fi:oil-1", "fi:oil-2", "fi:chips");
        assertThat(scope1.visibility()).as("the strictest of its lines").isEqualTo("PRIVATE");
        assertThat(scope1.provenanceSource()).isEqualTo("Set of kb:chips 2023; Set of kb:oil 2023");
        assertThat(records.get(1).tCO2e()).as("scope 2 records are location-based").isCloseTo(3.3, within(EPS));
        assertThat(records.get(1).biogenicCO2()).isNull();
        assertThat(records.get(1).visibility()).isEqualTo("NETWORK");
    }

    @Test
    void a_line_whose_factor_is_not_here_is_listed_apart_and_not_calculated() {
        var inventory = Ghg.inventory(List.of(line("fi:oil", 10, "MWh", LIGHT_FUEL_OIL, null), line("fi:elsewhere", 10, "MWh", null, null)));
        assertThat(inventory.scope1()).isCloseTo(2.646, within(EPS));
        assertThat(inventory.uncalculated()).extracting(Ghg.Activity::id).containsExactly("fi:elsewhere");
        assertThat(Ghg.records(List.of(line("fi:elsewhere", 10, "MWh", null, null)))).isEmpty();
    }

    @Test
    void a_stored_line_its_factor_no_longer_fits_is_read_as_uncalculated() {
        // a peer changed its factor to another dimension (a harvest is not refused for it): the line is not calculated
        var read = Ghg.Activity.read("fi:oil", "fi:p", 2023, 10, "kg", null, null, null);
        assertThat(read.factor()).isNull();
        read = Ghg.Activity.read("fi:oil", "fi:p", 2023, 10, "kg", LIGHT_FUEL_OIL, null, null);
        assertThat(read.factor()).isNull();
        assertThat(Ghg.inventory(List.of(read)).uncalculated()).hasSize(1);
        // a market factor in another unit than the line's is dropped, the line itself still counts: 100 MWh × 1 000 × 0.000033 = 3.3
        read = Ghg.Activity.read("fi:el", "fi:p", 2023, 100, "MWh", GRID, factor("x:m3", "X", "m3", 1, 2, null, null), null);
        assertThat(read.marketFactor()).isNull();
        assertThat(Ghg.inventory(List.of(read)).scope2LocationBased()).isCloseTo(3.3, within(EPS));
    }
}
