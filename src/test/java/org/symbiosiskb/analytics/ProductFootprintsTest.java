package org.symbiosiskb.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * kb.productFootprint's arithmetic on tiny in-memory graphs, worked out by hand: the footprint per tonne, and its
 * parts (reported, primary, biogenic CO2) followed through the value chain with the footprint's own shares,
 * loops included.
 */
@Tag("fast")
class ProductFootprintsTest {

    static Records.EmissionRecord record(int scope, double tCO2e, String provenance, double biogenicCO2) {
        return new Records.EmissionRecord(null, scope, null, tCO2e, provenance, biogenicCO2);
    }

    @Test
    void a_loop_carries_the_footprint_and_its_parts_with_the_same_shares() {
        // A (100 t) emits 10 t REPORTED with 9 t biogenic CO2 beside it; B (100 t) emits 20 t without provenance.
        // A sends 50 t to B (c = 0.5), B sends 20 t back to A (c = 0.2).
        var graph = new TinyGraph().process("A", 100, record(1, 10, "REPORTED", 9)).process("B", 100, record(1, 20, null, 0))
                .flow("A", "B", 50).flow("B", "A", 20);
        var b = ProductFootprints.run(graph, "B", 2024, Guard.NONE);
        // F(A) = 10 + 0.2 F(B), F(B) = 20 + 0.5 F(A) → F(A) = 14 / 0.9 = 140/9, F(B) = 20 + 70/9 = 250/9 = 27.777…
        assertThat(b.total).isCloseTo(250.0 / 9, within(1e-9));
        assertThat(b.perTonne).isCloseTo(250.0 / 9 / 100, within(1e-12));
        // reported: R(A) = 10 + 0.2 R(B), R(B) = 0.5 R(A) → R(A) = 100/9, R(B) = 50/9; share 50/9 ÷ 250/9 = 0.2
        assertThat(b.reportedShare).isCloseTo(0.2, within(1e-12));
        assertThat(b.primaryShare).isCloseTo(0.2, within(1e-12));
        // biogenic: G(A) = 9 + 0.2 G(B), G(B) = 0.5 G(A) → G(A) = 10, G(B) = 5 t; per tonne 0.05
        assertThat(b.biogenicCO2).isCloseTo(5, within(1e-9));
        assertThat(b.biogenicCO2PerTonne).isCloseTo(0.05, within(1e-12));
        // primary with biogenic: (50/9 + 5) / (250/9 + 5) = 95/295 = 19/59
        assertThat(b.primaryShareWithBiogenic).isCloseTo(19.0 / 59, within(1e-12));
        var a = ProductFootprints.run(graph, "A", 2024, Guard.NONE);
        // A: R(A) / F(A) = (100/9) / (140/9) = 5/7
        assertThat(a.primaryShare).isCloseTo(5.0 / 7, within(1e-12));
    }

    @Test
    void downstream_of_a_loop_the_parts_arrive_with_the_flows_share() {
        // the loop above, and C (10 t, 1 t CALCULATED) taking 30 t of B's 100 t (c = 0.3)
        var graph = new TinyGraph().process("A", 100, record(1, 10, "REPORTED", 9)).process("B", 100, record(1, 20, null, 0))
                .process("C", 10, record(1, 1, "CALCULATED", 0)).flow("A", "B", 50).flow("B", "A", 20).flow("B", "C", 30);
        var c = ProductFootprints.run(graph, "C", 2024, Guard.NONE);
        // F(C) = 1 + 0.3 × 250/9 = 1 + 25/3 = 28/3; per tonne 28/30
        assertThat(c.total).isCloseTo(28.0 / 3, within(1e-9));
        assertThat(c.perTonne).isCloseTo(28.0 / 30, within(1e-12));
        // reported: 0.3 × 50/9 = 5/3 → 5/3 ÷ 28/3 = 5/28; primary: 1 (CALCULATED) + 5/3 = 8/3 → 8/28 = 2/7
        assertThat(c.reportedShare).isCloseTo(5.0 / 28, within(1e-12));
        assertThat(c.primaryShare).isCloseTo(2.0 / 7, within(1e-12));
        // biogenic: 0.3 × 5 = 1.5 t, 0.15 per tonne; with it: (8/3 + 1.5) / (28/3 + 1.5) = (25/6) / (65/6) = 5/13
        assertThat(c.biogenicCO2).isCloseTo(1.5, within(1e-12));
        assertThat(c.primaryShareWithBiogenic).isCloseTo(5.0 / 13, within(1e-12));
    }

    @Test
    void calculated_records_are_primary_data_but_not_reported_and_a_reported_record_replaces_the_assumed_one() {
        // scope 1: a REPORTED 100 and an ILLUSTRATIVE 120 of the same scope: only the REPORTED counts (Counting);
        // scope 2: CALCULATED 50. E = 150; reported 100/150, primary (100 + 50)/150 = 1
        var graph = new TinyGraph().process("P", 300, record(1, 100, "REPORTED", 0), record(1, 120, null, 0), record(2, 50, "CALCULATED", 0));
        var p = ProductFootprints.run(graph, "P", 2024, Guard.NONE);
        assertThat(p.total).isCloseTo(150, within(1e-9));
        assertThat(p.perTonne).isCloseTo(0.5, within(1e-12));
        assertThat(p.reportedShare).isCloseTo(100.0 / 150, within(1e-12));
        assertThat(p.primaryShare).isCloseTo(1, within(1e-12));
    }

    @Test
    void without_output_there_is_no_figure_per_tonne_and_without_emissions_no_share() {
        var graph = new TinyGraph().process("Q", 0, record(1, 10, null, 0)).process("R", 10);
        assertThat(ProductFootprints.run(graph, "Q", 2024, Guard.NONE).perTonne).isNull();
        var r = ProductFootprints.run(graph, "R", 2024, Guard.NONE);
        assertThat(r.perTonne).isEqualTo(0.0);
        assertThat(r.primaryShare).isNull();
    }
}
