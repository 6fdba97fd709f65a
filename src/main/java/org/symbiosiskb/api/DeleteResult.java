package org.symbiosiskb.api;

/** What a delete mutation did: false when there was nothing to delete. */
public record DeleteResult(String id, boolean deleted) {
}
