package org.openita.server.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.openita.core.analysis.Analysis;
import org.openita.core.analysis.IndicatorFinding;
import org.openita.core.framework.FrameworkDefinition;
import org.openita.core.framework.Indicator;
import org.openita.core.framework.LocalizedText;
import org.openita.core.framework.OitItem;
import org.openita.core.framework.Question;
import org.openita.core.scoring.FigureCheck;
import org.openita.core.scoring.LevelSource;
import org.openita.core.scoring.Rounding;
import org.openita.core.scoring.ScoreResult;
import org.openita.core.scoring.ScoringEngine;

/**
 * What the results page shows, already in the reader's language and rounded for display: summary,
 * tools and parts, the ten indicators with last year's figures, imported-versus-recomputed checks,
 * per-question and per-OIT-item scores, and the bars of the two charts.
 */
public record ResultPage(String overall, String previousOverall, String change, String level, String levelExplanation,
                         boolean provisional, List<Row> tools, List<Row> indicators,
                         List<Check> checks, List<String> warnings, List<Row> questions, List<Row> oitItems, boolean hasPrevious,
                         List<Row> yearOverYear, String overallSource, String levelSource, int year,
                         String computedLevel, String computedLevelReason) {

    /**
     * One figure: key, label, score and last year's score (text), and bar lengths out of 100 for the charts;
     * source is "official" (as announced), "computed" (recomputed to fill a gap among announced figures) or "";
     * previousSource says the same of last year's figure.
     */
    public record Row(String key, String label, String score, String previous, String change, double bar, double previousBar,
                      String source, String standing, String previousSource) {
    }

    /** Whether any indicator has last year's figure: the indicator table's last-year columns are shown only then. */
    public boolean hasPreviousIndicators() {
        return indicators.stream().anyMatch(row -> !row.previous().isEmpty());
    }

    /** Whether any tool or part has last year's figure. */
    public boolean hasPreviousTools() {
        return tools.stream().anyMatch(row -> !row.previous().isEmpty());
    }

    /** An imported figure beside the recomputed one. */
    public record Check(String label, String given, String computed, String difference, boolean differs, String rule) {
    }

    public static ResultPage of(Analysis a, Locale locale) {
        FrameworkDefinition def = a.framework();
        ScoreResult r = a.result();
        ScoreResult p = a.previous();
        boolean en = "en".equals(locale.getLanguage());
        List<Row> tools = new ArrayList<>();
        for (String key : def.scoreKeys()) {
            Double v = r.tools().get(key);
            Double pv = p == null ? null : p.tools().get(key);
            tools.add(new Row(key, text(ScoringEngine.scoreName(def, key), en), fmt(v), fmt(pv), change(v, pv), bar(v), bar(pv),
                    source(r, key, v), "", p == null ? "" : source(p, key, pv)));
        }
        List<Row> indicators = new ArrayList<>();
        for (Indicator ind : def.indicators()) {
            IndicatorFinding f = a.ranked().stream().filter(x -> x.number() == ind.number()).findFirst().orElse(null);
            Double v = r.indicators().get(ind.number());
            Double pv = f == null ? null : f.previous();
            indicators.add(new Row(Integer.toString(ind.number()), ind.number() + ". " + text(ind.name(), en), fmt(v), fmt(pv), change(v, pv),
                    bar(v), bar(pv), source(r, Integer.toString(ind.number()), v), f == null ? "UNKNOWN" : f.standing().name(),
                    p == null ? "" : source(p, Integer.toString(ind.number()), pv)));
        }
        List<Check> checks = r.checks().stream().map(c -> check(def, c, en)).toList();
        List<Row> questions = new ArrayList<>();
        for (Question q : def.questions()) {
            Double v = r.questions().get(q.code());
            if (v != null) {
                questions.add(new Row(q.code(), text(q.summary(), en), fmt(v), "", "", bar(v), 0, source(r, q.code(), v),
                        "ตัวชี้วัดที่ " + q.indicator(), ""));
            }
        }
        List<Row> items = new ArrayList<>();
        for (OitItem o : def.oitItems()) {
            Double v = r.oitItems().get(o.code());
            if (v != null) {
                items.add(new Row(o.code(), text(o.title(), en), fmt(v), "", "", bar(v), 0, source(r, o.code(), v),
                        v >= 100 ? "PASS" : "FAIL", ""));
            }
        }
        String level = r.resultLevelName() == null ? null : text(r.resultLevelName(), en);
        List<Row> yoy = new ArrayList<>();
        yoy.add(new Row("overall", en ? "All" : "รวม", fmt(a.overall()), fmt(a.previousOverall()), change(a.overall(), a.previousOverall()),
                bar(a.overall()), bar(a.previousOverall()), "", "", ""));
        // last year's bars only where last year's figure is known (a year imported with its overall alone has none)
        yoy.addAll(indicators.stream().filter(row -> !row.previous().isEmpty()).toList());
        return new ResultPage(fmt(a.overall()), fmt(a.previousOverall()), change(a.overall(), a.previousOverall()), level,
                text(a.levelExplanation(), en), r.provisional(),
                tools, indicators, checks, r.warnings().stream().map(w -> text(w.message(), en)).toList(), questions, items,
                p != null || a.previousOverall() != null, yoy, a.overall() == null ? "" : r.overallOfficial() ? "official" : "computed",
                r.levelSource() == LevelSource.NONE ? "" : r.levelSource().json(), def.year().buddhistEra(),
                checkedLevel(r, en), r.levelSource() == LevelSource.OFFICIAL ? text(r.level().reason(), en) : "");
    }

    /**
     * The engine's own level beside an announced one, for the check: its name, or "undetermined" in the reader's
     * language; "" when no level was announced (then the engine's level is the result, shown above).
     */
    private static String checkedLevel(ScoreResult r, boolean en) {
        if (r.levelSource() != LevelSource.OFFICIAL) {
            return "";
        }
        return r.level().isDetermined() ? text(r.level().level().name(), en)
                : en ? "the figures at hand do not settle it" : "คะแนนที่มีไม่พอให้ระบบตัดสินระดับเอง";
    }

    private static Check check(FrameworkDefinition def, FigureCheck c, boolean en) {
        String label;
        if (c.key().equals("overall")) {
            label = en ? "Overall score" : "คะแนนรวม";
        } else if (c.key().chars().allMatch(Character::isDigit)) {
            label = def.indicator(Integer.parseInt(c.key())).map(i -> (en ? "Indicator " : "ตัวชี้วัดที่ ") + i.number() + " " + text(i.name(), en))
                    .orElse(text(c.name(), en));
        } else {
            label = text(ScoringEngine.scoreName(def, c.key()), en);
        }
        return new Check(label, fmt(c.given()), fmt(c.computed()), signed(c.difference()), c.differs(), text(c.rule(), en));
    }

    /** Labels a figure only among announced ones: "official" or "computed"; "" when nothing was announced. */
    private static String source(ScoreResult r, String key, Double v) {
        if (v == null || r.officialKeys().isEmpty()) {
            return "";
        }
        return r.isOfficial(key) ? "official" : "computed";
    }

    private static String text(LocalizedText t, boolean en) {
        return t == null ? "" : en ? t.en() : t.th();
    }

    static String fmt(Double v) {
        return v == null ? "" : Rounding.display(v).toPlainString();
    }

    private static String change(Double now, Double before) {
        return now == null || before == null ? "" : signed(Rounding.twoDecimals(now) - Rounding.twoDecimals(before));
    }

    /** Through the core's one rule for differences: 0.00 unsigned, +1.25, −0.06. */
    private static String signed(double d) {
        return org.openita.core.thai.ThaiFormat.difference(d, org.openita.core.thai.DigitStyle.ARABIC);
    }

    private static double bar(Double v) {
        return v == null ? 0 : Math.max(0, Math.min(100, v));
    }
}
