package org.symbiosiskb.api;

import java.util.regex.Pattern;

/**
 * Record ids: {@code <partner>:<local>} (docs/spec/model.md). The partner prefix is the owner. The one home of
 * both forms: the exchange format, the disclosure rule, configuration checks and error messages all use these.
 */
public final class Ids {

    /** A partner prefix, as error messages name it. */
    public static final String PARTNER_FORM = "[a-z][a-z0-9-]{1,31}";
    /** The local part of an id, as error messages name it. */
    public static final String LOCAL_FORM = "[A-Za-z0-9][A-Za-z0-9._-]{0,127}";

    static final Pattern PARTNER = Pattern.compile(PARTNER_FORM);
    static final Pattern ID = Pattern.compile(PARTNER_FORM + ":" + LOCAL_FORM);

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
