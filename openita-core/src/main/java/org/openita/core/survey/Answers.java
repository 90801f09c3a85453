package org.openita.core.survey;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A complete, valid answer sheet: answer key ({@code i4}, {@code i4.a}) to option code, one entry per field of the
 * questionnaire in its order, every code on its question's scale. Made only by {@link AnswerCheck}.
 */
public record Answers(Questionnaire questionnaire, Map<String, String> values) implements Checked {

    public Answers {
        Objects.requireNonNull(questionnaire, "questionnaire");
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
}
