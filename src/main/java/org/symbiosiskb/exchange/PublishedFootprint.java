package org.symbiosiskb.exchange;

/**
 * One entry of a document's {@code footprints} array (docs/spec/federation-security.md): the footprint per unit
 * of a side stream in a year, computed by its owner's own trace, published so that consumers can
 * trace through a producer that keeps its process PRIVATE. Only MASS allocation is published: under
 * CUT_OFF a stream carries no upstream burden anyway.
 */
record PublishedFootprint(String sideStream, int year, double tCO2ePerUnit, boolean deleted, String pointer) {

    String key() {
        return sideStream + "@" + year;
    }
}
