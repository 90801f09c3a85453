package org.openita.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openita.core.analysis.AgencyProfile;
import org.openita.core.analysis.Analysis;
import org.openita.core.analysis.AnalysisOptions;
import org.openita.core.analysis.Analyzer;
import org.openita.core.analysis.DraftMeasure;
import org.openita.core.framework.FiscalYear;
import org.openita.core.framework.FrameworkDefinition;
import org.openita.core.framework.FrameworkLoader;
import org.openita.core.framework.Indicator;
import org.openita.core.framework.KnowledgeBaseLoader;
import org.openita.core.framework.LocalizedText;
import org.openita.core.scoring.AssessmentInput;
import org.openita.core.scoring.ScoringEngine;
import org.openita.core.thai.DigitStyle;

/**
 * Over many random plans (drafts made on random dates, and confirmed measures with random starts, due dates and
 * milestones, as agencies type them): no progress date is printed before a measure's start month or after its due
 * date, and the month-by-month plan marks only months from a measure's start to its due month.
 */
class MeasureTimingPropertyTest {

    private static final long SEED = 20261130L;
    private static final int PLANS = 400;
    private static final Pattern DATE = Pattern.compile("([0-9]{1,2}) (\\S+) ([0-9]{4})");
    private static final List<String> MONTHS = List.of("มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
            "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม");

    @Test
    void noMilestoneOrMonthMarkFallsOutsideTheMeasuresOwnMonths() {
        Random rnd = new Random(SEED);
        Map<Integer, FrameworkDefinition> defs = new HashMap<>();
        List<Integer> years = List.copyOf(FrameworkLoader.shippedYears());
        int progressPrinted = 0;
        int marks = 0;
        for (int plan = 0; plan < PLANS; plan++) {
            int year = years.get(rnd.nextInt(years.size()));
            FrameworkDefinition d = defs.computeIfAbsent(year, FrameworkLoader::shipped);
            Map<Integer, Double> scores = new HashMap<>();
            for (Indicator i : d.indicators()) {
                scores.put(i.number(), 60 + rnd.nextInt(4001) / 100.0);
            }
            Analysis base = Analyzer.analyze(d, ScoringEngine.score(d, AssessmentInput.empty(d.year()).withIndicators(scores)), null,
                    new AgencyProfile("องค์การบริหารส่วนตำบลทดสอบ", null, null, ReportContentTest.UNITS), KnowledgeBaseLoader.shipped(year),
                    AnalysisOptions.DEFAULT);
            FiscalYear measuresYear = d.year().next();
            LocalDate date = measuresYear.firstDay().minusDays(90).plusDays(rnd.nextInt(3 * 365));
            boolean confirmed = rnd.nextInt(3) > 0;
            Analysis planned = confirmed ? base.withMeasures(randomMeasures(rnd, measuresYear)) : base.draftedOn(date);
            String where = "plan " + plan + " (" + year + ", " + (confirmed ? "confirmed" : "drafted") + " " + date + ")";
            if (!confirmed) {
                // the drafts' own milestones, as the server stores them when a plan starts from the drafts
                assertThat(planned.measures()).as(where).allSatisfy(m -> {
                    if (m.progressDate() != null) {
                        assertThat(m.progressDate()).isBetween(m.startDate(), m.dueDate());
                    }
                });
            }
            ReportDocument doc = ReportBuilder.build(confirmed ? planned : base,
                    new ReportOptions(DigitStyle.ARABIC, date, null, confirmed));
            progressPrinted += checkPeriods(doc, planned.measures(), where);
            marks += checkMonthGrid(doc, planned, where);
        }
        // the property was exercised, not vacuously true
        assertThat(progressPrinted).isGreaterThan(PLANS / 4);
        assertThat(marks).isGreaterThan(PLANS * 5);
    }

    /** The period cell of each measure: a progress date shown lies in the measure's months, before its due date. */
    private static int checkPeriods(ReportDocument doc, List<DraftMeasure> measures, String where) {
        List<DraftMeasure> ordered = new ArrayList<>(measures.stream().filter(DraftMeasure::general).toList());
        ordered.addAll(measures.stream().filter(m -> !m.general()).toList());
        String progress = Phrases.fill("measures.period.progress", Map.of("date", "")).strip();
        int printed = 0;
        for (Block b : doc.blocks()) {
            if (b instanceof Block.Table t && t.header().size() == 4 && t.header().get(3).equals(Phrases.get("measures.col.period"))) {
                for (List<String> row : t.rows()) {
                    DraftMeasure m = ordered.get(Integer.parseInt(row.get(0)) - 1);
                    for (String line : row.get(3).split("\n")) {
                        if (line.startsWith(progress)) {
                            LocalDate shown = date(line);
                            printed++;
                            if (m.startDate() != null) {
                                assertThat(YearMonth.from(shown)).as(where + ": " + line).isAfterOrEqualTo(YearMonth.from(m.startDate()));
                            }
                            if (m.dueDate() != null) {
                                assertThat(shown).as(where + ": " + line).isBefore(m.dueDate());
                            }
                        }
                    }
                }
            }
        }
        return printed;
    }

    /** The month grid: a mark only in months from the measure's start month to its due month. */
    private static int checkMonthGrid(ReportDocument doc, Analysis planned, String where) {
        List<YearMonth> months = planned.schedule().months();
        List<List<YearMonth>> halves = List.of(
                months.stream().filter(m -> m.getMonthValue() >= 10 || m.getMonthValue() <= 3).toList(),
                months.stream().filter(m -> m.getMonthValue() >= 4 && m.getMonthValue() <= 9).toList());
        int table = 0;
        int marks = 0;
        for (Block b : doc.blocks()) {
            if (b instanceof Block.Table t && t.header().size() > 2
                    && t.header().get(1).equals(Phrases.get("measures.timeline.col.measure"))) {
                while (halves.get(table).isEmpty()) {
                    table++;
                }
                List<YearMonth> half = halves.get(table++);
                assertThat(t.header()).hasSize(half.size() + 2);
                for (List<String> row : t.rows()) {
                    DraftMeasure m = planned.measures().get(Integer.parseInt(row.get(0)) - 1);
                    for (int c = 2; c < row.size(); c++) {
                        if (row.get(c).isEmpty()) {
                            continue;
                        }
                        marks++;
                        YearMonth month = half.get(c - 2);
                        if (m.startDate() != null) {
                            assertThat(month).as(where + ": " + m.measure().th()).isAfterOrEqualTo(YearMonth.from(m.startDate()));
                        }
                        if (m.dueDate() != null) {
                            assertThat(month).as(where + ": " + m.measure().th()).isBeforeOrEqualTo(YearMonth.from(m.dueDate()));
                        }
                    }
                }
            }
        }
        return marks;
    }

    /**
     * Measures as an agency may confirm them: a start anywhere from the measures year into the next one, a due date
     * on or after it, a first milestone that may lie before the start or after the due date; some dates missing.
     */
    private static List<DraftMeasure> randomMeasures(Random rnd, FiscalYear measuresYear) {
        List<DraftMeasure> out = new ArrayList<>();
        int n = 1 + rnd.nextInt(8);
        for (int i = 0; i < n; i++) {
            LocalDate start = rnd.nextInt(6) == 0 ? null : measuresYear.firstDay().plusDays(rnd.nextInt(540));
            LocalDate from = start != null ? start : measuresYear.firstDay();
            LocalDate due = rnd.nextInt(10) == 0 ? null : YearMonth.from(from.plusDays(rnd.nextInt(330))).atEndOfMonth();
            LocalDate progress = rnd.nextInt(4) == 0 ? null : from.minusDays(150).plusDays(rnd.nextInt(600));
            out.add(new DraftMeasure(LocalizedText.of("มาตรการทดสอบที่ " + (i + 1), "x"), List.of(LocalizedText.of("ขั้นตอน", "x")),
                    "สำนักปลัด", LocalizedText.of(rnd.nextBoolean() ? "" : "ตัวชี้วัดที่ 1", "x"), progress, due, null, start, null));
        }
        return out;
    }

    private static LocalDate date(String line) {
        Matcher m = DATE.matcher(line);
        assertThat(m.find()).as(line).isTrue();
        return LocalDate.of(Integer.parseInt(m.group(3)) - 543, MONTHS.indexOf(m.group(2)) + 1, Integer.parseInt(m.group(1)));
    }
}
