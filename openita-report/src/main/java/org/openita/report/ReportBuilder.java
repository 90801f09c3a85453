package org.openita.report;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openita.core.analysis.Analysis;
import org.openita.core.analysis.DraftMeasure;
import org.openita.core.analysis.IndicatorFinding;
import org.openita.core.analysis.ItemFinding;
import org.openita.core.analysis.MeasureSchedule;
import org.openita.core.analysis.Signatory;
import org.openita.core.analysis.ToolFindings;
import org.openita.core.framework.FiscalYear;
import org.openita.core.framework.LevelRule;
import org.openita.core.framework.LocalizedText;
import org.openita.core.framework.OitItem;
import org.openita.core.framework.Tool;
import org.openita.core.framework.ToolCode;
import org.openita.core.scoring.LevelSource;
import org.openita.core.scoring.Rounding;
import org.openita.core.thai.DigitStyle;
import org.openita.core.thai.ThaiFormat;

/**
 * Builds the analysis report from an analysis. Every sentence comes from {@link Phrases}; this class picks
 * which one and fills in names, figures and dates. It prints only what the data shows: announced figures as the
 * result, question findings only from question figures, OIT item advice only for items known to have failed,
 * and no note meant for the agency's staff (recomputation checks, provisional framework entries).
 */
public final class ReportBuilder {

    /** How the analysis joins the units that share a measure (see UnitChooser); printed one per line. */
    private static final String UNIT_SEPARATOR = " / ";

    private final Analysis a;
    private final ReportOptions options;
    private final DigitStyle digits;
    private final List<Block> blocks = new ArrayList<>();
    private int section;
    private int subsection;

    private ReportBuilder(Analysis analysis, ReportOptions options) {
        this.options = options;
        this.digits = options.digits();
        this.a = options.confirmedMeasures() ? analysis : analysis.draftedOn(options.date());
    }

    public static ReportDocument build(Analysis analysis, ReportOptions options) {
        return new ReportBuilder(analysis, options).build();
    }

    private ReportDocument build() {
        cover();
        introduction();
        rationale();
        results();
        analysis();
        target();
        measures();
        signOff();
        return new ReportDocument(Phrases.fill("doc.title", Map.of("year", year(), "agency", agencyName())), agencyName(), blocks);
    }

    // ----- formatting

    private String n(Object number) {
        return ThaiFormat.digits(String.valueOf(number), digits);
    }

    /** Digits in running text, except inside codes such as e1 or o12, which stay as written in the framework. */
    private String text(String s) {
        if (digits == DigitStyle.ARABIC || s == null) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        boolean code = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean digit = c >= '0' && c <= '9';
            code = digit ? code || i > 0 && isLatinLetter(s.charAt(i - 1)) : false;
            out.append(digit && !code ? (char) ('๐' + (c - '0')) : c);
        }
        return out.toString();
    }

    private static boolean isLatinLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private String score(Double v) {
        return v == null ? "–" : ThaiFormat.score(v, digits);
    }

    private String date(LocalDate d) {
        return ThaiFormat.date(d, digits);
    }

    /** "ธันวาคม ๒๕๖๙". */
    private String month(YearMonth m) {
        return date(m.atDay(1)).replaceFirst("^\\S+\\s", "");
    }

    private static String plain(double v) {
        return java.math.BigDecimal.valueOf(v).setScale(2, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    private String year() {
        return n(a.framework().year().buddhistEra());
    }

    private String planYear() {
        return n(a.schedule().year().buddhistEra());
    }

    private String agencyName() {
        return a.agency().name();
    }

    private String agencyFull() {
        String place = Phrases.place(a.agency().district(), a.agency().province());
        return place.isEmpty() ? agencyName() : agencyName() + " " + place;
    }

    private static Map<String, String> kv(String... pairs) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }

    private void section(String title) {
        section++;
        subsection = 0;
        blocks.add(new Block.Heading(1, n(section) + ".", title));
    }

    private void subsection(String title) {
        subsection++;
        blocks.add(new Block.Heading(2, n(section) + "." + n(subsection), title));
    }

    private void para(String text) {
        blocks.add(new Block.Paragraph(text));
    }

    private void say(String key, String... pairs) {
        para(Phrases.fill(key, kv(pairs)));
    }

    /** Whether any figure of the result was announced: then only announced figures are printed as figures. */
    private boolean announced() {
        return !a.result().officialKeys().isEmpty() || a.result().levelSource() == LevelSource.OFFICIAL;
    }

    /** A tool or part score the report may print: announced, or any when nothing was announced (a self-assessment). */
    private Double printable(String key) {
        Double v = a.result().tools().get(key);
        return v == null || (announced() && !a.result().isOfficial(key)) ? null : v;
    }

    // ----- sections

    private void cover() {
        List<String> agency = new ArrayList<>();
        agency.add(agencyName());
        if (a.agency().district() != null || a.agency().province() != null) {
            agency.add(Phrases.place(a.agency().district(), a.agency().province()));
        }
        blocks.add(new Block.Cover(List.of(Phrases.get("cover.title1"), Phrases.get("cover.title2"),
                Phrases.fill("cover.title3", kv("year", year()))), agency, date(options.date()), options.logo()));
        blocks.add(new Block.PageBreak());
    }

    private void introduction() {
        section(Phrases.get("intro.heading"));
        say("intro.purpose", "agency", agencyFull(), "year", year(), "planYear", planYear());
        if (options.survey() != null && !announced()) {
            surveySource(options.survey());
        } else {
            say(announced() ? "intro.source.official" : "intro.source.computed", "year", year());
        }
        say("intro.hope");
    }

    /** Scores computed from the agency's own survey: from how many answers, by who answered (groups nobody answered are left out). */
    private void surveySource(ReportOptions.SurveyBasis b) {
        List<String> groups = new ArrayList<>();
        if (b.staff() > 0) {
            groups.add(Phrases.fill("intro.source.survey.staff", kv("count", n(b.staff()))));
        }
        // "EIT ส่วนที่ 1" carries a digit of its own, written in the document's digits like every other number
        if (b.serviceUsers() > 0) {
            groups.add(ThaiFormat.digits(Phrases.fill("intro.source.survey.serviceUsers", kv("count", n(b.serviceUsers()))), digits));
        }
        if (b.assessed() > 0) {
            groups.add(ThaiFormat.digits(Phrases.fill("intro.source.survey.assessed", kv("count", n(b.assessed()))), digits));
        }
        say("intro.source.survey", "year", year(), "total", n(b.total()), "groups", Phrases.list(groups));
        if (!b.belowMinimum().isEmpty()) {
            List<String> below = b.belowMinimum().stream().map(x -> ThaiFormat.digits(Phrases.fill("intro.source.survey.below."
                    + x.group().name(), kv("count", n(x.responses()), "minimum", n(x.minimum()))), digits)).toList();
            say("intro.source.survey.below", "groups", Phrases.list(below));
        }
    }

    private void rationale() {
        section(Phrases.get("rationale.heading"));
        say("rationale.nacc");
        List<String> tools = a.framework().tools().stream().map(t -> t.name().th() + " (" + t.code().name() + ")").toList();
        say("rationale.tools", "year", year(), "toolCount", n(tools.size()), "tools", Phrases.list(tools),
                "indicatorCount", n(a.framework().indicators().size()));
        // which version of the year's definition the figures were scored under (versions of a year differ in it)
        say("rationale.version", "year", year(), "version", ThaiFormat.digits(a.framework().version(), digits));
        say("rationale.duty");
    }

    private void results() {
        section(Phrases.fill("results.heading", kv("year", year())));
        LocalizedText level = a.result().resultLevelName();
        LevelSource source = a.result().levelSource();
        String overall = score(a.overall());
        if (a.overall() == null) {
            say("results.overall.none", "year", year());
        } else if (level != null) {
            say(source == LevelSource.OFFICIAL ? "results.overall.official" : "results.overall.computed",
                    "year", year(), "agency", agencyFull(), "overall", overall, "level", level.th());
        } else {
            say(a.result().overallOfficial() ? "results.overall.scoreOfficial" : "results.overall.scoreOnly",
                    "year", year(), "agency", agencyFull(), "overall", overall);
        }
        LevelRule rule = a.result().resultLevel();
        String target = n(plain(a.target()));
        StringBuilder meaning = new StringBuilder();
        if (rule != null) {
            meaning.append(Phrases.fill("results.meaning", kv("year", year(), "level", rule.name().th(), "meaning", text(rule.meaning().th()))));
        } else if (level == null && a.overall() != null) {
            meaning.append(Phrases.get("results.level.byNacc"));
        }
        boolean passing = rule != null ? rule.passing() : Boolean.TRUE.equals(a.targetMet());
        if (a.overall() != null && (rule != null || a.targetMet() != null)) {
            meaning.append(meaning.length() == 0 ? "" : " ")
                    .append(Phrases.fill(passing ? "results.passed" : "results.notPassed", kv("target", target)));
        }
        if (meaning.length() > 0) {
            para(meaning.toString());
        }
        comparison();
        indicatorTable();
        toolTable();
    }

    private void comparison() {
        if (a.previousOverall() == null || a.overall() == null) {
            return;
        }
        String last = n(a.framework().year().buddhistEra() - 1);
        double change = Rounding.display(a.overall()).doubleValue() - Rounding.display(a.previousOverall()).doubleValue();
        String key = change > 0.005 ? "results.change.up" : change < -0.005 ? "results.change.down" : "results.change.same";
        StringBuilder sb = new StringBuilder(Phrases.fill(key, kv("lastYear", last, "previous", score(a.previousOverall()),
                "change", score(Math.abs(change)))));
        LocalizedText before = a.previous() == null ? null : a.previous().resultLevelName();
        LocalizedText now = a.result().resultLevelName();
        if (before != null && now != null) {
            sb.append(' ').append(before.th().equals(now.th())
                    ? Phrases.fill("results.levelSame", kv("level", now.th()))
                    : Phrases.fill("results.levelChanged", kv("from", before.th(), "to", now.th())));
        }
        para(sb.toString());
    }

    private void indicatorTable() {
        subsection(Phrases.get("results.indicators.heading"));
        boolean prev = a.ranked().stream().anyMatch(f -> f.previous() != null);
        List<String> header = new ArrayList<>(List.of(Phrases.get("results.indicators.col.number"), Phrases.get("results.indicators.col.name"),
                Phrases.get("results.indicators.col.tool"), Phrases.get("results.indicators.col.score")));
        if (prev) {
            header.add(Phrases.get("results.indicators.col.previous"));
            header.add(Phrases.get("results.indicators.col.change"));
        }
        header.add(Phrases.get("results.indicators.col.rank"));
        List<List<String>> rows = new ArrayList<>();
        List<IndicatorFinding> byNumber = a.ranked().stream().sorted(Comparator.comparingInt(IndicatorFinding::number)).toList();
        for (IndicatorFinding f : byNumber) {
            List<String> row = new ArrayList<>(List.of(n(f.number()), f.name().th(), f.tool().name(), score(f.score())));
            if (prev) {
                row.add(score(f.previous()));
                row.add(signed(f.change()));
            }
            row.add(f.score() == null ? "–" : n(f.rank()));
            rows.add(row);
        }
        blocks.add(prev
                ? new Block.Table(header, rows, new float[] {0.8f, 4.4f, 1.8f, 1.7f, 1.7f, 1.7f, 1.5f},
                        new boolean[] {false, false, false, true, true, true, true})
                : new Block.Table(header, rows, new float[] {0.8f, 6f, 1.8f, 1.7f, 1.5f}, new boolean[] {false, false, false, true, true}));
        String series = Phrases.fill("results.chart.series", kv("year", year()));
        blocks.add(new Block.BarChart(Phrases.fill("results.chart.indicators", kv("year", year())), byNumber.stream()
                .map(f -> new Block.Bar(n(f.number()) + " " + f.name().th(), f.score(), null, score(f.score()), null)).toList(), series, null,
                a.target()));
        if (a.previous() != null) {
            String last = n(a.framework().year().buddhistEra() - 1);
            List<Block.Bar> yoy = new ArrayList<>();
            yoy.add(new Block.Bar(Phrases.get("results.chart.overall"), a.overall(), a.previousOverall(), score(a.overall()),
                    score(a.previousOverall())));
            byNumber.stream().filter(f -> f.previous() != null).forEach(f -> yoy.add(new Block.Bar(
                    n(f.number()) + " " + f.name().th(), f.score(), f.previous(), score(f.score()), score(f.previous()))));
            blocks.add(new Block.BarChart(Phrases.fill("results.chart.compare", kv("lastYear", last)), yoy, series,
                    Phrases.fill("results.chart.series", kv("year", last)), a.target()));
        }
    }

    private String signed(Double v) {
        if (v == null) {
            return "–";
        }
        return ThaiFormat.difference(v, digits);
    }

    /**
     * Tool and part scores: only announced ones (a recomputed tool score is a check, not the result), and a total row
     * only when the tool rows add up to it. When the announcement leaves tools out, a sentence under the table names
     * them, so the reader is not left wondering why the table has no row for them.
     */
    private void toolTable() {
        subsection(Phrases.get("results.tools.heading"));
        List<List<String>> rows = new ArrayList<>();
        for (String key : a.framework().scoreKeys()) {
            Double v = printable(key);
            if (v == null) {
                continue;
            }
            LocalizedText name = org.openita.core.scoring.ScoringEngine.scoreName(a.framework(), key);
            boolean isTool = a.framework().tools().stream().anyMatch(t -> t.code().name().equals(key));
            String label = isTool ? key + " " + a.framework().tool(ToolCode.valueOf(key)).orElseThrow().name().th() : text(name.th());
            String w = isTool ? n(plain(a.framework().tool(ToolCode.valueOf(key)).orElseThrow().weight() * 100)) + "%" : "";
            rows.add(List.of(label, w, score(v)));
        }
        if (rows.isEmpty()) {
            say(announced() ? "results.tools.notAnnounced" : "results.tools.noneComputed");
            return;
        }
        if (addsUp()) {
            rows.add(List.of(Phrases.get("results.tools.total"), n(100) + "%", score(a.overall())));
        }
        blocks.add(new Block.Table(List.of(Phrases.get("results.tools.col.tool"), Phrases.get("results.tools.col.weight"),
                Phrases.get("results.tools.col.score")), rows, new float[] {7, 1.5f, 1.5f}, new boolean[] {false, true, true}));
        List<String> left = a.framework().tools().stream().map(t -> t.code().name()).filter(k -> printable(k) == null).toList();
        if (!left.isEmpty()) {
            // nothing announced: a tool without a score has no data yet (a survey not run, an assessment not done)
            say(announced() ? "results.tools.someNotAnnounced" : "results.tools.noData", "tools", Phrases.list(left));
        }
    }

    private boolean addsUp() {
        if (a.overall() == null) {
            return false;
        }
        double sum = 0;
        for (Tool t : a.framework().tools()) {
            Double v = printable(t.code().name());
            if (v == null) {
                return false;
            }
            sum += t.weight() * v;
        }
        return !Rounding.differs(sum, a.overall());
    }

    private void analysis() {
        section(Phrases.get("analysis.heading"));
        String threshold = n(plain(org.openita.core.analysis.AnalysisOptions.DEFAULT.lowQuestionBelow()));
        say(a.questionFigures() ? "analysis.basis.questions" : "analysis.basis.indicators", "threshold", threshold);
        String target = n(plain(a.target()));
        if (a.standingRule().median() != null) {
            say("analysis.rule", "passMark", n(plain(a.standingRule().passMark())), "count",
                    n(a.ranked().stream().filter(f -> f.score() != null).count()), "median", score(a.standingRule().median()));
        }
        for (ToolFindings t : a.byTool()) {
            subsection(Phrases.fill("analysis.tool.heading", kv("name", t.name().th(), "code", t.tool().name())));
            Double toolScore = printable(t.tool().name());
            if (toolScore != null) {
                say("analysis.tool.score", "score", score(toolScore));
            }
            if (!t.strengths().isEmpty()) {
                say("analysis.strengths", "list", Phrases.list(t.strengths().stream().map(f -> Phrases.fill("analysis.indicatorScore",
                        kv("number", n(f.number()), "name", f.name().th(), "score", score(f.score())))).toList()));
            }
            boolean noData = toolScore == null && t.strengths().isEmpty() && t.toImprove().isEmpty();
            if (noData) {
                // nothing was scored for this tool: say so, and nothing about indicators or questions it has no figures for
                say("analysis.tool.noData");
            } else if (t.toImprove().isEmpty()) {
                say("analysis.toImprove.none");
            } else {
                say("analysis.toImprove.intro");
                blocks.add(new Block.Bullets(t.toImprove().stream().map(f -> Phrases.fill(
                        f.standing() == IndicatorFinding.Standing.WEAKNESS ? "analysis.weakness.item" : "analysis.toImprove.item",
                        kv("number", n(f.number()), "name", f.name().th(), "score", score(f.score()), "target", target,
                                "advice", text(f.advice().th())))).toList()));
            }
            parts(t, threshold, target);
            if (t.tool() == ToolCode.OIT) {
                oit(t);
            } else if (t.parts().isEmpty() && t.itemScoresKnown() && !noData) {
                if (t.items().isEmpty()) {
                    say("analysis.questions.none", "threshold", threshold);
                } else {
                    say("analysis.questions.low", "threshold", threshold);
                    questionTable(t.items());
                }
            }
        }
    }

    private void parts(ToolFindings t, String threshold, String target) {
        if (t.parts().isEmpty()) {
            return;
        }
        boolean anyKnown = false;
        for (ToolFindings.PartScore p : t.parts()) {
            Double v = printable(p.code());
            String part = text(p.name().th());
            if (v != null) {
                anyKnown = true;
                say(Rounding.twoDecimals(v) >= a.target() ? "analysis.part.pass" : "analysis.part.below", "part", part,
                        "score", score(v), "target", target);
            }
            if (p.itemScoresKnown()) {
                anyKnown = true;
                if (p.items().isEmpty()) {
                    say("analysis.part.allQuestionsPass", "part", part, "threshold", threshold);
                } else {
                    say("analysis.part.lowQuestions", "part", part, "threshold", threshold);
                    questionTable(p.items());
                }
            }
        }
        if (!anyKnown) {
            if (t.itemScoresKnown()) {
                if (t.items().isEmpty()) {
                    say("analysis.questions.none", "threshold", threshold);
                } else {
                    say("analysis.questions.low", "threshold", threshold);
                    questionTable(t.items());
                }
            } else {
                say(announced() ? "analysis.part.notAnnounced" : "analysis.part.noData");
            }
        }
    }

    private void questionTable(List<ItemFinding> items) {
        List<List<String>> rows = new ArrayList<>();
        for (ItemFinding i : items) {
            String advice = i.issue().th().isEmpty() && i.action().th().isEmpty() ? "–"
                    : i.issue().th().isEmpty() ? text(i.action().th())
                    : Phrases.fill("analysis.questions.advice", kv("issue", text(i.issue().th()), "action", text(i.action().th())));
            String related = i.related().stream().map(r -> r.code() + " " + text(r.title().th())).reduce((x, y) -> x + "\n" + y).orElse("–");
            rows.add(List.of(i.code(), text(i.summary().th()), score(i.score()), advice, related));
        }
        blocks.add(new Block.Table(List.of(Phrases.get("analysis.questions.col.code"), Phrases.get("analysis.questions.col.topic"),
                Phrases.get("analysis.questions.col.score"), Phrases.get("analysis.questions.col.advice"),
                Phrases.get("analysis.questions.col.oit")), rows, new float[] {0.9f, 3.4f, 1.5f, 5f, 3f},
                new boolean[] {false, false, true, false, false}));
    }

    /**
     * The OIT item by item, from the item scores of the result (confirmed verdicts: 100 for an item that passes, 0 for
     * one that fails): each OIT indicator with its score and how many of its items passed, the failed items with their
     * score and advice, the passed items by code, and which items have no score yet. Nothing is said about an item
     * without its figure, and no assessor's comment is ever part of the result.
     */
    private void oit(ToolFindings t) {
        Map<String, Double> scores = a.result().oitItems();
        List<OitItem> all = a.framework().oitItems();
        List<OitItem> known = all.stream().filter(i -> scores.get(i.code()) != null).toList();
        if (!known.isEmpty()) {
            long passed = known.stream().filter(i -> passes(scores.get(i.code()))).count();
            say("analysis.oit.items", "passed", n(passed), "known", n(known.size()), "full", n(100), "zero", n(0));
            for (org.openita.core.framework.Indicator ind : a.framework().indicators()) {
                if (ind.tool() != ToolCode.OIT || a.framework().oitItemsOf(ind.number()).isEmpty()) {
                    continue;
                }
                List<OitItem> mine = a.framework().oitItemsOf(ind.number());
                long mineKnown = mine.stream().filter(i -> scores.get(i.code()) != null).count();
                long minePassed = mine.stream().filter(i -> passes(scores.get(i.code()))).count();
                Double v = a.result().indicators().get(ind.number());
                if (v != null && mineKnown == mine.size()) {
                    say("analysis.oit.indicator", "number", n(ind.number()), "name", text(ind.name().th()), "score", score(v),
                            "passed", n(minePassed), "count", n(mine.size()));
                } else if (mineKnown > 0) {
                    say("analysis.oit.indicator.partial", "number", n(ind.number()), "name", text(ind.name().th()),
                            "passed", n(minePassed), "known", n(mineKnown), "count", n(mine.size()));
                }
            }
        }
        if (!t.items().isEmpty()) {
            say("analysis.oit.failed");
            List<List<String>> rows = new ArrayList<>();
            for (ItemFinding i : t.items()) {
                String title = a.framework().oitItem(i.code()).map(OitItem::title).map(LocalizedText::th).orElse(i.summary().th());
                rows.add(List.of(i.code(), text(title), score(i.score()), i.action().th().isEmpty() ? "–" : text(i.action().th())));
            }
            blocks.add(new Block.Table(List.of(Phrases.get("analysis.oit.col.code"), Phrases.get("analysis.oit.col.title"),
                    Phrases.get("analysis.oit.col.score"), Phrases.get("analysis.oit.col.advice")), rows,
                    new float[] {1, 5, 1.5f, 6}, new boolean[] {false, false, true, false}));
        }
        List<String> passedCodes = known.stream().filter(i -> passes(scores.get(i.code()))).map(OitItem::code).toList();
        List<String> missing = all.stream().filter(i -> scores.get(i.code()) == null).map(OitItem::code).toList();
        if (!known.isEmpty() && missing.isEmpty() && passedCodes.size() == known.size()) {
            say("analysis.oit.allPassed", "count", n(known.size()), "full", n(100));
        } else if (!passedCodes.isEmpty()) {
            say("analysis.oit.passed", "codes", Phrases.list(passedCodes), "full", n(100));
        }
        if (!known.isEmpty() && !missing.isEmpty()) {
            say("analysis.oit.missing", "codes", Phrases.list(missing));
        }
        say("analysis.oit.advice");
    }

    private static boolean passes(Double itemScore) {
        return itemScore != null && itemScore >= 100;
    }

    private void target() {
        section(Phrases.fill("target.heading", kv("planYear", planYear())));
        if (a.suggestedTarget() == null) {
            say("target.unknown", "planYear", planYear());
            return;
        }
        say("target.text", "planYear", planYear(), "target", score(a.suggestedTarget()), "pass", n(plain(a.target())));
    }

    private void measures() {
        section(Phrases.fill("measures.heading", kv("planYear", planYear())));
        if (options.measuresWithheld()) {
            say("measures.withheld", "planYear", planYear());
            return;
        }
        if (a.measures().isEmpty()) {
            say("measures.none");
            return;
        }
        say(options.confirmedMeasures() || !a.draftMeasures() ? "measures.confirmed" : "measures.draft");
        MeasureSchedule s = a.schedule();
        if (a.draftMeasures()) {
            if (s.moved()) {
                FiscalYear m = s.measuresYear();
                say(options.date().isAfter(m.lastDay()) ? "measures.yearOver" : "measures.yearShort", "date", date(options.date()),
                        "measuresYear", n(m.buddhistEra()), "planYear", planYear(), "first", month(s.first()), "last", month(s.last()));
            } else if (s.partYear()) {
                say("measures.partYear", "first", month(s.first()), "last", month(s.last()));
            }
        }
        List<DraftMeasure> general = a.measures().stream().filter(DraftMeasure::general).toList();
        List<DraftMeasure> specific = a.measures().stream().filter(m -> !m.general()).toList();
        int[] counter = {0};
        if (!general.isEmpty()) {
            subsection(Phrases.get("measures.general.heading"));
            say("measures.general.intro");
            measureTable(general, counter);
        }
        subsection(Phrases.get("measures.specific.heading"));
        if (specific.isEmpty()) {
            say("measures.specific.none");
        } else {
            say("measures.specific.intro");
            measureTable(specific, counter);
        }
        timeline();
        monitoring();
    }

    /** Four columns, so that no word is squeezed: the measure cell holds its steps and its success indicator. */
    private void measureTable(List<DraftMeasure> measures, int[] counter) {
        List<List<String>> rows = new ArrayList<>();
        for (DraftMeasure m : measures) {
            counter[0]++;
            StringBuilder cell = new StringBuilder(m.general() ? text(m.measure().th())
                    : Phrases.fill("measures.addresses", kv("measure", text(m.measure().th()), "addresses", text(m.addresses().th()))));
            cell.append('\n').append(Phrases.get("measures.cell.steps"));
            for (int s = 0; s < m.steps().size(); s++) {
                cell.append('\n').append(n(s + 1)).append(". ").append(text(m.steps().get(s).th()));
            }
            cell.append('\n').append(Phrases.fill("measures.cell.success", kv("success",
                    m.success() == null ? Phrases.get("measures.success.none") : text(m.success().th()))));
            rows.add(List.of(n(counter[0]), cell.toString(),
                    m.unit() == null || m.unit().isBlank() ? "–" : m.unit().replace(UNIT_SEPARATOR, "\n"), period(m)));
        }
        blocks.add(new Block.Table(List.of(Phrases.get("measures.col.number"), Phrases.get("measures.col.measure"),
                Phrases.get("measures.col.unit"), Phrases.get("measures.col.period")), rows, new float[] {0.6f, 7f, 2.6f, 2.8f},
                new boolean[] {false, false, false, false}));
    }

    private String period(DraftMeasure m) {
        if (m.dueDate() == null) {
            return !progressWithin(m) ? Phrases.get("measures.period.none")
                    : Phrases.fill("measures.period.progress", kv("date", date(m.progressDate())));
        }
        String due = date(m.dueDate());
        String out = m.startDate() != null && YearMonth.from(m.startDate()).isBefore(YearMonth.from(m.dueDate()))
                ? Phrases.fill("measures.period.range", kv("first", month(YearMonth.from(m.startDate())), "due", due))
                : Phrases.fill("measures.period.due", kv("due", due));
        if (m.timing() == null && progressWithin(m)) {
            out = Phrases.fill("measures.period.progress", kv("date", date(m.progressDate()))) + "\n" + out;
        }
        return out;
    }

    /**
     * Whether a measure's progress date falls while it runs: not before its start month, and before its due date when
     * it has one (a check on the due date is the completion itself). A milestone the agency set outside that is not printed.
     */
    private static boolean progressWithin(DraftMeasure m) {
        LocalDate p = m.progressDate();
        return p != null && (m.dueDate() == null || p.isBefore(m.dueDate()))
                && (m.startDate() == null || !YearMonth.from(p).isBefore(YearMonth.from(m.startDate())));
    }

    /**
     * Measures by months of the plan, a mark in each month the measure runs: one table per half of the fiscal year
     * (October to March, April to September), so that each month's column is wide enough to read.
     */
    private void timeline() {
        List<YearMonth> months = a.schedule().months();
        List<DraftMeasure> ms = a.measures();
        if (ms.stream().noneMatch(m -> m.dueDate() != null)) {
            return;
        }
        subsection(Phrases.get("measures.timeline.heading"));
        say("measures.timeline.intro", "planYear", planYear());
        List<YearMonth> firstHalf = months.stream().filter(m -> m.getMonthValue() >= 10 || m.getMonthValue() <= 3).toList();
        List<YearMonth> secondHalf = months.stream().filter(m -> m.getMonthValue() >= 4 && m.getMonthValue() <= 9).toList();
        for (List<YearMonth> half : List.of(firstHalf, secondHalf)) {
            if (!half.isEmpty()) {
                timelineTable(ms, half, months);
            }
        }
    }

    private void timelineTable(List<DraftMeasure> ms, List<YearMonth> half, List<YearMonth> plan) {
        List<String> header = new ArrayList<>();
        header.add(Phrases.get("measures.col.number"));
        header.add(Phrases.get("measures.timeline.col.measure"));
        half.forEach(m -> header.add(Phrases.get("month.short." + m.getMonthValue())));
        List<List<String>> rows = new ArrayList<>();
        int i = 0;
        for (DraftMeasure m : ms) {
            i++;
            List<String> row = new ArrayList<>();
            row.add(n(i));
            row.add(text(m.measure().th()));
            YearMonth from = m.startDate() != null ? YearMonth.from(m.startDate()) : plan.get(0);
            YearMonth to = m.dueDate() != null ? YearMonth.from(m.dueDate()) : plan.get(plan.size() - 1);
            for (YearMonth month : half) {
                row.add(!month.isBefore(from) && !month.isAfter(to) ? Phrases.get("measures.timeline.mark") : "");
            }
            rows.add(row);
        }
        float[] widths = new float[half.size() + 2];
        boolean[] numeric = new boolean[half.size() + 2];
        widths[0] = 0.6f;
        widths[1] = 5f;
        for (int c = 2; c < widths.length; c++) {
            widths[c] = 1f;
        }
        blocks.add(new Block.Table(header, rows, widths, numeric));
    }

    private void monitoring() {
        List<LocalDate> dates = a.schedule().monitoring();
        if (dates.isEmpty()) {
            return;
        }
        subsection(Phrases.get("measures.monitoring.heading"));
        say("measures.monitoring.intro");
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < dates.size(); i++) {
            LocalDate d = dates.get(i);
            YearMonth end = YearMonth.from(d);
            YearMonth start = end.minusMonths(2);
            String from = start.getYear() == end.getYear() ? month(start).replaceFirst("\\s\\S+$", "") : month(start);
            String quarter = Phrases.fill("measures.monitoring.quarter", kv("quarter", n(FiscalYear.quarterOf(d)),
                    "from", from, "to", month(end)));
            boolean last = i == dates.size() - 1;
            rows.add(List.of(n(i + 1), quarter, date(d), Phrases.get(last ? "measures.monitoring.final" : "measures.monitoring.progress")));
        }
        blocks.add(new Block.Table(List.of(Phrases.get("measures.monitoring.col.round"), Phrases.get("measures.monitoring.col.quarter"),
                Phrases.get("measures.monitoring.col.date"), Phrases.get("measures.monitoring.col.what")), rows,
                new float[] {1, 4.5f, 3, 5}, new boolean[] {false, false, false, false}));
    }

    /** Prepared, reviewed and approved by: the agency's entries, or blank lines to sign by hand. */
    private void signOff() {
        List<Signatory> people = a.agency().signOff();
        List<List<String>> signers = new ArrayList<>();
        if (people.isEmpty()) {
            for (Signatory.Role role : Signatory.Role.values()) {
                signers.add(List.of(Phrases.fill("signoff.signature", kv("role", Phrases.get("signoff.role." + role))),
                        Phrases.get("signoff.blankName"), Phrases.get("signoff.blankPosition")));
            }
        } else {
            for (Signatory s : people) {
                signers.add(List.of(Phrases.fill("signoff.signature", kv("role", Phrases.get("signoff.role." + s.role()))),
                        s.name() == null ? Phrases.get("signoff.blankName") : Phrases.fill("signoff.name", kv("name", s.name())),
                        Phrases.fill("signoff.position", kv("position", text(s.position())))));
            }
        }
        blocks.add(new Block.SignOff(Phrases.get("signoff.heading"), signers));
    }
}
