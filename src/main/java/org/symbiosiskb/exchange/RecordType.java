package org.symbiosiskb.exchange;

import java.util.List;
import java.util.Optional;

/**
 * One array of the exchange document and the graph element its records become: a node with
 * {@code label} (and {@code :Record}), or for {@code flows} a {@code SUPPLIES} relationship.
 */
record RecordType(String array, String label, List<FieldSpec> fields) {

    Optional<FieldSpec> field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    List<FieldSpec> references() {
        return fields.stream().filter(FieldSpec::isReference).toList();
    }

    /** Emission records are identified by their process, year, scope, category and source, not by an id. */
    boolean keyedById() {
        return field("id").isPresent();
    }

    boolean isFlow() {
        return this == RecordTypes.FLOWS;
    }
}
