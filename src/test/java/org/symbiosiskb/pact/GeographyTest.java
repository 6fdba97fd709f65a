package org.symbiosiskb.pact;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
class GeographyTest {

    static ProductFootprint.CarbonFootprint at(String region, String country, String subdivision) {
        return new ProductFootprint.CarbonFootprint("kilogram", "1", "1", null, null, region, country, subdivision, null, "0", "0", "0", "0",
                false, false, null, null, "0", null, null, null);
    }

    @Test
    void a_footprint_lies_within_its_country_its_un_m49_subregion_and_region() {
        var finland = at(null, "FI", null);
        assertThat(Geography.within("FI", finland)).isTrue();
        assertThat(Geography.within("fi", finland)).isTrue();
        assertThat(Geography.within("Northern Europe", finland)).isTrue();
        assertThat(Geography.within("europe", finland)).isTrue();
        assertThat(Geography.within("Western Europe", finland)).isFalse();
        assertThat(Geography.within("SE", finland)).isFalse();
        assertThat(Geography.within("FI-18", finland)).as("a country is not within one of its subdivisions").isFalse();
    }

    @Test
    void a_subdivision_lies_within_its_country_and_a_region_only_within_itself() {
        var uusimaa = at(null, null, "FI-18");
        assertThat(Geography.within("FI-18", uusimaa)).isTrue();
        assertThat(Geography.within("FI", uusimaa)).isTrue();
        assertThat(Geography.within("Europe", uusimaa)).isTrue();
        var americas = at("Latin America and the Caribbean", null, null);
        assertThat(Geography.within("latin america and the caribbean", americas)).isTrue();
        assertThat(Geography.within("Americas", americas)).as("no table of regions within regions is kept").isFalse();
        assertThat(Geography.within("XX", at(null, null, null))).isFalse();
        // Brazil (BRA in M49) through its alpha-2 code
        assertThat(Geography.within("Americas", at(null, "BR", null))).isTrue();
    }
}
