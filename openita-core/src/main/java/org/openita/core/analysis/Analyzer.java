package org.openita.core.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.openita.core.framework.FiscalYear;
import org.openita.core.framework.FrameworkDefinition;
import org.openita.core.framework.GeneralMeasure;
import org.openita.core.framework.Indicator;
import org.openita.core.framework.IndicatorAdvice;
import org.openita.core.framework.KnowledgeBase;
import org.openita.core.framework.LevelRule;
import org.openita.core.framework.LocalizedText;
import org.openita.core.framework.OitItem;
import org.openita.core.framework.Question;
import org.openita.core.framework.Recommendation;
import org.openita.core.framework.Tool;
import org.openita.core.framework.ToolCode;
import org.openita.core.framework.ToolPart;
import org.openita.core.scoring.LevelSource;
import org.openita.core.scoring.Rounding;
import org.openita.core.scoring.ScoreResult;
import org.openita.core.text.Sentences;

/**
 * Derives the analysis from scored results. Pure: the same results always give the same analysis. Indicators are
 * ranked over all of the year's indicators, and each one's standing (strength, to improve, weakness) comes from
 * {@link StandingRule}: the pass mark and the agency's median indicator score, never a ranking within one tool.
 */
public final class Analyzer {

    private static final double SAME = 0.005;

    private Analyzer() {
    }

    public static Analysis analyze(FrameworkDefinition def, ScoreResult result, ScoreResult previous,
                                   AgencyProfile agency, KnowledgeBase kb, AnalysisOptions options) {
        Double overall = result.publishedOverall() != null ? result.publishedOverall() : result.overall();
        double target = def.levelScheme().target();
        Boolean met = overall == null ? null : Rounding.twoDecimals(overall) >= target;
        List<IndicatorFinding> ranked = rank(def, result, previous, kb, options);
        List<ToolFindings> byTool = new ArrayList<>();
        for (Tool tool : def.tools()) {
            byTool.add(toolFindings(def, tool, result, ranked, kb, options));
        }
        Double prevOverall = previous == null ? null
                : previous.publishedOverall() != null ? previous.publishedOverall() : previous.overall();
        Double suggested = overall == null ? null : Math.max(target, overall + (100 - overall) / 4);
        FiscalYear measuresYear = result.year().next();
        MeasureSchedule schedule = MeasureSchedule.of(measuresYear, options.draftedOn());
        boolean questionFigures = result.questions().values().stream().anyMatch(v -> v != null)
                || result.partQuestions().values().stream().anyMatch(m -> m.values().stream().anyMatch(v -> v != null));
        return new Analysis(agency, def, result, previous, overall, target, met, levelExplanation(def, result, overall),
                ranked, byTool, prevOverall, suggested, measures(def, ranked, result, agency, kb, schedule),
                measuresYear.buddhistEra(), schedule, questionFigures, standingRule(def, result, options));
    }

    private static LocalizedText levelExplanation(FrameworkDefinition def, ScoreResult result, Double overall) {
        String o = overall == null ? "" : Rounding.display(overall).toPlainString();
        if (result.levelSource() == LevelSource.OFFICIAL) {
            LevelRule rule = result.officialLevel();
            LocalizedText name = result.resultLevelName();
            if (rule == null) {
                return overall == null ? Sentences.fill("level.official", "level", name)
                        : Sentences.fill("level.official.overall", "level", name, "overall", o);
            }
            return Sentences.fill(rule.passing() ? "level.official.passes" : "level.official.fails",
                    "level", name, "year", def.year(), "meaning", rule.meaning());
        }
        if (!result.level().isDetermined()) {
            return result.level().reason();
        }
        LevelRule rule = result.level().level();
        if (overall == null) {
            // decided from the tool or part scores alone: the reason says how, then what the level means
            return Sentences.fill("level.decided.meaning", "reason", result.level().reason(), "meaning", rule.meaning());
        }
        return Sentences.fill(rule.passing() ? "level.computed.passes" : "level.computed.fails",
                "overall", o, "level", rule.name(), "year", def.year(), "meaning", rule.meaning());
    }

    /** The rule that gives each indicator its standing: see {@link StandingRule}, over all of the year's indicators. */
    public static StandingRule standingRule(FrameworkDefinition def, ScoreResult result, AnalysisOptions options) {
        return StandingRule.of(def.indicators().stream().map(i -> result.indicators().get(i.number())).toList(),
                options.weaknessBelow());
    }

    private static List<IndicatorFinding> rank(FrameworkDefinition def, ScoreResult result, ScoreResult previous,
                                               KnowledgeBase kb, AnalysisOptions options) {
        List<Indicator> sorted = new ArrayList<>(def.indicators());
        sorted.sort(Comparator.comparing((Indicator i) -> result.indicators().get(i.number()),
                Comparator.nullsLast(Comparator.reverseOrder())).thenComparing(Indicator::number));
        StandingRule rule = standingRule(def, result, options);
        List<IndicatorFinding> out = new ArrayList<>();
        int rank = 0;
        Double last = null;
        for (int i = 0; i < sorted.size(); i++) {
            Indicator ind = sorted.get(i);
            Double score = result.indicators().get(ind.number());
            if (last == null || score == null || Math.abs(score - last) > SAME) {
                rank = i + 1;
            }
            last = score;
            IndicatorFinding.Standing standing = rule.standing(score);
            IndicatorAdvice advice = kb.indicator(ind.number()).orElse(null);
            LocalizedText text = advice == null ? LocalizedText.of("", "")
                    : standing == IndicatorFinding.Standing.STRENGTH ? advice.keep() : advice.improve();
            Double prev = previous == null ? null : previous.indicators().get(ind.number());
            out.add(new IndicatorFinding(ind.number(), ind.name(), ind.tool(), score, prev, rank, standing, text));
        }
        return out;
    }

    private static ToolFindings toolFindings(FrameworkDefinition def, Tool tool, ScoreResult result,
                                             List<IndicatorFinding> ranked, KnowledgeBase kb, AnalysisOptions options) {
        List<IndicatorFinding> mine = ranked.stream().filter(f -> f.tool() == tool.code())
                .sorted(Comparator.comparingInt(IndicatorFinding::number)).toList();
        List<IndicatorFinding> strengths = mine.stream().filter(f -> f.standing() == IndicatorFinding.Standing.STRENGTH).toList();
        List<IndicatorFinding> toImprove = mine.stream()
                .filter(f -> f.standing() == IndicatorFinding.Standing.TO_IMPROVE || f.standing() == IndicatorFinding.Standing.WEAKNESS)
                .toList();
        List<ToolFindings.PartScore> parts = new ArrayList<>();
        for (ToolPart p : tool.parts()) {
            java.util.Map<String, Double> scores = result.partQuestions().getOrDefault(p.code(), java.util.Map.of());
            List<ItemFinding> low = new ArrayList<>();
            for (Question q : def.questions()) {
                Double s = scores.get(q.code());
                if (q.tool() == tool.code() && q.scored() && q.askedIn(p.code()) && s != null && s < options.lowQuestionBelow()) {
                    low.add(finding(def, kb.item(q.code()).orElse(null), q.code(), q.indicator(), q.summary(), s));
                }
            }
            boolean known = scores.values().stream().anyMatch(v -> v != null);
            parts.add(new ToolFindings.PartScore(p.code(), p.name(), result.tools().get(p.code()), low, known));
        }
        List<ItemFinding> items = new ArrayList<>();
        boolean itemScoresKnown;
        if (tool.code() == ToolCode.OIT) {
            itemScoresKnown = result.oitItems().values().stream().anyMatch(v -> v != null);
            for (OitItem item : def.oitItems()) {
                Double s = result.oitItems().get(item.code());
                if (s != null && s < 100) {
                    items.add(finding(def, kb.oitItem(item.code()).orElse(null), item.code(), item.indicator(), item.title(), s));
                }
            }
        } else {
            List<Question> questions = def.questions().stream().filter(q -> q.tool() == tool.code() && q.scored()).toList();
            itemScoresKnown = questions.stream().anyMatch(q -> result.questions().get(q.code()) != null);
            for (Question q : questions) {
                Double s = result.questions().get(q.code());
                // only a question-level figure supports a question-level finding: never infer one from its indicator
                if (s != null && s < options.lowQuestionBelow()) {
                    items.add(finding(def, kb.item(q.code()).orElse(null), q.code(), q.indicator(), q.summary(), s));
                }
            }
        }
        return new ToolFindings(tool.code(), tool.name(), result.tools().get(tool.code().name()), parts, strengths,
                toImprove, items, itemScoresKnown);
    }

    private static ItemFinding finding(FrameworkDefinition def, Recommendation r, String code, int indicator,
                                       LocalizedText summary, Double score) {
        LocalizedText none = LocalizedText.of("", "");
        List<ItemFinding.RelatedItem> related = new ArrayList<>();
        if (r != null) {
            for (String o : r.relatedOit()) {
                def.oitItem(o).ifPresent(item -> related.add(new ItemFinding.RelatedItem(o, item.title())));
            }
        }
        return new ItemFinding(code, indicator, summary, score, r == null ? none : r.issue(), r == null ? none : r.action(), related);
    }

    private static List<DraftMeasure> measures(FrameworkDefinition def, List<IndicatorFinding> ranked, ScoreResult result, AgencyProfile agency,
                                               KnowledgeBase kb, MeasureSchedule schedule) {
        List<DraftMeasure> out = new ArrayList<>();
        for (GeneralMeasure g : kb.generalMeasures()) {
            out.add(new DraftMeasure(g.measure(), g.steps(), UnitChooser.choose(agency, kb, g.topic(), g.supportTopics(), ""),
                    LocalizedText.of("", ""), null, null, g.success(), null, g.timing()).scheduled(schedule));
        }
        List<IndicatorFinding> weak = ranked.stream()
                .filter(f -> f.standing() == IndicatorFinding.Standing.WEAKNESS || f.standing() == IndicatorFinding.Standing.TO_IMPROVE)
                .sorted(Comparator.comparing(IndicatorFinding::score).thenComparingInt(IndicatorFinding::number))
                .toList();
        for (IndicatorFinding f : weak) {
            kb.indicator(f.number()).ifPresent(advice -> out.add(specific(advice, agency, kb,
                    Sentences.fill("measure.addresses.indicator", "number", f.number(), "name", f.name()), schedule)));
        }
        List<String> failed = result.oitItems().entrySet().stream().filter(e -> e.getValue() != null && e.getValue() < 100)
                .map(java.util.Map.Entry::getKey).sorted(Comparator.comparingInt(Analyzer::codeNumber)).toList();
        boolean oitCovered = weak.stream().anyMatch(f -> f.tool() == ToolCode.OIT);
        if (!failed.isEmpty() && !oitCovered) {
            String codes = String.join(" ", failed);
            // the advice of the OIT indicator that holds the first failed item (whatever the year numbers it)
            int indicator = def.oitItem(failed.get(0)).map(OitItem::indicator).orElse(-1);
            kb.indicator(indicator).ifPresent(advice -> out.add(specific(advice, agency, kb,
                    Sentences.fill("measure.addresses.oitItems", "codes", codes), schedule)));
        }
        return out;
    }

    private static DraftMeasure specific(IndicatorAdvice advice, AgencyProfile agency, KnowledgeBase kb, LocalizedText addresses,
                                         MeasureSchedule schedule) {
        return new DraftMeasure(advice.measure(), advice.steps(),
                UnitChooser.choose(agency, kb, advice.topic(), advice.supportTopics(), advice.unit()), addresses, null, null,
                advice.success(), null, GeneralMeasure.Timing.MAIN).scheduled(schedule);
    }

    private static int codeNumber(String code) {
        String digits = code.replaceAll("[^0-9]", "");
        return digits.isEmpty() ? 0 : Integer.parseInt(digits);
    }
}
