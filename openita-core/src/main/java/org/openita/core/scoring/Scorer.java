package org.openita.core.scoring;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.openita.core.framework.AnswerScale;
import org.openita.core.framework.FrameworkDefinition;
import org.openita.core.framework.Indicator;
import org.openita.core.framework.LevelRule;
import org.openita.core.framework.LocalizedText;
import org.openita.core.framework.OitComponent;
import org.openita.core.framework.OitItem;
import org.openita.core.framework.PartCombination;
import org.openita.core.framework.Question;
import org.openita.core.framework.Tool;
import org.openita.core.framework.ToolCode;
import org.openita.core.framework.ToolPart;

/**
 * Scores assessments under one framework definition, with the definition's lookups prepared once: build
 * one per definition and reuse it for every agency. Computes bottom-up (questions and OIT items,
 * indicators, tool parts, tools, overall) and the level. Figures given in the input are kept as given;
 * when one can also be recomputed and the two differ by more than 0.01, the given figure is kept and a
 * warning added. Immutable and safe to share between threads.
 */
public final class Scorer {

    private final FrameworkDefinition def;
    private final Map<Integer, List<Question>> scoredQuestions = new HashMap<>();
    private final Map<String, AnswerScale> scaleOfQuestion = new HashMap<>();
    private final Map<Integer, List<OitItem>> oitItemsOfIndicator = new HashMap<>();
    private final Map<ToolCode, List<Indicator>> indicatorsOfTool = new EnumMap<>(ToolCode.class);
    private final Map<String, LocalizedText> scoreNames = new HashMap<>();
    private final List<LocalizedText> provisional;

    public Scorer(FrameworkDefinition def) {
        this.def = def;
        for (Indicator ind : def.indicators()) {
            scoredQuestions.put(ind.number(), def.questionsOf(ind.number()).stream().filter(Question::scored).toList());
            oitItemsOfIndicator.put(ind.number(), def.oitItemsOf(ind.number()));
        }
        for (Tool t : def.tools()) {
            indicatorsOfTool.put(t.code(), def.indicatorsOf(t.code()));
        }
        for (Question q : def.questions()) {
            scaleOfQuestion.put(q.code(), def.scale(q.scale()).orElseThrow());
        }
        for (String key : def.scoreKeys()) {
            scoreNames.put(key, ScoringEngine.scoreName(def, key));
        }
        provisional = def.provisionalEntries();
    }

    public FrameworkDefinition framework() {
        return def;
    }

    public ScoreResult score(AssessmentInput in) {
        if (!def.year().equals(in.year())) {
            throw new IllegalArgumentException("input is for fiscal year " + in.year() + " but the framework is for " + def.year());
        }
        List<ScoreWarning> warnings = new ArrayList<>();
        List<FigureCheck> checks = new ArrayList<>();
        Map<String, Double> questions = new LinkedHashMap<>();
        Map<String, Map<String, Double>> partQuestions = new LinkedHashMap<>();
        scoreQuestions(def, in, questions, partQuestions);
        Map<String, Double> oitItems = scoreOitItems(def, in);

        Map<Integer, Double> indicators = new TreeMap<>();
        for (Indicator ind : def.indicators()) {
            Double computed = ind.tool() == ToolCode.OIT
                    ? oitIndicator(def, ind, oitItems, warnings)
                    : surveyIndicator(def, ind, questions, null, warnings);
            indicators.put(ind.number(), keep(Integer.toString(ind.number()), LocalizedText.of("ตัวชี้วัดที่ " + ind.number(),
                    "indicator " + ind.number()), in.indicators().get(ind.number()), computed, indicatorRule(ind), warnings, checks));
        }

        Map<String, Double> tools = new LinkedHashMap<>();
        ScoringEngine.SCORE_KEYS.forEach(k -> tools.put(k, null));
        for (Tool tool : def.tools()) {
            for (ToolPart part : tool.parts()) {
                Double computed = partScore(def, tool, part, partQuestions);
                tools.put(part.code(), keep(part.code(), part.name(), in.tools().get(part.code()), computed,
                        partRule(tool), warnings, checks));
            }
        }
        for (Tool tool : def.tools()) {
            Double computed = toolScore(def, tool, indicators, tools);
            String key = tool.code().name();
            tools.put(key, keep(key, LocalizedText.of(key, key), in.tools().get(key), computed, toolRule(tool), warnings, checks));
        }

        Double computedOverall = SurveyScoring.weightedMean(
                def.tools().stream().map(t -> tools.get(t.code().name())).toList(),
                def.tools().stream().map(Tool::weight).toList());
        Double published = in.overall();
        if (published != null && computedOverall != null) {
            checks.add(new FigureCheck("overall", LocalizedText.of("คะแนนรวม", "overall"), published, computedOverall, overallRule()));
        }
        if (published != null && computedOverall != null && Rounding.differs(published, computedOverall)) {
            warnings.add(new ScoreWarning("OVERALL_DIFFERS", LocalizedText.of(
                    "คะแนนรวมที่ประกาศ " + Rounding.display(published) + " ต่างจากที่คำนวณใหม่ตามเกณฑ์ปี " + def.year()
                            + " (" + Rounding.display(computedOverall) + ") เกิน 0.01 ระดับผลการประเมินใช้คะแนนที่ประกาศ",
                    "the published overall " + Rounding.display(published) + " differs from the one recomputed under the "
                            + def.year() + " framework (" + Rounding.display(computedOverall)
                            + ") by more than 0.01; the level uses the published figure")));
        }
        Double overall = published != null ? published : computedOverall;
        Double forLevel = published != null ? published : computedOverall;
        LevelOutcome level = LevelClassifier.classify(def.levelScheme(), forLevel, tools,
                k -> scoreNames.getOrDefault(k, LocalizedText.of(k, k)));
        checkPublishedLevel(def, in.publishedLevel(), level, warnings);
        LevelRule official = in.publishedLevel() == null ? null : def.levelScheme().find(in.publishedLevel()).orElse(null);
        return new ScoreResult(def.year(), in.agency(), indicators, tools, overall, computedOverall, published, level,
                in.publishedLevel(), provisional, warnings, questions, partQuestions, oitItems, checks, official,
                officialKeys(in));
    }

    private static java.util.Set<String> officialKeys(AssessmentInput in) {
        java.util.Set<String> keys = new java.util.HashSet<>();
        in.indicators().keySet().forEach(k -> keys.add(Integer.toString(k)));
        keys.addAll(in.tools().keySet());
        if (in.overall() != null) {
            keys.add("overall");
        }
        in.questions().forEach((k, v) -> {
            if (v instanceof QuestionEvidence.Score) {
                keys.add(k);
            }
        });
        in.oit().forEach((k, v) -> {
            if (v instanceof OitEvidence.Score) {
                keys.add(k);
            }
        });
        return keys;
    }

    private void scoreQuestions(FrameworkDefinition def, AssessmentInput in, Map<String, Double> pooled,
                                       Map<String, Map<String, Double>> byPart) {
        for (Question q : def.questions()) {
            QuestionEvidence ev = in.questions().get(q.code());
            AnswerScale scale = scaleOfQuestion.get(q.code());
            if (ev instanceof QuestionEvidence.Score s) {
                pooled.put(q.code(), s.value());
            } else if (ev instanceof QuestionEvidence.Tallies t) {
                pooled.put(q.code(), SurveyScoring.pooledQuestionScore(scale, q, t));
                t.byPart().forEach((part, bySub) -> {
                    if (!part.equals(QuestionEvidence.WHOLE)) {
                        byPart.computeIfAbsent(part, p -> new LinkedHashMap<>())
                                .put(q.code(), SurveyScoring.questionScore(scale, q, bySub));
                    }
                });
            } else {
                pooled.put(q.code(), null);
            }
        }
    }

    private Map<String, Double> scoreOitItems(FrameworkDefinition def, AssessmentInput in) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (OitItem item : def.oitItems()) {
            OitEvidence ev = in.oit().get(item.code());
            Double score = null;
            if (ev instanceof OitEvidence.Score s) {
                score = s.value();
            } else if (ev instanceof OitEvidence.Verdicts v) {
                boolean anyFail = v.byComponent().containsValue(Boolean.FALSE);
                boolean allKnown = item.components().stream().map(OitComponent::code).allMatch(v.byComponent()::containsKey);
                if (anyFail) {
                    score = 0.0;
                } else if (allKnown) {
                    score = 100.0;
                }
            }
            out.put(item.code(), score);
        }
        return out;
    }

    private Double surveyIndicator(FrameworkDefinition def, Indicator ind, Map<String, Double> questionScores,
                                          String part, List<ScoreWarning> warnings) {
        List<Question> all = scoredQuestions.get(ind.number());
        List<Question> qs = part == null ? all : all.stream().filter(q -> q.askedIn(part)).toList();
        List<Double> values = qs.stream().map(q -> questionScores.get(q.code())).toList();
        long known = values.stream().filter(v -> v != null).count();
        if (part == null && known > 0 && known < values.size()) {
            warnings.add(new ScoreWarning("INDICATOR_INCOMPLETE", LocalizedText.of(
                    "ตัวชี้วัดที่ " + ind.number() + " มีผลเพียง " + known + " จาก " + values.size() + " ข้อ จึงยังไม่คำนวณคะแนน",
                    "indicator " + ind.number() + " has results for only " + known + " of " + values.size()
                            + " questions, so it is not computed")));
        }
        return SurveyScoring.weightedMean(values, qs.stream().map(Question::weight).toList());
    }

    private Double oitIndicator(FrameworkDefinition def, Indicator ind, Map<String, Double> items,
                                       List<ScoreWarning> warnings) {
        List<OitItem> list = oitItemsOfIndicator.get(ind.number());
        List<Double> values = list.stream().map(o -> items.get(o.code())).toList();
        boolean anyKnown = values.stream().anyMatch(v -> v != null);
        if (anyKnown && !def.oitItemListComplete()) {
            warnings.add(new ScoreWarning("OIT_LIST_INCOMPLETE", LocalizedText.of(
                    "รายการข้อ OIT ของปี " + def.year() + " ยังไม่ครบ จึงคำนวณตัวชี้วัดที่ " + ind.number() + " จากผลรายข้อไม่ได้",
                    "the OIT item list of " + def.year() + " is incomplete, so indicator " + ind.number()
                            + " cannot be computed from item results")));
            return null;
        }
        return SurveyScoring.weightedMean(values, list.stream().map(o -> 1.0).toList());
    }

    private Double partScore(FrameworkDefinition def, Tool tool, ToolPart part,
                                    Map<String, Map<String, Double>> partQuestions) {
        Map<String, Double> qs = partQuestions.get(part.code());
        if (qs == null) {
            return null;
        }
        List<Indicator> inds = indicatorsOfTool.get(tool.code());
        List<Double> values = inds.stream().map(i -> surveyIndicator(def, i, qs, part.code(), new ArrayList<>())).toList();
        return SurveyScoring.weightedMean(values, inds.stream().map(Indicator::weight).toList());
    }

    private Double toolScore(FrameworkDefinition def, Tool tool, Map<Integer, Double> indicators,
                                    Map<String, Double> tools) {
        if (tool.partCombination() == PartCombination.WEIGHTED_MEAN_OF_PARTS) {
            return SurveyScoring.weightedMean(tool.parts().stream().map(p -> tools.get(p.code())).toList(),
                    tool.parts().stream().map(ToolPart::weight).toList());
        }
        List<Indicator> inds = indicatorsOfTool.get(tool.code());
        return SurveyScoring.weightedMean(inds.stream().map(i -> indicators.get(i.number())).toList(),
                inds.stream().map(Indicator::weight).toList());
    }

    private static Double keep(String key, LocalizedText name, Double given, Double computed, LocalizedText rule,
                               List<ScoreWarning> warnings, List<FigureCheck> checks) {
        if (given == null) {
            return computed;
        }
        if (computed != null) {
            checks.add(new FigureCheck(key, name, given, computed, rule));
        }
        if (computed != null && Rounding.differs(given, computed)) {
            warnings.add(new ScoreWarning("FIGURE_DIFFERS", LocalizedText.of(
                    "คะแนน " + name.th() + " ที่นำเข้า " + Rounding.display(given) + " ต่างจากที่คำนวณใหม่ "
                            + Rounding.display(computed) + " เกิน 0.01 ใช้คะแนนที่นำเข้า",
                    "the given " + name.en() + " score " + Rounding.display(given) + " differs from the recomputed "
                            + Rounding.display(computed) + " by more than 0.01; the given figure is kept")));
        }
        return given;
    }

    private LocalizedText indicatorRule(Indicator ind) {
        if (ind.tool() == ToolCode.OIT) {
            String items = String.join(", ", oitItemsOfIndicator.get(ind.number()).stream().map(OitItem::code).toList());
            return LocalizedText.of("ค่าเฉลี่ยคะแนนข้อ OIT " + items + " (ข้อที่ผ่านได้ 100 ไม่ผ่านได้ 0)",
                    "mean of OIT items " + items + " (100 for an item that passes, 0 otherwise)");
        }
        return mean(scoredQuestions.get(ind.number()).stream().map(q -> new Object[] {q.code(), q.weight()}).toList(),
                "ข้อคำถาม", "questions", "", "");
    }

    private LocalizedText partRule(Tool tool) {
        return mean(indicatorsOfTool.get(tool.code()).stream().map(i -> new Object[] {Integer.toString(i.number()), i.weight()}).toList(),
                "ตัวชี้วัด", "indicators", " จากคำตอบในส่วนนี้", " from this part's answers");
    }

    private LocalizedText toolRule(Tool tool) {
        if (tool.partCombination() == PartCombination.WEIGHTED_MEAN_OF_PARTS) {
            return mean(tool.parts().stream().map(p -> new Object[] {p.code(), p.weight()}).toList(), "ส่วน", "parts", "", "");
        }
        return mean(indicatorsOfTool.get(tool.code()).stream().map(i -> new Object[] {Integer.toString(i.number()), i.weight()}).toList(),
                "ตัวชี้วัด", "indicators", "", "");
    }

    private LocalizedText overallRule() {
        return mean(def.tools().stream().map(x -> new Object[] {x.code().name(), x.weight()}).toList(), "เครื่องมือ", "tools",
                " ตามเกณฑ์ปี " + def.year(), " under the " + def.year() + " framework");
    }

    /** "weighted mean of x a×0.3 + b×0.7", or "mean of x a, b" when every weight is the same. */
    private static LocalizedText mean(List<Object[]> entries, String thNoun, String enNoun, String thTail, String enTail) {
        boolean equal = entries.stream().map(e -> (Double) e[1]).distinct().count() <= 1;
        String list = String.join(equal ? ", " : " + ", entries.stream()
                .map(e -> equal ? (String) e[0] : e[0] + "×" + java.math.BigDecimal.valueOf((Double) e[1]).stripTrailingZeros().toPlainString())
                .toList());
        return equal
                ? LocalizedText.of("ค่าเฉลี่ยของ" + thNoun + " " + list + thTail, "mean of " + enNoun + " " + list + enTail)
                : LocalizedText.of("ค่าเฉลี่ยถ่วงน้ำหนักของ" + thNoun + " " + list + thTail, "weighted mean of " + enNoun + " " + list + enTail);
    }

    private static void checkPublishedLevel(FrameworkDefinition def, String published, LevelOutcome level,
                                            List<ScoreWarning> warnings) {
        if (published == null || !level.isDetermined()) {
            return;
        }
        LevelRule p = def.levelScheme().find(published).orElse(null);
        if (p != null && !p.equals(level.level())) {
            warnings.add(new ScoreWarning("LEVEL_DIFFERS", LocalizedText.of(
                    "ระดับที่ประกาศ (" + p.name().th() + ") ไม่ตรงกับระดับตามเกณฑ์ปี " + def.year() + " (" + level.level().name().th() + ")",
                    "the published level (" + p.name().en() + ") does not match the level under the " + def.year()
                            + " rule (" + level.level().name().en() + ")")));
        }
    }
}
