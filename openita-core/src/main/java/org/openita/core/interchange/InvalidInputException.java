package org.openita.core.interchange;

import java.util.List;
import java.util.stream.Collectors;

/** An input document was rejected; carries every problem found. */
public class InvalidInputException extends RuntimeException {

    private final transient List<InputProblem> problems;

    public InvalidInputException(List<InputProblem> problems) {
        super(problems.stream().map(InputProblem::describe).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<InputProblem> problems() {
        return problems;
    }
}
