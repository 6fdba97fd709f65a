package org.symbiosiskb.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The annuity factor of the abatement cost curve (docs/spec/analytics.md §6): CRF = r(1+r)^n / ((1+r)^n − 1), 1/n when r = 0. */
@Tag("fast")
class CapitalRecoveryTest {

    @Test
    void at_a_zero_rate_capex_is_spread_evenly_over_the_lifetime() {
        assertThat(Roadmaps.capitalRecoveryFactor(0, 4)).isEqualTo(0.25);
        assertThat(Roadmaps.capitalRecoveryFactor(0, 1)).isEqualTo(1.0);
    }

    @Test
    void at_a_positive_rate_each_payment_also_pays_interest() {
        // one year: the capital plus a year's interest, 1.05
        assertThat(Roadmaps.capitalRecoveryFactor(0.05, 1)).isCloseTo(1.05, within(1e-12));
        // r = 0.1, n = 10: 1.1^10 = 2.5937424601; 0.1 × 2.5937424601 / 1.5937424601 = 0.16274539488
        assertThat(Roadmaps.capitalRecoveryFactor(0.1, 10)).isCloseTo(0.16274539488, within(1e-11));
        // r = 0.05, n = 2: 0.05 × 1.1025 / 0.1025 = 0.537804878…, more than 1/2
        assertThat(Roadmaps.capitalRecoveryFactor(0.05, 2)).isCloseTo(0.055125 / 0.1025, within(1e-15));
    }
}
