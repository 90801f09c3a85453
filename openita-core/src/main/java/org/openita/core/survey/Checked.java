package org.openita.core.survey;

import java.util.List;

/** The outcome of checking a submitted answer sheet: every answer valid ({@link Answers}), or what is wrong. */
public sealed interface Checked permits Answers, Checked.Rejected {

    /** What is wrong with a submission, field by field in the order of the questionnaire; never empty. */
    record Rejected(List<FieldProblem> problems) implements Checked {
        public Rejected {
            if (problems.isEmpty()) {
                throw new IllegalArgumentException("a rejected submission has at least one problem");
            }
            problems = List.copyOf(problems);
        }
    }
}
