package org.openita.core.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.DoubleStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.openita.core.framework.AnswerScale;
import org.openita.core.framework.FiscalYear;
import org.openita.core.framework.FrameworkDefinition;
import org.openita.core.framework.FrameworkLoader;
import org.openita.core.framework.LevelScheme;
import org.openita.core.framework.OitItem;
import org.openita.core.framework.Question;
import org.openita.core.framework.SubItem;
import org.openita.core.testing.SeededProperty;

/**
 * Properties that must hold for any answers, in every shipped year, each checked over seeded generated inputs
 * ({@link SeededProperty}: a failure prints its seed and input).
 */
class ScoringProperties {

    private static final Map<Integer, FrameworkDefinition> DEFS = new HashMap<>();

    private static FrameworkDefinition def(int year) {
        return DEFS.computeIfAbsent(year, FrameworkLoader::shipped);
    }

    /** One respondent's answer: question, part, sub-item and option. */
    record Answer(String question, String part, String subItem, String option) {
    }

    /** Random individual answers to every question of the year, plus random OIT verdicts, drawn from a seed. */
    record Survey(int year, long seed, int respondents, List<Answer> answers, Map<String, Boolean> oitPasses) {

        @Override
        public String toString() {
            return "Survey[year=" + year + ", seed=" + seed + ", respondents=" + respondents + ", " + answers.size()
                    + " answers, OIT passes " + new TreeMap<>(oitPasses) + "]";
        }

        AssessmentInput toInput() {
            return toInput(answers);
        }

        AssessmentInput toInput(List<Answer> list) {
            Map<String, Map<String, Map<String, List<String>>>> grouped = new LinkedHashMap<>();
            for (Answer a : list) {
                grouped.computeIfAbsent(a.question(), k -> new LinkedHashMap<>())
                        .computeIfAbsent(a.part(), k -> new LinkedHashMap<>())
                        .computeIfAbsent(a.subItem(), k -> new ArrayList<>()).add(a.option());
            }
            Map<String, QuestionEvidence> qs = new HashMap<>();
            grouped.forEach((q, byPart) -> {
                Map<String, Map<String, Tally>> tallies = new HashMap<>();
                byPart.forEach((p, bySub) -> {
                    Map<String, Tally> m = new HashMap<>();
                    bySub.forEach((s, opts) -> m.put(s, Tally.ofAnswers(opts)));
                    tallies.put(p, m);
                });
                qs.put(q, new QuestionEvidence.Tallies(tallies));
            });
            Map<String, OitEvidence> oit = new HashMap<>();
            oitPasses.forEach((item, pass) -> oit.put(item, new OitEvidence.Score(pass ? 100 : 0)));
            return AssessmentInput.empty(FiscalYear.of(year)).withQuestions(qs).withOit(oit);
        }
    }

    private static final List<Integer> SURVEY_YEARS = List.of(2565, 2566, 2568);

    /** A survey of one of the years with individual answers, 1 to 12 respondents per question. */
    static Survey survey(SplittableRandom rnd) {
        return randomSurvey(SURVEY_YEARS.get(rnd.nextInt(SURVEY_YEARS.size())), rnd.nextLong(), rnd.nextInt(1, 13));
    }

    private static Survey randomSurvey(int year, long seed, int respondents) {
        FrameworkDefinition d = def(year);
        Random rnd = new Random(seed);
        List<Answer> answers = new ArrayList<>();
        List<String> parts = d.parts().stream().map(p -> p.code()).toList();
        for (Question q : d.questions()) {
            AnswerScale scale = d.scale(q.scale()).orElseThrow();
            List<String> subs = q.subItems().isEmpty() ? List.of("") : q.subItems().stream().map(SubItem::code).toList();
            for (int r = 0; r < respondents; r++) {
                String part = q.tool() == org.openita.core.framework.ToolCode.EIT && !parts.isEmpty() ? parts.get(r % parts.size()) : "";
                for (String s : subs) {
                    answers.add(new Answer(q.code(), part, s, scale.options().get(rnd.nextInt(scale.options().size())).code()));
                }
            }
        }
        Map<String, Boolean> oit = new HashMap<>();
        for (OitItem o : d.oitItems()) {
            oit.put(o.code(), rnd.nextInt(4) > 0);
        }
        return new Survey(year, seed, respondents, answers, oit);
    }

    private static List<Double> allScores(ScoreResult r) {
        List<Double> out = new ArrayList<>();
        out.addAll(r.questions().values());
        out.addAll(r.oitItems().values());
        out.addAll(r.indicators().values());
        out.addAll(r.tools().values());
        out.add(r.overall());
        return out;
    }

    @Test
    void scoresStayBetweenZeroAndHundred() {
        SeededProperty.forAll("scoresStayBetweenZeroAndHundred", 60, ScoringProperties::survey,
                ScoringProperties::scoresStayBetweenZeroAndHundred);
    }

    private static void scoresStayBetweenZeroAndHundred(Survey survey) {
        ScoreResult r = ScoringEngine.score(def(survey.year()), survey.toInput());
        assertThat(allScores(r)).filteredOn(v -> v != null).allSatisfy(v -> assertThat(v).isBetween(0.0, 100.0));
        // every indicator the year's surveys measure (those of the tools other than the OIT) gets a score
        def(survey.year()).indicators().stream().filter(i -> i.tool() != org.openita.core.framework.ToolCode.OIT)
                .forEach(i -> assertThat(r.indicators().get(i.number())).as("survey indicator %s", i.number()).isNotNull());
        if (def(survey.year()).oitItemListComplete()) {
            assertThat(r.overall()).isNotNull();
        }
    }

    /** A survey and which of its answers to improve. */
    record SurveyAndPick(Survey survey, int pick) {
    }

    @Test
    void aBetterAnswerNeverLowersAnyScore() {
        SeededProperty.forAll("aBetterAnswerNeverLowersAnyScore", 60,
                rnd -> new SurveyAndPick(survey(rnd), rnd.nextInt(0, 10_001)),
                c -> aBetterAnswerNeverLowersAnyScore(c.survey(), c.pick()));
    }

    private static void aBetterAnswerNeverLowersAnyScore(Survey survey, int pick) {
        FrameworkDefinition d = def(survey.year());
        List<Answer> answers = survey.answers();
        Answer before = answers.get(pick % answers.size());
        Question q = d.question(before.question()).orElseThrow();
        AnswerScale scale = d.scale(q.scale()).orElseThrow();
        int index = scale.indexOf(before.option()).orElseThrow();
        double points = scale.points(index, q.direction());
        String better = null;
        for (int i = 0; i < scale.options().size(); i++) {
            if (scale.points(i, q.direction()) > points) {
                better = scale.options().get(i).code();
            }
        }
        if (better == null) {
            return; // already the best answer
        }
        List<Answer> improved = new ArrayList<>(answers);
        improved.set(pick % answers.size(), new Answer(before.question(), before.part(), before.subItem(), better));
        List<Double> a = allScores(ScoringEngine.score(d, survey.toInput()));
        List<Double> b = allScores(ScoringEngine.score(d, survey.toInput(improved)));
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i) != null) {
                assertThat(b.get(i)).isGreaterThanOrEqualTo(a.get(i) - 1e-9);
            }
        }
    }

    /** A survey and the seed of a shuffle of its responses. */
    record SurveyAndShuffle(Survey survey, long shuffleSeed) {
    }

    @Test
    void theOrderOfResponsesNeverMatters() {
        SeededProperty.forAll("theOrderOfResponsesNeverMatters", 40,
                rnd -> new SurveyAndShuffle(survey(rnd), rnd.nextLong()),
                c -> theOrderOfResponsesNeverMatters(c.survey(), c.shuffleSeed()));
    }

    private static void theOrderOfResponsesNeverMatters(Survey survey, long shuffleSeed) {
        List<Answer> shuffled = new ArrayList<>(survey.answers());
        Collections.shuffle(shuffled, new Random(shuffleSeed));
        FrameworkDefinition d = def(survey.year());
        ScoreResult a = ScoringEngine.score(d, survey.toInput());
        ScoreResult b = ScoringEngine.score(d, survey.toInput(shuffled));
        assertThat(b).isEqualTo(a);
    }

    /** A year, two overall scores and the score every tool gets. */
    record Overalls(int year, double low, double high, double toolScore) {
    }

    /** Scores with two decimals, as published, and now and then exactly an edge or a level rule's bound. */
    static Overalls overalls(SplittableRandom rnd) {
        int year = FrameworkLoader.shippedYears().get(rnd.nextInt(FrameworkLoader.shippedYears().size()));
        double[] edges = def(year).levelScheme().rules().stream()
                .flatMap(r -> Stream.of(r.lowerBound(), r.upperBound(), r.overallAtLeast()))
                .filter(v -> v != null && v >= 0 && v <= 100).mapToDouble(Double::doubleValue).toArray();
        double[] withEnds = DoubleStream.concat(DoubleStream.of(0, 0.01, 99.99, 100),
                Arrays.stream(edges)).toArray();
        return new Overalls(year, SeededProperty.twoDecimals(rnd, 0, 100, withEnds),
                SeededProperty.twoDecimals(rnd, 0, 100, withEnds), SeededProperty.twoDecimals(rnd, 0, 100, withEnds));
    }

    @Test
    void levelsAreMonotoneInTheOverall() {
        SeededProperty.forAll("levelsAreMonotoneInTheOverall", 300, ScoringProperties::overalls,
                c -> levelsAreMonotoneInTheOverall(c.year(), c.low(), c.high(), c.toolScore()));
    }

    private static void levelsAreMonotoneInTheOverall(int year, double low, double high, double toolScore) {
        if (low > high) {
            double t = low;
            low = high;
            high = t;
        }
        FrameworkDefinition d = def(year);
        Map<String, Double> tools = new HashMap<>();
        d.scoreKeys().forEach(k -> tools.put(k, toolScore));
        LevelScheme scheme = d.levelScheme();
        LevelOutcome a = LevelClassifier.classify(scheme, low, tools, k -> ScoringEngine.scoreName(d, k));
        LevelOutcome b = LevelClassifier.classify(scheme, high, tools, k -> ScoringEngine.scoreName(d, k));
        assertThat(a.isDetermined()).isTrue();
        assertThat(b.isDetermined()).isTrue();
        assertThat(scheme.rank(b.level())).isLessThanOrEqualTo(scheme.rank(a.level()));
    }
}
