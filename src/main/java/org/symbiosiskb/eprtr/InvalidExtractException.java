package org.symbiosiskb.eprtr;

import java.util.List;

/** An extract that cannot be imported, with every problem found; nothing was written. */
class InvalidExtractException extends RuntimeException {

    private final transient List<CsvProblem> problems;

    InvalidExtractException(List<CsvProblem> problems) {
        super(problems.size() + " problem(s) in the extract; the first: " + problems.getFirst().message());
        this.problems = List.copyOf(problems);
    }

    List<CsvProblem> problems() {
        return problems;
    }
}
