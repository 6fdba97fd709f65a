package org.symbiosiskb.pact;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.symbiosiskb.security.Caller;
import org.symbiosiskb.security.Role;

@Tag("fast")
class PactTokensTest {

    @Test
    void a_token_carries_its_keys_partner_and_role_until_its_lifetime_is_over() {
        var clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        var properties = new PactProperties(null, null, null, null, null, Duration.ofMinutes(10), null, null, null, null);
        var tokens = new PactTokens(clock, properties);
        var fi = new Caller("fi", Role.READER, false);
        var issued = tokens.issue(fi);
        assertThat(issued.lifetime()).isEqualTo(Duration.ofMinutes(10));
        assertThat(tokens.check(issued.token())).isEqualTo(new PactTokens.Valid(fi));
        assertThat(tokens.issue(fi).token()).isNotEqualTo(issued.token());
        clock.advance(Duration.ofMinutes(10).minusMillis(1));
        assertThat(tokens.check(issued.token())).isInstanceOf(PactTokens.Valid.class);
        clock.advance(Duration.ofMillis(1));
        assertThat(tokens.check(issued.token())).isInstanceOf(PactTokens.Expired.class);
        assertThat(tokens.check("not-a-token")).isInstanceOf(PactTokens.Unknown.class);
        // an expired token is remembered for a day, then forgotten (when the next token is issued)
        clock.advance(Duration.ofDays(1).plusSeconds(1));
        tokens.issue(fi);
        assertThat(tokens.check(issued.token())).isInstanceOf(PactTokens.Unknown.class);
    }
}
