package org.symbiosiskb.pact;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Identifiers this host gives in PACT (docs/partners.md, PACT; docs/pact.md):
 * <ul>
 * <li>footprint ids: name-based UUIDs (version 5) of what a footprint is of and its version, so the same
 * footprint keeps its id across restarts and a new version gets a new one;</li>
 * <li>product ids: {@code urn:pact:symbiosis-kb:product-id:<record id>}, the process whose main product it is
 * or the side stream, so they are the same at every instance of the network (record ids are);</li>
 * <li>company ids: {@code urn:pact:symbiosis-kb:business-id:<business id>} where the organization has one,
 * and always {@code urn:pact:symbiosis-kb:company-id:<organization id>};</li>
 * <li>classifications: a side stream's List of Waste code, {@code urn:pact:symbiosis-kb:ewc:10-02-02}.</li>
 * </ul>
 * PACT's recommended form is {@code urn:pact:<domain>:<type>:<id>}; ours names the knowledge base's id scheme
 * where a domain would stand, since a record id means the same whichever instance serves it. Everything
 * outside {@code [A-Za-z0-9._*-]} in a value from outside (a business id) is %-escaped, so ids stay URL-safe
 * (the {@code *} of a hazardous waste code is allowed in URNs and in query strings).
 */
final class PactIds {

    static final String PREFIX = "urn:pact:symbiosis-kb:";
    /** The namespace of footprint ids (random once, fixed forever). */
    private static final UUID NAMESPACE = UUID.fromString("1b8e0c52-5f0d-4f0c-9a53-0f6f4c3e6a51");

    private PactIds() {
    }

    static String product(String recordId) {
        return PREFIX + "product-id:" + recordId;
    }

    static String company(String organizationId) {
        return PREFIX + "company-id:" + organizationId;
    }

    static String businessId(String businessId) {
        return PREFIX + "business-id:" + escape(businessId.strip());
    }

    /** A partner as the owner of footprints whose organization this instance does not know. */
    static String partner(String partner) {
        return PREFIX + "partner:" + partner;
    }

    static String ewc(String code) {
        return PREFIX + "ewc:" + escape(code.strip().replace(' ', '-'));
    }

    /** The record id a product URN of ours names, if it is one. */
    static String recordOfProduct(String urn) {
        String prefix = PREFIX + "product-id:";
        return urn != null && urn.regionMatches(true, 0, prefix, 0, prefix.length()) ? urn.substring(prefix.length()) : null;
    }

    /** Version {@code version} of the footprint of {@code subject} ({@code process:fi:smelter@2024}). */
    static UUID footprint(String subject, int version) {
        return nameBased(NAMESPACE, "symbiosis-kb footprint " + subject + " #" + version);
    }

    /** RFC 9562 version 5: SHA-1 of the namespace and the name. */
    static UUID nameBased(UUID namespace, String name) {
        try {
            var sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(ByteBuffer.allocate(16).putLong(namespace.getMostSignificantBits()).putLong(namespace.getLeastSignificantBits()).array());
            byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
            hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
            hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
            var buffer = ByteBuffer.wrap(hash, 0, 16);
            return new UUID(buffer.getLong(), buffer.getLong());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every JDK", e);
        }
    }

    private static String escape(String value) {
        var out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-' || c == '*') {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }
}
