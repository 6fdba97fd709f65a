package org.symbiosiskb.exchange;

/** How a field of an exchange record is written in JSON and stored in the graph. */
enum FieldKind {
    /** the record's own id, {@code <partner>:<local>} */
    ID,
    STRING,
    /** a JSON number, stored as a float */
    NUMBER,
    /** a JSON integer */
    INTEGER,
    /** a calendar year, 1000..9999 */
    YEAR,
    /** {@code {"lat": .., "lon": ..}}, stored as a WGS-84 point */
    POINT,
    /** one of {@link FieldSpec#values()} */
    ENUM,
    /** a European List of Waste code: {@code NN}, {@code NN NN} or {@code NN NN NN}, optionally ending in {@code *} */
    EWC,
    BOOLEAN,
    /** ISO 3166 alpha-2 */
    COUNTRY,
    /** a partner prefix, {@code [a-z][a-z0-9-]{1,31}} */
    PARTNER,
    /** the id of any record (a node's or a flow's), stored as a property: what a consent is about */
    RECORD_ID,
    /**
     * where an emission figure comes from: {@code {"kind": "REPORTED", "source": "E-PRTR 2023", "method": "MEASURED"}},
     * stored flattened as {@code provenance}, {@code provenanceSource}, {@code provenanceMethod} (a property cannot hold a map)
     */
    PROVENANCE,
    /** the id of another record, stored as a relationship */
    REF,
    /** an array of ids of other records, stored as relationships */
    REFS
}
