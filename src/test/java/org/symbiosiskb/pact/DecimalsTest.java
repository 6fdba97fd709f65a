package org.symbiosiskb.pact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
class DecimalsTest {

    @Test
    void decimals_are_plain_strings_of_nine_significant_digits_never_with_an_exponent() {
        assertThat(Decimals.of(0.15 + 0.02)).isEqualTo("0.17"); // 0.16999999999999998 in binary
        assertThat(Decimals.of(1e-7)).isEqualTo("0.0000001");
        assertThat(Decimals.of(1.5e12)).isEqualTo("1500000000000");
        assertThat(Decimals.of(2.0 / 3)).isEqualTo("0.666666667");
        assertThat(Decimals.of(-0.0)).isEqualTo("0");
        assertThat(Decimals.of(-2.5)).isEqualTo("-2.5");
        assertThat(Decimals.percent(860.0 / 1085)).isEqualTo("79.2626728");
        // each matches the v3 Decimal pattern
        for (double x : new double[] {0.15 + 0.02, 1e-7, 1.5e12, 2.0 / 3, -2.5}) {
            assertThat(Decimals.of(x)).matches("^[+-]?\\d+(\\.\\d+)?$");
        }
        assertThatThrownBy(() -> Decimals.of(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
