package org.goldenthread.platform;

import java.util.List;

/** Input that cannot be accepted; nothing was changed. Answered as 400 with every problem listed. */
public class InvalidInput extends RuntimeException {

    private final List<Problem> problems;

    public InvalidInput(List<Problem> problems) {
        super(problems.isEmpty() ? "Invalid input" : problems.get(0).describe());
        this.problems = List.copyOf(problems);
    }

    public InvalidInput(String field, String reason) {
        this(List.of(Problem.of(field, reason)));
    }

    public List<Problem> problems() {
        return problems;
    }
}
