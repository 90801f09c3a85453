package org.openita.core.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openita.core.framework.AnswerScale;
import org.openita.core.framework.FrameworkDefinition;
import org.openita.core.framework.FrameworkLoader;
import org.openita.core.framework.Indicator;
import org.openita.core.framework.Question;
import org.openita.core.framework.Tool;
import org.openita.core.framework.ToolCode;
import org.openita.core.framework.ToolPart;
import org.openita.core.scoring.AssessmentInput;
import org.openita.core.scoring.QuestionEvidence;
import org.openita.core.scoring.ScoreResult;
import org.openita.core.scoring.ScoringEngine;
import org.openita.core.scoring.Tally;
import org.openita.core.testing.SeededProperty;

/** Tallies of stored answers score exactly as the answers scored one by one. */
class SurveyTalliesTest {

    /** One respondent's checked answers, with the part they answered. */
    record Sheet(String part, Map<String, String> answers) {
    }

    /** Sheets for every survey part of the year, each checked by {@link AnswerCheck} as the intake would. */
    static List<Sheet> sheets(FrameworkDefinition d, SplittableRandom rnd) {
        List<Sheet> out = new ArrayList<>();
        for (String part : surveyParts(d)) {
            Questionnaire q = Questionnaire.of(d, part.equals("IIT") ? ToolCode.IIT : ToolCode.EIT, part);
            int n = 1 + rnd.nextInt(rnd.nextBoolean() ? 4 : 60);
            boolean skewed = rnd.nextBoolean();
            for (int i = 0; i < n; i++) {
                Map<String, String> form = new HashMap<>();
                for (Questionnaire.Field f : q.fields()) {
                    var options = q.itemOf(f.name()).orElseThrow().scale().options();
                    int index = skewed ? options.size() - 1 - Math.min(rnd.nextInt(options.size()), rnd.nextInt(options.size()))
                            : rnd.nextInt(options.size());
                    form.put(f.name(), options.get(index).code());
                }
                out.add(new Sheet(part, ((Answers) AnswerCheck.check(q, form)).values()));
            }
        }
        return out;
    }

    static List<String> surveyParts(FrameworkDefinition d) {
        List<String> parts = new ArrayList<>(List.of("IIT"));
        Tool eit = d.tool(ToolCode.EIT).orElseThrow();
        if (eit.hasParts()) {
            eit.parts().forEach(p -> parts.add(p.code()));
        } else {
            parts.add("EIT_PUBLIC");
        }
        return parts;
    }

    /** What a GROUP BY over the stored answers gives: (part, key, option, count). */
    static List<SurveyTallies.Row> rows(List<Sheet> sheets) {
        Map<List<String>, Long> counts = new TreeMap<>((a, b) -> String.join("|", a).compareTo(String.join("|", b)));
        for (Sheet s : sheets) {
            s.answers().forEach((key, option) -> counts.merge(List.of(s.part(), key, option), 1L, Long::sum));
        }
        List<SurveyTallies.Row> out = new ArrayList<>();
        counts.forEach((k, n) -> out.add(new SurveyTallies.Row(k.get(0), k.get(1), k.get(2), n)));
        return out;
    }

    @ParameterizedTest
    @ValueSource(ints = {2563, 2566, 2568})
    void talliesScoreAsTheAnswersScoredByHand(int year) {
        FrameworkDefinition d = FrameworkLoader.shipped(year);
        SeededProperty.forAll("tallies score as answers " + year, 40, rnd -> sheets(d, rnd), sheets -> {
            SurveyTallies t = SurveyTallies.of(d, rows(sheets));
            assertThat(t.skipped()).isZero();
            ScoreResult r = ScoringEngine.score(d, AssessmentInput.empty(d.year()).withQuestions(t.questions()));
            Map<String, Double> questions = new LinkedHashMap<>();
            for (Question q : d.questions()) {
                Double byHand = questionByHand(d, q, sheets, null);
                questions.put(q.code(), byHand);
                assertThat(r.questions().get(q.code())).as("question %s", q.code()).isCloseTo(byHand, within(1e-9));
            }
            for (Indicator ind : d.indicators()) {
                if (ind.tool() != ToolCode.OIT) {
                    assertThat(r.indicators().get(ind.number())).as("indicator %d", ind.number())
                            .isCloseTo(indicatorByHand(d, ind, questions, null), within(1e-9));
                }
            }
            for (ToolCode tool : List.of(ToolCode.IIT, ToolCode.EIT)) {
                assertThat(r.tools().get(tool.name())).as("tool %s", tool)
                        .isCloseTo(toolByHand(d, tool, questions, null), within(1e-9));
            }
            for (ToolPart part : d.tool(ToolCode.EIT).orElseThrow().parts()) {
                Map<String, Double> own = new LinkedHashMap<>();
                d.questions().stream().filter(q -> q.tool() == ToolCode.EIT)
                        .forEach(q -> own.put(q.code(), questionByHand(d, q, sheets, part.code())));
                assertThat(r.tools().get(part.code())).as("part %s", part.code())
                        .isCloseTo(toolByHand(d, ToolCode.EIT, own, part.code()), within(1e-9));
            }
        });
    }

    /** The mean points of each sub-item over every respondent (of one part, or of all), averaged over sub-items. */
    private static Double questionByHand(FrameworkDefinition d, Question q, List<Sheet> sheets, String part) {
        AnswerScale scale = d.scale(q.scale()).orElseThrow();
        List<String> keys = q.subItems().isEmpty() ? List.of(q.code())
                : q.subItems().stream().map(s -> q.code() + "." + s.code()).toList();
        double sum = 0;
        int subs = 0;
        for (String key : keys) {
            double points = 0;
            int n = 0;
            for (Sheet s : sheets) {
                String option = s.answers().get(key);
                if (option != null && (part == null || part.equals(s.part()))) {
                    points += scale.points(scale.indexOf(option).orElseThrow(), q.direction());
                    n++;
                }
            }
            if (n > 0) {
                sum += points / n;
                subs++;
            }
        }
        return subs == 0 ? null : sum / subs;
    }

    private static double indicatorByHand(FrameworkDefinition d, Indicator ind, Map<String, Double> questions, String part) {
        double sum = 0;
        double weights = 0;
        for (Question q : d.questionsOf(ind.number())) {
            if (q.scored() && (part == null || q.askedIn(part))) {
                sum += questions.get(q.code()) * q.weight();
                weights += q.weight();
            }
        }
        return sum / weights;
    }

    private static double toolByHand(FrameworkDefinition d, ToolCode tool, Map<String, Double> questions, String part) {
        double sum = 0;
        double weights = 0;
        for (Indicator ind : d.indicatorsOf(tool)) {
            sum += indicatorByHand(d, ind, questions, part) * ind.weight();
            weights += ind.weight();
        }
        return sum / weights;
    }

    @Test
    void rowsTheDefinitionDoesNotKnowAreSkippedAndCounted() {
        FrameworkDefinition d = FrameworkLoader.shipped(2566);
        List<SurveyTallies.Row> rows = List.of(
                new SurveyTallies.Row("IIT", "i1.a", "4", 3),
                new SurveyTallies.Row("IIT", "i1.a", "4", 2),
                new SurveyTallies.Row("IIT", "i1.b", "1", 1),
                new SurveyTallies.Row("IIT", "i2", "2", 0),
                new SurveyTallies.Row("IIT", "i99", "2", 7),
                new SurveyTallies.Row("IIT", "i1.z", "2", 11),
                new SurveyTallies.Row("IIT", "i1", "2", 13),
                new SurveyTallies.Row("IIT", "i2.a", "2", 17),
                new SurveyTallies.Row("IIT", "i2", "9", 19),
                new SurveyTallies.Row("EIT_PART3", "e2", "1", 23),
                new SurveyTallies.Row("EIT_PUBLIC", "e2", "1", 5),
                new SurveyTallies.Row("EIT_SURVEY", "e2", "4", 1));
        SurveyTallies t = SurveyTallies.of(d, rows);
        assertThat(t.skipped()).isEqualTo(7 + 11 + 13 + 17 + 19 + 23);
        assertThat(t.skippedRows()).isEqualTo(6);
        assertThat(t.questions()).containsOnlyKeys("i1", "e2");
        assertThat(t.questions().get("i1")).isEqualTo(new QuestionEvidence.Tallies(Map.of(QuestionEvidence.WHOLE,
                Map.of("a", Tally.of(Map.of("4", 5L)), "b", Tally.of(Map.of("1", 1L))))));
        assertThat(t.questions().get("e2")).isEqualTo(new QuestionEvidence.Tallies(Map.of(
                "EIT_PUBLIC", Map.of(QuestionEvidence.WHOLE, Tally.of(Map.of("1", 5L))),
                "EIT_SURVEY", Map.of(QuestionEvidence.WHOLE, Tally.of(Map.of("4", 1L))))));
    }

    @Test
    void aYearWithoutEitPartsTalliesPartOneAsTheWholeTool() {
        FrameworkDefinition d = FrameworkLoader.shipped(2563);
        SurveyTallies t = SurveyTallies.of(d, List.of(new SurveyTallies.Row("EIT_PUBLIC", "e2", "4", 4),
                new SurveyTallies.Row("IIT", "e2", "4", 3)));
        assertThat(t.skipped()).as("an EIT question under the IIT part").isEqualTo(3);
        assertThat(((QuestionEvidence.Tallies) t.questions().get("e2")).byPart()).containsOnlyKeys(QuestionEvidence.WHOLE);
    }
}
