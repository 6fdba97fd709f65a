package org.symbiosiskb.exchange;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.symbiosiskb.api.Ids;

/**
 * The consent rule (docs/partners.md, "Consent"), in one place: which links of a record put it into another
 * partner's figures, what a partner's consent pins (the terms), when a link counts, and what an offset
 * agreement's status is once its parties have spoken.
 *
 * <p>A link that does not count is stored as a relationship of type {@code PROPOSED_<TYPE>} with
 * {@code consent} (AWAITING or ENDED) and {@code party} (the partner it waits for), so every query on
 * {@code IN_PARK}, {@code SUPPLIES}, {@code FROM_SINK}… sees only links that count.
 */
public final class Consents {

    /** Prefix of the relationship type of a link that does not count (yet, or any more). */
    public static final String PROPOSED = "PROPOSED_";

    public enum State {
        /** Same partner on both sides, or the other partner accepted these terms. */
        AGREED,
        /** Nobody said no, but the other partner has not accepted (these terms) yet. */
        AWAITING,
        /** The other partner ended it; the owner changes nothing about that by changing the record. */
        ENDED
    }

    /** A consent as stored: the decision and the terms it was given for. */
    public record Decision(String decision, String terms) {
    }

    /**
     * One link of a record to another partner's record that needs that partner's consent.
     *
     * @param field  the reference field (for a flow, the end that is not the flow owner's)
     * @param type   the relationship type the link has when it counts
     */
    record Link(String record, String field, String type, String target, String partner) {
    }

    private static final Set<String> NOT_TERMS = Set.of("notes", "visibility");

    private Consents() {
    }

    /** The gated links of a record (fields as canonical exchange values) to records of partners other than its owner. */
    static List<Link> links(RecordType type, String key, Map<String, Object> fields) {
        String owner = Ids.partnerOf(key);
        var links = new ArrayList<Link>();
        for (FieldSpec spec : type.references()) {
            if (!spec.gated()) {
                continue;
            }
            for (String target : targets(spec, fields)) {
                if (!Ids.partnerOf(target).equals(owner)) {
                    links.add(new Link(key, spec.name(), spec.ref().type(), target, Ids.partnerOf(target)));
                }
            }
        }
        return links;
    }

    /** The partners whose consent the record's links need; they see the record in full (Caller.access). */
    static List<String> parties(RecordType type, String key, Map<String, Object> fields) {
        return List.copyOf(new TreeSet<>(links(type, key, fields).stream().map(Link::partner).toList()));
    }

    @SuppressWarnings("unchecked")
    private static List<String> targets(FieldSpec spec, Map<String, Object> fields) {
        Object value = fields.get(spec.name());
        if (value instanceof List<?> list) {
            return (List<String>) list;
        }
        return value instanceof String s ? List.of(s) : List.of();
    }

    /**
     * What a partner's consent to the record pins, as a digest: for a flow or an offset agreement its
     * terms (every field but notes, visibility and an agreement's status, which is the workflow itself);
     * for a membership only which of the partner's records it joins (its figures are its own to change).
     */
    static String terms(RecordType type, Map<String, Object> fields, String partner) {
        var pinned = new TreeMap<String, Object>();
        if (type == RecordTypes.FLOWS || type == RecordTypes.OFFSET_AGREEMENTS) {
            fields.forEach((name, value) -> {
                if (!NOT_TERMS.contains(name) && !(type == RecordTypes.OFFSET_AGREEMENTS && name.equals("status"))) {
                    pinned.put(name, value);
                }
            });
        } else {
            for (FieldSpec spec : type.references()) {
                if (spec.gated()) {
                    var own = targets(spec, fields).stream().filter(t -> Ids.partnerOf(t).equals(partner)).sorted().toList();
                    if (!own.isEmpty()) {
                        pinned.put(spec.name(), own);
                    }
                }
            }
        }
        return digest(pinned.toString());
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** A link's state given the other partner's consent (null: none) and the record's current terms for that partner. */
    static State state(Decision consent, String currentTerms) {
        if (consent == null) {
            return State.AWAITING;
        }
        if ("ENDED".equals(consent.decision())) {
            return State.ENDED;
        }
        return currentTerms.equals(consent.terms()) ? State.AGREED : State.AWAITING;
    }

    /**
     * An offset agreement's status as it counts: ENDED when its owner or any party ended it; PROPOSED while a
     * party has not accepted; once every other party has accepted, ACTIVE (the owner offered, they took it,
     * whichever of PROPOSED or ACTIVE the owner wrote); an agreement within one partner keeps its own status.
     */
    static String effectiveStatus(String own, Collection<State> partiesStates) {
        if ("ENDED".equals(own) || partiesStates.contains(State.ENDED)) {
            return "ENDED";
        }
        if (partiesStates.contains(State.AWAITING)) {
            return "PROPOSED";
        }
        return partiesStates.isEmpty() ? own : "ACTIVE";
    }
}
