package org.symbiosiskb.pact;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;
import org.symbiosiskb.security.Caller;

/**
 * The PACT host's access tokens: 32 random bytes, valid for {@code kb.pact.token-lifetime} (an hour), each
 * carrying the partner and role of the key it was issued for. Held in memory by their SHA-256 only, so a
 * restart ends every token (clients ask for a new one, as PACT clients do when a token expires). An expired
 * token is remembered for a day more, so its client hears TokenExpired rather than an unknown token.
 */
@Component
class PactTokens {

    private static final Duration REMEMBER_EXPIRED = Duration.ofDays(1);

    /** What a presented token is. */
    sealed interface Check permits Valid, Expired, Unknown {
    }

    record Valid(Caller caller) implements Check {
    }

    record Expired() implements Check {
    }

    record Unknown() implements Check {
    }

    record Issued(String token, Duration lifetime) {
    }

    private record Entry(Caller caller, Instant expires) {
    }

    private final Map<String, Entry> tokens = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final Duration lifetime;

    PactTokens(Clock clock, PactProperties properties) {
        this.clock = clock;
        this.lifetime = properties.tokenLifetime();
    }

    Issued issue(Caller caller) {
        Instant now = clock.instant();
        tokens.values().removeIf(e -> e.expires().plus(REMEMBER_EXPIRED).isBefore(now));
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        tokens.put(hash(token), new Entry(caller, now.plus(lifetime)));
        return new Issued(token, lifetime);
    }

    Check check(String token) {
        Entry entry = token == null ? null : tokens.get(hash(token));
        if (entry == null) {
            return new Unknown();
        }
        return clock.instant().isBefore(entry.expires()) ? new Valid(entry.caller()) : new Expired();
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
