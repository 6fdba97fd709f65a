package org.symbiosiskb.exchange;

import java.util.List;
import java.util.Map;

import org.symbiosiskb.api.Ids;

/**
 * One record of a document after parsing: its type, its key (the id, or for an emission the key
 * built from process, year, scope, category and source), its fields in canonical form (strings,
 * {@link Double} for numbers, {@link Long} for integers and years, {@link GeoPoint}, sorted id lists)
 * and where it stood in the document.
 */
record ExchangeRecord(RecordType type, String key, Map<String, Object> fields, boolean deleted, String pointer) {

    String string(String field) {
        return (String) fields.get(field);
    }

    Double number(String field) {
        return (Double) fields.get(field);
    }

    Long integer(String field) {
        return (Long) fields.get(field);
    }

    @SuppressWarnings("unchecked")
    List<String> ids(String field) {
        return (List<String>) fields.getOrDefault(field, List.of());
    }

    String owner() {
        return Ids.partnerOf(key);
    }

}
