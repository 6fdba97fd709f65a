package org.symbiosiskb.pact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
class PactIdsTest {

    @Test
    void name_based_ids_are_rfc_9562_version_5() {
        // RFC 9562, appendix A.4: the DNS namespace and "www.example.com"
        assertThat(PactIds.nameBased(UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8"), "www.example.com"))
                .isEqualTo(UUID.fromString("2ed6657d-e927-568b-95e1-2665a8aea6a2"));
    }

    @Test
    void a_footprint_keeps_its_id_for_what_it_is_of_and_each_version_gets_another() {
        var first = PactIds.footprint("process:fi:smelter@2024", 1);
        assertThat(PactIds.footprint("process:fi:smelter@2024", 1)).isEqualTo(first);
        assertThat(PactIds.footprint("process:fi:smelter@2024", 2)).isNotEqualTo(first);
        assertThat(PactIds.footprint("process:fi:smelter@2023", 1)).isNotEqualTo(first);
        assertThat(first.version()).isEqualTo(5);
    }

    @Test
    void urns_are_url_safe_and_name_the_record() {
        assertThat(PactIds.product("fi:fecr-slag")).isEqualTo("urn:pact:symbiosis-kb:product-id:fi:fecr-slag");
        assertThat(PactIds.recordOfProduct("URN:PACT:SYMBIOSIS-KB:PRODUCT-ID:fi:fecr-slag")).isEqualTo("fi:fecr-slag");
        assertThat(PactIds.businessId("1234567-8")).isEqualTo("urn:pact:symbiosis-kb:business-id:1234567-8");
        assertThat(PactIds.businessId("SE 556000-1234 #1")).isEqualTo("urn:pact:symbiosis-kb:business-id:SE%20556000-1234%20%231");
        assertThat(PactIds.ewc("10 02 07*")).isEqualTo("urn:pact:symbiosis-kb:ewc:10-02-07*");
    }
}
