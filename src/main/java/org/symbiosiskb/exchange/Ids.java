package org.symbiosiskb.exchange;

import java.util.regex.Pattern;

/** Record ids: {@code <partner>:<local>} (docs/spec/model.md). The partner prefix is the owner. */
public final class Ids {

    static final Pattern PARTNER = Pattern.compile("[a-z][a-z0-9-]{1,31}");
    static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{1,31}:[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private Ids() {
    }

    public static boolean isValid(String id) {
        return id != null && ID.matcher(id).matches();
    }

    public static boolean isValidPartner(String partner) {
        return partner != null && PARTNER.matcher(partner).matches();
    }

    /** The owner of a well-formed id. */
    public static String partnerOf(String id) {
        int colon = id.indexOf(':');
        return colon < 0 ? id : id.substring(0, colon);
    }
}
