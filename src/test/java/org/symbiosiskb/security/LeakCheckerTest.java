package org.symbiosiskb.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The leak test's checker finds a hidden figure however an answer gives it away, and nothing else. */
@Tag("fast")
class LeakCheckerTest {

    @Test
    void a_hidden_figure_standing_in_the_answer_is_a_leak() {
        assertThat(LeakChecker.leaks("{\"quantity\":4817.3129}", List.of(4817.3129))).hasSize(1);
    }

    @Test
    void a_hidden_figure_that_is_a_total_minus_a_shown_part_is_a_leak() {
        // gross 7799.9 = 7777.7 (hidden) + 22.2 (shown): 7799.9 − 22.2 gives it away
        assertThat(LeakChecker.leaks("{\"gross\":7799.9,\"byProcess\":[{\"tCO2e\":22.2}]}", List.of(7777.7))).isNotEmpty();
    }

    @Test
    void a_hidden_figure_that_is_a_total_minus_the_sum_of_the_listed_parts_is_a_leak() {
        // 1000.5 − (100.25 + 200.125) = 700.125
        assertThat(LeakChecker.leaks("{\"gross\":1000.5,\"byProcess\":[{\"tCO2e\":100.25},{\"tCO2e\":200.125}]}", List.of(700.125)))
                .isNotEmpty();
    }

    @Test
    void an_answer_without_the_figure_or_its_differences_has_no_leak() {
        // 7799.9 − 22.2 = 7777.7, but the hidden figure here is 7777.8
        assertThat(LeakChecker.leaks("{\"gross\":7799.9,\"byProcess\":[{\"tCO2e\":22.2}]}", List.of(7777.8))).isEmpty();
        assertThat(LeakChecker.leaks("{\"gross\":null,\"withheld\":true}", List.of(7777.7))).isEmpty();
    }
}
