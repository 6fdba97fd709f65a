package org.symbiosiskb.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The store is read one pass per entity (CoreFlowGraph: a flow's properties, its side stream and producer once per
 * stream, an emission record's properties): what the values read become, worked by hand, without a database.
 */
@Tag("fast")
class StoreReadingTest {

    /** A stream in tonnes whose producer puts out 1000 t a year and is here. */
    static CoreFlowGraph.Source slag(AtomicInteger publishedReads) {
        return new CoreFlowGraph.Source("fi:slag", "t", 400, null, "fi:steel", 1000.0, false, () -> {
            publishedReads.incrementAndGet();
            return Map.of(2024, 0.5);
        });
    }

    @Test
    void a_flow_read_from_its_properties_carries_its_share_and_its_transport() {
        var reads = new AtomicInteger();
        Map<String, Object> properties = Map.of("id", "fi:f1", "quantity", 250.0, "distanceKm", 40.0, "transportMode", "ROAD", "fromYear", 2020L);

        Flow f = CoreFlowGraph.flow(properties, slag(reads), "fi:cement", id -> id);

        assertThat(f.id()).isEqualTo("fi:f1");
        assertThat(f.sideStream()).isEqualTo("fi:slag");
        assertThat(f.producer()).isEqualTo("fi:steel");
        assertThat(f.consumer()).isEqualTo("fi:cement");
        // c(f) = 250 t / 1000 t of output = 0.25
        assertThat(f.share(Allocation.MASS)).isCloseTo(0.25, within(1e-15));
        // T(f) = 250 t × 40 km × 0.107 kg/tkm (ROAD's default) / 1000 = 1.07 t
        assertThat(f.transport()).isCloseTo(1.07, within(1e-12));
        // the producer's data is here: the published footprint is neither used nor read
        assertThat(f.publishedBurden(Allocation.MASS, 2024)).isZero();
        assertThat(reads).hasValue(0);
    }

    @Test
    void a_stream_without_its_producer_here_passes_on_what_its_owner_published_read_once_for_all_its_flows() {
        var reads = new AtomicInteger();
        var stream = new CoreFlowGraph.Source("se:ash", "t", 100, null, null, null, true, () -> {
            reads.incrementAndGet();
            return Map.of(2024, 0.5);
        });

        Flow a = CoreFlowGraph.flow(Map.of("id", "se:f1", "quantity", 10.0), stream, "fi:cement", id -> id);
        Flow b = CoreFlowGraph.flow(Map.of("id", "se:f2", "quantity", 30.0), stream, "fi:road", id -> id);

        // no producer: the stream stands in for it, and passes on nothing by share
        assertThat(a.producer()).isEqualTo("se:ash");
        assertThat(a.shareIn(Allocation.MASS, 2024)).isZero();
        // 10 t × 0.5 t CO2e/t = 5 t; 30 t × 0.5 = 15 t
        assertThat(a.publishedBurden(Allocation.MASS, 2024)).isCloseTo(5.0, within(1e-12));
        assertThat(b.publishedBurden(Allocation.MASS, 2024)).isCloseTo(15.0, within(1e-12));
        assertThat(reads).hasValue(1);
    }

    @Test
    void a_flow_marked_to_use_the_published_footprint_uses_it_though_the_producer_is_here() {
        var reads = new AtomicInteger();
        var properties = new HashMap<String, Object>(Map.of("id", "fi:f2", "quantity", 40.0));
        properties.put(CoreFlowGraph.USE_PUBLISHED, true);

        Flow f = CoreFlowGraph.flow(properties, slag(reads), "fi:cement", id -> id);

        // 40 t × 0.5 = 20 t instead of c(f) = 40 / 1000 of the producer's footprint
        assertThat(f.publishedBurden(Allocation.MASS, 2024)).isCloseTo(20.0, within(1e-12));
        assertThat(f.shareIn(Allocation.MASS, 2024)).isZero();
        assertThat(reads).hasValue(1);
    }

    @Test
    void the_consumer_and_producer_ids_are_the_projections_own_instances() {
        var canonical = new HashMap<String, String>();
        String steel = new String("fi:steel");
        String cement = new String("fi:cement");
        canonical.put("fi:steel", steel);
        canonical.put("fi:cement", cement);

        Flow f = CoreFlowGraph.flow(Map.of("id", "fi:f1", "quantity", 1.0), slag(new AtomicInteger()), "fi:cement", canonical::get);

        assertThat(f.producer()).isSameAs(steel);
        assertThat(f.consumer()).isSameAs(cement);
    }

    @Test
    void an_emission_record_read_from_its_properties_states_no_biogenic_co2_unless_it_has_some() {
        var plain = CoreFlowGraph.emissionRecord(Map.of("id", "fi:e1", "scope", 1L, "source", "kiln", "tCO2e", 812.5, "year", 2024L));
        var wood = CoreFlowGraph.emissionRecord(Map.of("id", "fi:e2", "scope", 2L, "tCO2e", 3.0, "provenance", "REPORTED", "biogenicCO2", 120.0));

        assertThat(plain).isEqualTo(new Records.EmissionRecord("fi:e1", 1, "kiln", 812.5, null, 0));
        assertThat(wood).isEqualTo(new Records.EmissionRecord("fi:e2", 2, null, 3.0, "REPORTED", 120.0));
        assertThat(wood.reported()).isTrue();
    }
}
