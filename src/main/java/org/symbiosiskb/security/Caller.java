package org.symbiosiskb.security;

import java.util.Objects;

/**
 * Who is asking: a partner's key with its role, an anonymous client, or, in local mode (no keys
 * configured), the person at the laptop, who administers every partner.
 *
 * @param partner the key's partner prefix; null for anonymous and local callers
 */
public record Caller(String partner, Role role, boolean local) {

    /** Local mode: every request acts as an administrator of every partner. */
    public static final Caller LOCAL = new Caller(null, Role.ADMIN, true);
    public static final Caller ANONYMOUS = new Caller(null, Role.ANONYMOUS, false);
    /** The service itself (start-up data, harvesting): sees and writes everything it is asked to. */
    public static final Caller SYSTEM = new Caller(null, Role.ADMIN, true);

    /** The service importing what it pulled from the peer that owns this partner's records. */
    public static Caller harvesting(String partner) {
        return new Caller(partner, Role.HARVESTER, false);
    }

    /** How much of a record the caller may see. */
    public enum Access {
        /** Not at all: the record is left out as if it did not exist. */
        NONE,
        /** Existence and name, without quantities, prices or emission figures (a PRIVATE record of another partner). */
        NAME,
        FULL
    }

    public boolean authenticated() {
        return local || role != Role.ANONYMOUS;
    }

    public boolean owns(String source) {
        return local || (partner != null && partner.equals(source));
    }

    /** docs/spec/federation-security.md: PUBLIC to anyone, NETWORK (the default) to any partner's key, PRIVATE to the owner's keys. */
    public Access access(String source, String visibility) {
        return access(source, visibility, java.util.List.of());
    }

    /**
     * The one visibility rule. PUBLIC to anyone, NETWORK (the default) to any partner's key, PRIVATE to the
     * owner's keys, and to the {@code parties}: the partners whose consent the record's links need (the
     * owner of the park it asks to join, of the stream its flow takes from, of the sink its agreement buys
     * from), who cannot consent to what they may not see. Another partner's PRIVATE record is seen by name.
     */
    public Access access(String source, String visibility, java.util.Collection<String> parties) {
        String v = visibility == null ? "NETWORK" : visibility;
        if (owns(source) || v.equals("PUBLIC")) {
            return Access.FULL;
        }
        if (!authenticated()) {
            return Access.NONE;
        }
        return v.equals("PRIVATE") && (partner == null || !parties.contains(partner)) ? Access.NAME : Access.FULL;
    }

    /** May this caller create, change or delete the record with this id? */
    public boolean mayWrite(String id) {
        if (local) {
            return true;
        }
        return role.writes() && partner != null && Objects.requireNonNullElse(id, "").startsWith(partner + ":");
    }

    public boolean admin() {
        return role == Role.ADMIN;
    }

    public boolean harvester() {
        return role == Role.HARVESTER;
    }

    /** For messages and logs: "partner fi (EDITOR)", "an anonymous client", "local mode". */
    public String describe() {
        if (local) {
            return "local mode";
        }
        return partner == null ? "an anonymous client" : "partner " + partner + " (" + role + ")";
    }
}
