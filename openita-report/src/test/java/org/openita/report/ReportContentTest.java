package org.openita.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openita.core.analysis.AgencyProfile;
import org.openita.core.analysis.Analysis;
import org.openita.core.analysis.AnalysisOptions;
import org.openita.core.analysis.Analyzer;
import org.openita.core.analysis.DraftMeasure;
import org.openita.core.analysis.Signatory;
import org.openita.core.framework.AnswerScale;
import org.openita.core.framework.FiscalYear;
import org.openita.core.framework.FrameworkDefinition;
import org.openita.core.framework.FrameworkLoader;
import org.openita.core.framework.Indicator;
import org.openita.core.framework.KnowledgeBase;
import org.openita.core.framework.KnowledgeBaseLoader;
import org.openita.core.framework.LocalizedText;
import org.openita.core.framework.OitItem;
import org.openita.core.framework.Question;
import org.openita.core.scoring.AssessmentInput;
import org.openita.core.scoring.OitEvidence;
import org.openita.core.scoring.QuestionEvidence;
import org.openita.core.scoring.ScoreResult;
import org.openita.core.scoring.ScoringEngine;
import org.openita.core.thai.DigitStyle;

/** What the report says: only what the data shows, no internal note, natural Thai, for every shipped year and branch. */
class ReportContentTest {

    static final List<String> UNITS = List.of("สำนักปลัด", "กองคลัง", "กองช่าง", "กองการศึกษา ศาสนาและวัฒนธรรม", "กองสวัสดิการสังคม");

    @Test
    void indicatorOnlyInputMakesNoClaimAboutAnyQuestionOrOitItem() throws Exception {
        String text = ReportBuilderTest.allText(SamdetReport.document(DigitStyle.THAI));
        assertThat(text).doesNotContainPattern("(?<![A-Za-z])[ieo][0-9๐-๙]{1,2}(?![0-9๐-๙])");
        KnowledgeBase kb = KnowledgeBaseLoader.shipped(2568);
        kb.items().values().forEach(r -> assertThat(text).doesNotContain(r.issue().th()));
        FrameworkDefinition d = FrameworkLoader.shipped(2568);
        d.questions().forEach(q -> assertThat(text).doesNotContain(q.summary().th()));
        assertThat(text).doesNotContain("ผู้ตอบ", "บางราย", "บุคลากรบางส่วน", "ยังไม่ผ่านเกณฑ์ มีดังนี้");
        assertThat(text).contains("การวิเคราะห์ในส่วนนี้ใช้คะแนนรายตัวชี้วัด");
    }

    @Test
    void questionFiguresGiveQuestionFindingsAndFailedOitItemsGiveItemAdvice() {
        FrameworkDefinition d = FrameworkLoader.shipped(2568);
        String text = ReportBuilderTest.allText(ReportBuilder.build(withQuestions(d, true), options(DigitStyle.THAI, false)));
        Question low = lowQuestion(d);
        assertThat(text).contains(low.code(), low.summary().th(), "ข้อ OIT ที่ยังไม่ผ่านเกณฑ์", d.oitItems().get(0).code());
        assertThat(text).doesNotContain(d.oitItems().get(1).code() + "\n");
    }

    /** A year computed from EIT answers alone: the IIT and the OIT have no figures, and the report claims nothing about them. */
    @Test
    void aToolWithoutFiguresIsSaidToHaveNoneAndNothingIsClaimedAboutIt() {
        FrameworkDefinition d = FrameworkLoader.shipped(2568);
        Map<String, QuestionEvidence> qs = new HashMap<>();
        for (Question q : d.questions()) {
            if (q.scored() && q.tool() == org.openita.core.framework.ToolCode.EIT) {
                qs.put(q.code(), new QuestionEvidence.Score(90));
            }
        }
        Analysis a = Analyzer.analyze(d, ScoringEngine.score(d, AssessmentInput.empty(d.year()).withQuestions(qs)), null, agency(),
                KnowledgeBaseLoader.shipped(2568), AnalysisOptions.DEFAULT);
        String text = ReportBuilderTest.allText(ReportBuilder.build(a, options(DigitStyle.THAI, false)));
        String noData = rawPhrase("analysis.tool.noData");
        assertThat(text.split(java.util.regex.Pattern.quote(noData), -1)).as("IIT and OIT each say they have no score").hasSize(3);
        String analysis = text.substring(text.indexOf("๔.๑ "));
        String iit = analysis.substring(analysis.indexOf('\n') + 1, analysis.indexOf("๔.๒ "));
        assertThat(iit.strip()).as("the IIT section says only that it has no score").isEqualTo(noData);
        // the EIT, which has figures, still says what they show
        assertThat(analysis.substring(analysis.indexOf("๔.๒ "), analysis.indexOf("๔.๓ "))).contains(rawPhrase("analysis.toImprove.none"));
    }

    @Test
    void everyReportOfEveryYearAndBranchIsFreeOfInternalNotesAndAwkwardThai() {
        int reports = 0;
        for (int year : FrameworkLoader.shippedYears()) {
            FrameworkDefinition d = FrameworkLoader.shipped(year);
            List<Analysis> analyses = List.of(indicatorOnly(d, true), indicatorOnly(d, false), withQuestions(d, true),
                    withQuestions(d, false), withQuestions(d, false).withMeasures(confirmed(d)));
            for (Analysis a : analyses) {
                for (DigitStyle digits : DigitStyle.values()) {
                    for (boolean publicCopy : new boolean[] {false, true}) {
                        for (LocalDate date : List.of(d.year().next().firstDay().minusDays(20), d.year().next().firstDay().plusMonths(4),
                                d.year().next().lastDay().plusMonths(2))) {
                            boolean confirmed = a.measures().stream().allMatch(m -> m.timing() == null);
                            ReportDocument doc = ReportBuilder.build(a, new ReportOptions(digits, date, null, confirmed, publicCopy));
                            check(d, doc, date, digits);
                            reports++;
                        }
                    }
                }
            }
        }
        assertThat(reports).isEqualTo(FrameworkLoader.SHIPPED_YEARS.size() * 5 * 2 * 2 * 3);
    }

    private static void check(FrameworkDefinition d, ReportDocument doc, LocalDate date, DigitStyle digits) {
        String text = ReportBuilderTest.allText(doc);
        String where = d.year() + " " + digits + " " + date;
        assertThat(text).as(where).doesNotContain("ยังไม่ยืนยัน", "ยังไม่ได้ยืนยันกับ", "provisional", "Provisional", "input",
                "ตัดสินไม่ได้", "ยังตัดสิน", "อาจเป็น", "คำนวณใหม่", "เพื่อการนั้น", "เปลี่ยนแปลง", " — ", " – ", " - ", "null", "{", "}");
        for (AnswerScale s : d.scales()) {
            assertThat(text).as(where).doesNotContain(s.code());
        }
        // codes stay as written in the framework: never e๑ or o๑๒
        assertThat(text).as(where).doesNotContainPattern("(?<![A-Z])[a-z][๐-๙]");
        // no word or phrase said twice in a row
        assertThat(text).as(where).doesNotContainPattern("(?<![\\S])([^\\s๐-๙0-9.,()–]{2,}) \\1(?![\\S])");
        for (Block b : doc.blocks()) {
            if (b instanceof Block.Paragraph p) {
                assertThat(p.text()).as(where).doesNotContainPattern("[+−][0-9๐-๙]");
            }
        }
        if (digits == DigitStyle.ARABIC) {
            assertThat(text).as(where).doesNotContainPattern("[๐-๙]");
        }
        // a printed level is never contradicted by a computed check
        assertThat(text).as(where).doesNotContain("ระดับที่คำนวณ", "ไม่ตรงกับ");
        // no plan date in the past: every date printed in the measures section is after the report's date
        int from = text.indexOf("มาตรการส่งเสริมคุณธรรม");
        String measures = text.substring(from, text.indexOf(Phrases.get("signoff.heading")));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("([0-9๐-๙]{1,2}) (\\S+) ([0-9๐-๙]{4})").matcher(measures);
        boolean draft = measures.contains(Phrases.get("measures.draft"));
        while (draft && m.find()) {
            LocalDate printed = parse(m.group(1), m.group(2), m.group(3));
            if (printed != null && !m.group().equals(ThaiFormatDate.of(date, digits))) {
                assertThat(printed).as(where + " " + m.group()).isAfter(date);
            }
        }
    }

    /** The report's own date is printed in the note on a moved plan; it is the only date allowed on or before it. */
    private static final class ThaiFormatDate {
        static String of(LocalDate d, DigitStyle digits) {
            return org.openita.core.thai.ThaiFormat.date(d, digits);
        }
    }

    private static LocalDate parse(String day, String month, String year) {
        List<String> months = List.of("มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม", "สิงหาคม",
                "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม");
        int mi = months.indexOf(month);
        if (mi < 0) {
            return null;
        }
        return LocalDate.of(Integer.parseInt(org.openita.core.thai.ThaiFormat.toArabicDigits(year)) - 543, mi + 1,
                Integer.parseInt(org.openita.core.thai.ThaiFormat.toArabicDigits(day)));
    }

    @Test
    void signOffPrintsTheAgencysPeopleOrBlankLinesToSignByHand() throws Exception {
        Analysis a = SamdetReport.analysis();
        String blank = ReportBuilderTest.allText(ReportBuilder.build(a, options(DigitStyle.THAI, false)));
        assertThat(blank).contains("ผู้จัดทำรายงาน", "ผู้ตรวจสอบรายงาน", "ผู้อนุมัติรายงาน", "ตำแหน่ง ....");
        Analysis signed = new Analysis(a.agency().withSignOff(List.of(new Signatory(Signatory.Role.PREPARED, "นางสาวสมใจ ใจดี", "นักจัดการงานทั่วไป"),
                new Signatory(Signatory.Role.APPROVED, null, "นายกองค์การบริหารส่วนตำบลสมเด็จ"))), a.framework(), a.result(), a.previous(),
                a.overall(), a.target(), a.targetMet(), a.levelExplanation(), a.ranked(), a.byTool(), a.previousOverall(),
                a.suggestedTarget(), a.measures(), a.measuresYear(), a.schedule(), a.questionFigures(), a.standingRule());
        ReportDocument doc = ReportBuilder.build(signed, options(DigitStyle.THAI, false));
        Block.SignOff s = (Block.SignOff) doc.blocks().get(doc.blocks().size() - 1);
        assertThat(s.signers()).hasSize(2);
        assertThat(s.signers().get(0)).containsExactly("(ลงชื่อ) ........................................ ผู้จัดทำรายงาน",
                "(นางสาวสมใจ ใจดี)", "ตำแหน่ง นักจัดการงานทั่วไป");
        assertThat(s.signers().get(1).get(1)).startsWith("(....");
        for (ReportFormat f : ReportFormat.values()) {
            assertThat(f.render(signed, options(DigitStyle.THAI, false))).isNotEmpty();
        }
        assertThat(HtmlRenderer.render(doc)).contains("นางสาวสมใจ ใจดี", "นายกองค์การบริหารส่วนตำบลสมเด็จ");
    }

    @Test
    void theDemoReportSaysPlainlyWhenTheMeasuresYearIsOverAndPlansTheNextOne() throws Exception {
        String text = ReportBuilderTest.allText(ReportBuilder.build(SamdetReport.analysis(),
                new ReportOptions(DigitStyle.THAI, LocalDate.of(2026, 11, 30), null, false)));
        assertThat(text).contains("รายงานฉบับนี้จัดทำเมื่อวันที่ ๓๐ พฤศจิกายน ๒๕๖๙ ซึ่งปีงบประมาณ พ.ศ. ๒๕๖๙ สิ้นสุดแล้ว",
                "มาตรการส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. ๒๕๗๐", "๓๑ ธันวาคม ๒๕๖๙")
                .doesNotContain("๓๑ มีนาคม ๒๕๖๙", "๓๐ กันยายน ๒๕๖๙");
    }

    @Test
    void phrasesAreNaturalOfficialThai() {
        for (String key : Phrases.keys()) {
            String p = rawPhrase(key);
            assertThat(p).as(key).doesNotContain("เพื่อการนั้น", " - ", " — ", "เปลี่ยนแปลง", "  ");
        }
    }

    private static String rawPhrase(String key) {
        try {
            return Phrases.get(key);
        } catch (IllegalArgumentException e) {
            return Phrases.fill(key, new HashMap<>() {
                @Override
                public String get(Object k) {
                    return "X";
                }
            });
        }
    }

    // ----- fixtures

    private static ReportOptions options(DigitStyle digits, boolean confirmed) {
        return new ReportOptions(digits, SamdetReport.DATE, null, confirmed);
    }

    private static AgencyProfile agency() {
        return new AgencyProfile("องค์การบริหารส่วนตำบลทดสอบ", "เมือง", "กาฬสินธุ์", UNITS);
    }

    private static Map<Integer, Double> indicators(FrameworkDefinition d) {
        Map<Integer, Double> m = new HashMap<>();
        for (Indicator i : d.indicators()) {
            m.put(i.number(), i.number() % 3 == 0 ? 82.5 : 96.0 + i.number() % 4);
        }
        return m;
    }

    /** Announced overall, level and indicator scores, the way agencies import them; with or without last year. */
    private static Analysis indicatorOnly(FrameworkDefinition d, boolean withPrevious) {
        String level = d.levelScheme().rules().get(Math.min(1, d.levelScheme().rules().size() - 1)).name().th();
        ScoreResult r = ScoringEngine.score(d, new AssessmentInput(d.year(), null, indicators(d), Map.of(), 91.3, level, Map.of(), Map.of()));
        ScoreResult prev = null;
        if (withPrevious && FrameworkLoader.shippedYears().contains(d.year().buddhistEra() - 1)) {
            FrameworkDefinition pd = FrameworkLoader.shipped(d.year().buddhistEra() - 1);
            prev = ScoringEngine.score(pd, new AssessmentInput(pd.year(), null, indicators(pd), Map.of(), 91.3, null, Map.of(), Map.of()));
        }
        return Analyzer.analyze(d, r, prev, agency(), KnowledgeBaseLoader.shipped(d.year().buddhistEra()), AnalysisOptions.DEFAULT);
    }

    private static Question lowQuestion(FrameworkDefinition d) {
        return d.questions().stream().filter(Question::scored).findFirst().orElseThrow();
    }

    /** Per-question scores (one low) and OIT item verdicts (the first failed), announced or self-assessed. */
    private static Analysis withQuestions(FrameworkDefinition d, boolean announcedOverall) {
        Map<String, QuestionEvidence> qs = new HashMap<>();
        Question low = lowQuestion(d);
        for (Question q : d.questions()) {
            if (q.scored()) {
                qs.put(q.code(), new QuestionEvidence.Score(q == low ? 60 : 95));
            }
        }
        Map<String, OitEvidence> oit = new HashMap<>();
        List<OitItem> items = new ArrayList<>(d.oitItems());
        for (int i = 0; i < items.size(); i++) {
            oit.put(items.get(i).code(), new OitEvidence.Score(i == 0 ? 0 : 100));
        }
        AssessmentInput in = AssessmentInput.empty(d.year()).withQuestions(qs).withOit(oit);
        if (announcedOverall) {
            in = in.withOverall(90.0);
        }
        return Analyzer.analyze(d, ScoringEngine.score(d, in), null, agency(), KnowledgeBaseLoader.shipped(d.year().buddhistEra()),
                AnalysisOptions.DEFAULT);
    }

    /** Measures as the server and the CLI pass confirmed ones: no timing, no success indicator, dates inside the measures year. */
    private static List<DraftMeasure> confirmed(FrameworkDefinition d) {
        FiscalYear fy = d.year().next();
        return List.of(new DraftMeasure(LocalizedText.of("ปรับปรุงคู่มือการให้บริการ", "x"), List.of(LocalizedText.of("ทบทวนคู่มือ", "x")),
                        "สำนักปลัด", LocalizedText.of("ตัวชี้วัดที่ 6 คุณภาพการดำเนินงาน", "x"), fy.lastDayOfFirstHalf(), fy.lastDay().minusMonths(1)),
                new DraftMeasure(LocalizedText.of("แต่งตั้งคณะทำงาน", "x"), List.of(LocalizedText.of("ออกคำสั่ง", "x")), "สำนักปลัด",
                        LocalizedText.of("", ""), null, fy.firstDay().plusMonths(1).minusDays(1)));
    }
}
