package org.symbiosiskb.consent;

/**
 * Where a record stands with one other partner whose consent a link of it needs: AGREED (it counts),
 * AWAITING (it does not count yet) or ENDED (that partner ended it).
 */
public record LinkConsent(String recordId, String partner, String state) {
}
