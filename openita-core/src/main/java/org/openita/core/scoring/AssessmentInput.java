package org.openita.core.scoring;

import java.util.Map;
import org.openita.core.framework.FiscalYear;

/**
 * Everything known about one agency's assessment in one fiscal year. Every part is optional: figures at
 * any level (questions, OIT items, indicators, tools and parts, overall) may be given, and the engine
 * derives what it can from them.
 *
 * @param tools scores by tool or part code: IIT, EIT, EIT_PUBLIC, EIT_SURVEY, OIT
 * @param overall the published overall score, if any
 * @param publishedLevel the published level (code or name), if any
 */
public record AssessmentInput(FiscalYear year, String agency, Map<Integer, Double> indicators,
                              Map<String, Double> tools, Double overall, String publishedLevel,
                              Map<String, QuestionEvidence> questions, Map<String, OitEvidence> oit) {

    public AssessmentInput {
        indicators = Map.copyOf(indicators);
        tools = Map.copyOf(tools);
        questions = Map.copyOf(questions);
        oit = Map.copyOf(oit);
    }

    public static AssessmentInput empty(FiscalYear year) {
        return new AssessmentInput(year, null, Map.of(), Map.of(), null, null, Map.of(), Map.of());
    }

    public AssessmentInput withIndicators(Map<Integer, Double> values) {
        return new AssessmentInput(year, agency, values, tools, overall, publishedLevel, questions, oit);
    }

    public AssessmentInput withTools(Map<String, Double> values) {
        return new AssessmentInput(year, agency, indicators, values, overall, publishedLevel, questions, oit);
    }

    public AssessmentInput withOverall(Double value) {
        return new AssessmentInput(year, agency, indicators, tools, value, publishedLevel, questions, oit);
    }

    public AssessmentInput withQuestions(Map<String, QuestionEvidence> values) {
        return new AssessmentInput(year, agency, indicators, tools, overall, publishedLevel, values, oit);
    }

    public AssessmentInput withOit(Map<String, OitEvidence> values) {
        return new AssessmentInput(year, agency, indicators, tools, overall, publishedLevel, questions, values);
    }
}
