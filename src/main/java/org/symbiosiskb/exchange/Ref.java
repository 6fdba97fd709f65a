package org.symbiosiskb.exchange;

/**
 * How a reference field is kept in the graph: a relationship of {@code type} between the record's
 * node and the referenced node. {@code outgoing} is true when the record's node is the start,
 * e.g. {@code (:Organization)-[:LOCATED_IN]->(:Park)} for {@code organizations[].park}, and false
 * for {@code (:Organization)-[:OPERATES]->(:Process)} read as {@code processes[].operator}.
 * {@code gate} says what a reference to another partner's record means (the consent rule).
 */
record Ref(String label, String type, boolean outgoing, Gate gate) {

    /** What a reference across partners may do (docs/partners.md, "Consent"). */
    enum Gate {
        /** It only names the other record (a coordinator, a roadmap's park): any partner's record, no consent. */
        NAMES,
        /** The record belongs to the owner of what it references (a side stream to its producer's): same partner only. */
        OWN,
        /**
         * It puts the record into the other partner's figures (a process in its park, a flow from its stream, an
         * agreement on its sink): the link counts only once that partner has consented.
         */
        CONSENT
    }

    /** The relationship type a consent-gated link has while it does not count (awaiting consent, or ended by the other side). */
    String proposedType() {
        return Consents.PROPOSED + type;
    }
}
