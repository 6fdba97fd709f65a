package org.symbiosiskb.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The {@code kb.security.keys} entry of a test key: the service holds only the key's SHA-256. */
public final class TestKeys {

    private TestKeys() {
    }

    /** {@code partner:ROLE:sha256(key)} */
    public static String entry(String partner, String role, String key) {
        return partner + ":" + role + ":" + sha256(key);
    }

    public static String sha256(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
