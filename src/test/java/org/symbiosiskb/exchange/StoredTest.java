package org.symbiosiskb.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Which of a document's records an import reads back, from what its lookup found; no database. */
class StoredTest {

    // the lookup asked for a process in the store, a placeholder, and a new process, and found the first two; and for two
    // flows, one in the store
    private final Stored stored = new Stored(Set.of("fi:smelter", "se:slag", "fi:new"),
            Map.of("fi:smelter", "Process", "se:slag", "SideStream"), Set.of("se:slag"),
            Set.of("fi:moved", "fi:new-flow"), Set.of("fi:moved"), false);

    private static ExchangeRecord record(RecordType type, String key, Map<String, Object> fields) {
        return new ExchangeRecord(type, key, fields, false, "/x/0");
    }

    @Test
    void a_record_with_an_id_is_read_back_only_if_the_store_holds_it_as_a_record() {
        assertThat(stored.mayHold(record(RecordTypes.PROCESSES, "fi:smelter", Map.of()))).isTrue();
        assertThat(stored.mayHold(record(RecordTypes.PROCESSES, "fi:new", Map.of()))).isFalse();
        // a placeholder is no record yet: it is created whole, as before
        assertThat(stored.mayHold(record(RecordTypes.SIDE_STREAMS, "se:slag", Map.of()))).isFalse();
    }

    @Test
    void an_emission_is_read_back_only_if_its_process_is_in_the_store() {
        assertThat(stored.mayHold(record(RecordTypes.EMISSIONS, "fi:smelter@2024/1/-/-", Map.of("process", "fi:smelter")))).isTrue();
        assertThat(stored.mayHold(record(RecordTypes.EMISSIONS, "fi:new@2024/1/-/-", Map.of("process", "fi:new")))).isFalse();
    }

    @Test
    void what_the_lookup_did_not_ask_for_is_read_back() {
        assertThat(stored.mayHold(record(RecordTypes.PROCESSES, "fi:elsewhere", Map.of()))).isTrue();
        assertThat(stored.mayHold(record(RecordTypes.FLOWS, "fi:elsewhere", Map.of("sideStream", "fi:new", "consumer", "fi:new"))))
                .isTrue();
        assertThat(stored.mayHold("fi:new")).isFalse();
        assertThat(stored.mayHold("se:slag")).isTrue();
    }

    @Test
    void a_flow_is_read_back_if_its_id_is_in_the_store_whatever_its_ends() {
        // a flow keeps its id when it moves: new ends say nothing about whether it exists
        assertThat(stored.mayHold(record(RecordTypes.FLOWS, "fi:moved", Map.of("sideStream", "fi:new", "consumer", "fi:new")))).isTrue();
        assertThat(stored.mayHold(record(RecordTypes.FLOWS, "fi:new-flow", Map.of("sideStream", "fi:smelter", "consumer", "fi:smelter"))))
                .isFalse();
    }
}
