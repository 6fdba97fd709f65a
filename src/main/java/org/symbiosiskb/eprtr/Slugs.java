package org.symbiosiskb.eprtr;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;

/** The local part of generated ids: lower case, letters without accents, every other character a single '-'. */
final class Slugs {

    /** docs/spec/model.md: the local part of an id is at most 128 characters. */
    static final int MAX_LOCAL = 128;

    private Slugs() {
    }

    /** The rule for facility ids: lower-cased, every character outside [a-z0-9-] replaced by '-' (nothing else). */
    static String facility(String facilityId) {
        return facilityId.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
    }

    /**
     * {@code prefix} + a readable slug of a name ("Befesa ScanDust AB" → "befesa-scandust-ab"); names too
     * long for an id are cut and get 8 hex digits of their SHA-256, so two long names never share an id.
     */
    static String of(String prefix, String name) {
        String slug = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.isEmpty()) {
            slug = hash(name);
        }
        if (prefix.length() + slug.length() > MAX_LOCAL) {
            slug = slug.substring(0, MAX_LOCAL - prefix.length() - 9).replaceAll("-+$", "") + "-" + hash(name);
        }
        return prefix + slug;
    }

    private static String hash(String name) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8))).substring(0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
