package org.symbiosiskb.exchange;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One array of the exchange document and the graph element its records become: a node with
 * {@code label} (and {@code :Record}), or for {@code flows} a {@code SUPPLIES} relationship.
 */
final class RecordType {

    private final String array;
    private final String label;
    private final List<FieldSpec> fields;
    /** Looked up for every field of every record an import reads and writes: a map, not a search. */
    private final Map<String, FieldSpec> byName = new java.util.HashMap<>();
    private final List<FieldSpec> references;
    private final boolean keyedById;

    RecordType(String array, String label, List<FieldSpec> fields) {
        this.array = array;
        this.label = label;
        this.fields = List.copyOf(fields);
        this.fields.forEach(f -> byName.putIfAbsent(f.name(), f));
        this.references = this.fields.stream().filter(FieldSpec::isReference).toList();
        this.keyedById = byName.containsKey("id");
    }

    String array() {
        return array;
    }

    String label() {
        return label;
    }

    List<FieldSpec> fields() {
        return fields;
    }

    @Override
    public String toString() {
        return array;
    }

    Optional<FieldSpec> field(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    List<FieldSpec> references() {
        return references;
    }

    /**
     * Emission records are identified by their process, year, scope, category, source and provenance kind,
     * targets by roadmap and year, not by an id.
     */
    boolean keyedById() {
        return keyedById;
    }

    /** The fields that identify a record; the first names its owner. */
    List<String> keyFields() {
        return switch (array) {
            case "emissions" -> List.of("process", "year", "scope", "category", "source", "provenance");
            case "releases" -> List.of("process", "year", "pollutant", "medium");
            case "targets" -> List.of("roadmap", "year");
            case "consents" -> List.of("partner", "record");
            default -> List.of("id");
        };
    }

    /** The id whose partner prefix owns the record: its own, or the process's (emission, release), the roadmap's (target). */
    String ownerField() {
        return keyFields().getFirst();
    }

    /**
     * The key a record is stored under: its id, or {@code <first>@<rest joined by />} with "-" for
     * absent fields, e.g. {@code fi:p@2024/1/-/PROCESS} for an emission, {@code fi:r@2030} for a target.
     * An emission's provenance adds {@code /REPORTED} or {@code /CALCULATED} and nothing otherwise
     * ({@link Provenance#keySuffix}), so records from before provenance keep their keys. A consent's key is
     * {@code <partner>:consent@<record>}.
     */
    String keyOf(Map<String, Object> fields) {
        if (keyedById()) {
            return (String) fields.get("id");
        }
        if (this == RecordTypes.CONSENTS) {
            // the owner first, as in every id: fi:consent@se:oa-1
            return fields.get("partner") + ":consent@" + fields.get("record");
        }
        var key = new StringBuilder().append(fields.get(ownerField())).append('@');
        var rest = keyFields().subList(1, keyFields().size());
        for (int i = 0; i < rest.size(); i++) {
            Object v = fields.get(rest.get(i));
            if (rest.get(i).equals("provenance")) {
                key.append(Provenance.keySuffix(v));
                continue;
            }
            key.append(i == 0 ? "" : "/").append(v == null ? "-" : v);
        }
        return key.toString();
    }

    boolean isFlow() {
        return this == RecordTypes.FLOWS;
    }
}
