package org.symbiosiskb.exchange;

/** One reason a document (or a single-record mutation) is refused: where, as a JSON pointer, and why. */
public record Problem(String pointer, String message) {
}
