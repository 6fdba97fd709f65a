package org.symbiosiskb.api;

import java.util.List;

/** A document with at least one problem; nothing of it was written. In {@code api} for the reason {@link Problem} is. */
public class InvalidDocumentException extends RuntimeException {

    private final transient List<Problem> problems;
    private final String argument;

    public InvalidDocumentException(List<Problem> problems) {
        this(problems, "input");
    }

    /** @param argument the GraphQL argument the one-record document came from, e.g. {@code changes[2].addFlow} */
    public InvalidDocumentException(List<Problem> problems, String argument) {
        super(problems.size() + " problem(s), first: " + problems.getFirst().pointer() + ": " + problems.getFirst().message());
        this.problems = List.copyOf(problems);
        this.argument = argument;
    }

    /** The same problems, reported against another GraphQL argument. */
    public InvalidDocumentException at(String otherArgument) {
        return new InvalidDocumentException(problems, otherArgument);
    }

    public String argument() {
        return argument;
    }

    public List<Problem> problems() {
        return problems;
    }
}
