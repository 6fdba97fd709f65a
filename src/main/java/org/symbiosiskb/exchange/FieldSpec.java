package org.symbiosiskb.exchange;

import java.util.List;

/**
 * One field of an exchange record: its JSON name, kind, whether it is required, its allowed
 * values or range, and, for references, how it is kept in the graph.
 */
record FieldSpec(String name, FieldKind kind, boolean required, List<String> values,
                 Double min, boolean minExclusive, Double max, Ref ref) {

    static FieldSpec of(String name, FieldKind kind) {
        return new FieldSpec(name, kind, false, List.of(), null, false, null, null);
    }

    static FieldSpec oneOf(String name, String... values) {
        return new FieldSpec(name, FieldKind.ENUM, false, List.of(values), null, false, null, null);
    }

    static FieldSpec ref(String name, String label, String type, boolean outgoing, Ref.Gate gate) {
        return new FieldSpec(name, FieldKind.REF, false, List.of(), null, false, null, new Ref(label, type, outgoing, gate));
    }

    static FieldSpec refs(String name, String label, String type, boolean outgoing, Ref.Gate gate) {
        return new FieldSpec(name, FieldKind.REFS, false, List.of(), null, false, null, new Ref(label, type, outgoing, gate));
    }

    FieldSpec mandatory() {
        return new FieldSpec(name, kind, true, values, min, minExclusive, max, ref);
    }

    /** value ≥ 0 */
    FieldSpec nonNegative() {
        return new FieldSpec(name, kind, required, values, 0.0, false, max, ref);
    }

    /** value > 0 */
    FieldSpec positive() {
        return new FieldSpec(name, kind, required, values, 0.0, true, max, ref);
    }

    FieldSpec between(double low, double high) {
        return new FieldSpec(name, kind, required, values, low, false, high, ref);
    }

    boolean isReference() {
        return ref != null;
    }

    boolean gated() {
        return ref != null && ref.gate() == Ref.Gate.CONSENT;
    }
}
