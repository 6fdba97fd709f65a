package org.symbiosiskb.api;

/** A validated {@code first}/{@code after} pair. {@code after} is already decoded to an id. */
public record PageRequest(int first, String after) {

    /** Rows to fetch: one more than asked, to know whether a next page exists. */
    public int limit() {
        return first + 1;
    }
}
