package org.symbiosiskb.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/**
 * The configured keys, held only as SHA-256 hashes. A presented key is hashed and looked up; the
 * key itself is never stored or logged. A malformed entry stops the start with the entry's position,
 * since a typo in a key list must not silently lock a partner out or let it in.
 */
@Component
class Keys {

    private static final Pattern ENTRY = Pattern.compile("([a-z][a-z0-9-]{1,31}):(READER|EDITOR|ADMIN):([0-9a-fA-F]{64})");
    private final Map<String, Caller> byHash = new HashMap<>();

    Keys(SecurityProperties properties) {
        for (int i = 0; i < properties.keys().size(); i++) {
            var m = ENTRY.matcher(properties.keys().get(i));
            if (!m.matches()) {
                throw new IllegalStateException("kb.security.keys entry " + (i + 1)
                        + " is not partner:ROLE:sha256-hex (ROLE one of READER, EDITOR, ADMIN; 64 hex digits)");
            }
            byHash.put(m.group(3).toLowerCase(), new Caller(m.group(1), Role.valueOf(m.group(2)), false));
        }
    }

    /** The caller a presented key stands for, or null when it is not a configured key. */
    Caller callerOf(String key) {
        return byHash.get(sha256(key));
    }

    static String sha256(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
