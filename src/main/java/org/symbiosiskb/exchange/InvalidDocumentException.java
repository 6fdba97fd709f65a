package org.symbiosiskb.exchange;

import java.util.List;

/** A document with at least one problem; nothing of it was written. */
public class InvalidDocumentException extends RuntimeException {

    private final transient List<Problem> problems;

    public InvalidDocumentException(List<Problem> problems) {
        super(problems.size() + " problem(s), first: " + problems.getFirst().pointer() + ": " + problems.getFirst().message());
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
