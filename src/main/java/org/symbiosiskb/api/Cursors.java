package org.symbiosiskb.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Opaque cursors: the id of the last record seen, so a page continues correctly after inserts. */
public final class Cursors {

    private static final String PREFIX = "id:";

    private Cursors() {
    }

    public static String encode(String id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + id).getBytes(StandardCharsets.UTF_8));
    }

    /** @throws BadRequestException naming {@code after} when the cursor is not one of ours */
    public static String decode(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (text.startsWith(PREFIX)) {
                return text.substring(PREFIX.length());
            }
        } catch (IllegalArgumentException notBase64) {
            // fall through
        }
        throw new BadRequestException("after: \"" + cursor + "\" is not a cursor from this API; use pageInfo.endCursor of the previous page");
    }
}
