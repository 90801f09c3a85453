package org.openita.core.framework;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown when a framework definition has problems; carries every problem found, not just the first. */
public class InvalidDefinitionException extends RuntimeException {

    private final transient List<DefinitionProblem> problems;

    public InvalidDefinitionException(List<DefinitionProblem> problems) {
        super(problems.size() + " problem(s) in framework definition:\n"
                + problems.stream().map(DefinitionProblem::describe).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<DefinitionProblem> problems() {
        return problems;
    }
}
