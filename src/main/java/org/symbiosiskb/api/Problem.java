package org.symbiosiskb.api;

/**
 * One reason a document (or a single-record mutation) is refused: where, as a JSON pointer, and why. It lives in
 * {@code api}, beside the error shapes that report it, so the features that find problems (exchange, eprtr,
 * roadmap…) and the error handling below them can both use it without an import running back up.
 */
public record Problem(String pointer, String message) {
}
