package org.openita.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openita.core.framework.FiscalYear;
import org.openita.core.framework.FrameworkDefinition;
import org.openita.core.framework.FrameworkLoader;
import org.openita.core.framework.KnowledgeBaseLoader;
import org.openita.core.framework.ToolCode;
import org.openita.core.scoring.AssessmentInput;
import org.openita.core.scoring.OitEvidence;
import org.openita.core.scoring.QuestionEvidence;
import org.openita.core.scoring.ScoreResult;
import org.openita.core.scoring.ScoringEngine;

class AnalyzerTest {

    static final Map<Integer, Double> SAMDET = Map.of(1, 99.89, 2, 100.0, 3, 100.0, 4, 100.0, 5, 100.0,
            6, 96.67, 7, 99.00, 8, 96.67, 9, 100.0, 10, 100.0);
    final FrameworkDefinition d2568 = FrameworkLoader.shipped(2568);

    private Analysis samdet(ScoreResult previous, AgencyProfile agency) {
        ScoreResult r = ScoringEngine.score(d2568, AssessmentInput.empty(FiscalYear.of(2568)).withIndicators(SAMDET).withOverall(99.17));
        return Analyzer.analyze(d2568, r, previous, agency, KnowledgeBaseLoader.shipped(2568), AnalysisOptions.DEFAULT);
    }

    @Test
    void samdetStrengthsAndIndicatorsToImproveFollowTheScores() {
        Analysis a = samdet(null, AgencyProfile.named("อบต.สมเด็จ"));
        assertThat(a.overall()).isEqualTo(99.17);
        assertThat(a.targetMet()).isTrue();
        assertThat(a.ranked()).extracting(IndicatorFinding::number).containsExactly(2, 3, 4, 5, 9, 10, 1, 7, 6, 8);
        assertThat(a.ranked()).extracting(IndicatorFinding::rank).containsExactly(1, 1, 1, 1, 1, 1, 7, 8, 9, 9);
        ToolFindings iit = a.byTool().get(0);
        assertThat(iit.tool()).isEqualTo(ToolCode.IIT);
        assertThat(iit.strengths()).extracting(IndicatorFinding::number).containsExactly(2, 3, 4, 5);
        assertThat(iit.toImprove()).extracting(IndicatorFinding::number).containsExactly(1);
        ToolFindings eit = a.byTool().get(1);
        // the median of all ten is 100: EIT's best (99.00) is below it, so EIT has no strength of its own
        assertThat(eit.strengths()).isEmpty();
        assertThat(eit.toImprove()).extracting(IndicatorFinding::number).containsExactly(6, 7, 8);
        assertThat(a.standingRule().median()).isEqualTo(100.0);
        assertThat(eit.parts()).extracting(ToolFindings.PartScore::code).containsExactly("EIT_PUBLIC", "EIT_SURVEY");
        assertThat(a.byTool().get(2).toImprove()).isEmpty();
    }

    /** The example SAO of 2569: ranked within tools, 96.12 was "to improve" and 89.47 a "strength". */
    static final Map<Integer, Double> EXAMPLE_2569 = Map.of(1, 96.12, 2, 93.5, 3, 97.8, 4, 95.45, 5, 91.2,
            6, 90.33, 7, 88.75, 8, 86.4, 9, 89.47, 10, 85.71);

    @Test
    void standingsAreDecidedOverAllIndicatorsNotWithinATool() {
        FrameworkDefinition d = FrameworkLoader.shipped(2569);
        ScoreResult r = ScoringEngine.score(d, AssessmentInput.empty(FiscalYear.of(2569)).withIndicators(EXAMPLE_2569));
        Analysis a = Analyzer.analyze(d, r, null, AgencyProfile.named("อบต.ตัวอย่าง"), KnowledgeBaseLoader.shipped(2569), AnalysisOptions.DEFAULT);
        assertThat(a.standingRule().median()).isCloseTo(90.765, within(1e-9));
        assertThat(standing(a, 1)).isEqualTo(IndicatorFinding.Standing.STRENGTH);
        assertThat(standing(a, 9)).isEqualTo(IndicatorFinding.Standing.TO_IMPROVE);
        assertThat(a.ranked()).filteredOn(f -> f.standing() == IndicatorFinding.Standing.STRENGTH)
                .extracting(IndicatorFinding::number).containsExactlyInAnyOrder(1, 2, 3, 4, 5);
        assertThat(a.byTool()).filteredOn(t -> t.tool() == ToolCode.OIT).singleElement()
                .satisfies(t -> assertThat(t.strengths()).isEmpty());
    }

    @Test
    void aHigherScoreNeverStandsWorseAndBelowThePassMarkIsAlwaysAWeakness() {
        java.util.Random random = new java.util.Random(20250611L);
        for (int run = 0; run < 500; run++) {
            Map<Integer, Double> scores = new java.util.HashMap<>();
            for (int i = 1; i <= 10; i++) {
                scores.put(i, random.nextInt(4) == 0 ? 100.0 : Math.round(random.nextDouble() * 4000 + 6000) / 100.0);
            }
            ScoreResult r = ScoringEngine.score(d2568, AssessmentInput.empty(FiscalYear.of(2568)).withIndicators(scores));
            Analysis a = Analyzer.analyze(d2568, r, null, AgencyProfile.named("x"), KnowledgeBaseLoader.shipped(2568), AnalysisOptions.DEFAULT);
            for (IndicatorFinding x : a.ranked()) {
                assertThat(x.standing() == IndicatorFinding.Standing.WEAKNESS).as("%s", scores).isEqualTo(x.score() < 85);
                for (IndicatorFinding y : a.ranked()) {
                    if (x.score() > y.score()) {
                        assertThat(goodness(x.standing())).as("%s vs %s in %s", x.number(), y.number(), scores)
                                .isGreaterThanOrEqualTo(goodness(y.standing()));
                    }
                }
            }
        }
    }

    private static int goodness(IndicatorFinding.Standing s) {
        return switch (s) {
            case STRENGTH -> 2;
            case TO_IMPROVE -> 1;
            default -> 0;
        };
    }

    private static IndicatorFinding.Standing standing(Analysis a, int number) {
        return a.ranked().stream().filter(f -> f.number() == number).findFirst().orElseThrow().standing();
    }

    @Test
    void withIndicatorScoresOnlyNoQuestionOrOitItemIsClaimed() {
        Analysis a = samdet(null, AgencyProfile.named("อบต.สมเด็จ"));
        assertThat(a.questionFigures()).isFalse();
        assertThat(a.byTool()).allSatisfy(t -> {
            assertThat(t.items()).isEmpty();
            assertThat(t.parts()).allSatisfy(p -> assertThat(p.items()).isEmpty());
        });
    }

    @Test
    void lowQuestionsAndFailedOitItemsAreListedWhenScoresAreKnown() {
        ScoreResult r = ScoringEngine.score(d2568, AssessmentInput.empty(FiscalYear.of(2568)).withIndicators(SAMDET)
                .withQuestions(Map.of("i3", new QuestionEvidence.Score(80), "i1", new QuestionEvidence.Score(99)))
                .withOit(Map.of("o23", new OitEvidence.Score(0), "o1", new OitEvidence.Score(100))));
        Analysis a = Analyzer.analyze(d2568, r, null, AgencyProfile.named("x"), KnowledgeBaseLoader.shipped(2568), AnalysisOptions.DEFAULT);
        assertThat(a.byTool().get(0).items()).extracting(ItemFinding::code).containsExactly("i3");
        assertThat(a.byTool().get(0).items().get(0).related()).extracting(ItemFinding.RelatedItem::code).containsExactly("o23", "o18", "o17");
        assertThat(a.byTool().get(2).items()).extracting(ItemFinding::code).containsExactly("o23");
        assertThat(a.byTool().get(2).items().get(0).action().th()).isNotBlank();
    }

    @Test
    void eitPartsListTheirOwnLowQuestionsWhenAnswersCameByPart() {
        java.util.Map<String, QuestionEvidence> qs = new java.util.HashMap<>();
        for (var q : d2568.questions()) {
            if (q.tool() == org.openita.core.framework.ToolCode.EIT) {
                String best = q.scale().equals("never-ever") ? (q.code().equals("e3") ? "never" : "ever") : "6";
                qs.put(q.code(), new QuestionEvidence.Tallies(Map.of(
                        "EIT_PUBLIC", Map.of("", org.openita.core.scoring.Tally.of(Map.of(best, 30L))),
                        "EIT_SURVEY", Map.of("", org.openita.core.scoring.Tally.of(Map.of(best, 10L))))));
            }
        }
        qs.put("e1", new QuestionEvidence.Tallies(Map.of(
                "EIT_PUBLIC", Map.of("", org.openita.core.scoring.Tally.of(Map.of("6", 30L))),
                "EIT_SURVEY", Map.of("", org.openita.core.scoring.Tally.of(Map.of("6", 5L, "2", 5L))))));
        ScoreResult r = ScoringEngine.score(d2568, AssessmentInput.empty(FiscalYear.of(2568)).withQuestions(qs));
        Analysis a = Analyzer.analyze(d2568, r, null, AgencyProfile.named("x"), KnowledgeBaseLoader.shipped(2568), AnalysisOptions.DEFAULT);
        ToolFindings eit = a.byTool().get(1);
        ToolFindings.PartScore pub = eit.parts().get(0);
        ToolFindings.PartScore survey = eit.parts().get(1);
        assertThat(pub.itemScoresKnown()).isTrue();
        assertThat(pub.items()).isEmpty();
        assertThat(survey.items()).extracting(ItemFinding::code).containsExactly("e1");
        assertThat(survey.items().get(0).score()).isCloseTo(60.0, within(1e-9));
    }

    @Test
    void yearOverYearChangeAndNextYearsTarget() {
        ScoreResult previous = ScoringEngine.score(FrameworkLoader.shipped(2567),
                AssessmentInput.empty(FiscalYear.of(2567)).withOverall(94.60).withIndicators(Map.of(6, 90.0)));
        Analysis a = samdet(previous, AgencyProfile.named("x"));
        assertThat(a.previousOverall()).isEqualTo(94.60);
        assertThat(a.overallChange()).isCloseTo(4.57, within(1e-9));
        assertThat(a.ranked().stream().filter(f -> f.number() == 6).findFirst().orElseThrow().change()).isCloseTo(6.67, within(1e-9));
        assertThat(a.suggestedTarget()).isCloseTo(99.17 + 0.83 / 4, within(1e-9));
    }

    static final List<String> SAMDET_UNITS = List.of("สำนักปลัด", "กองคลัง", "กองช่าง", "กองการศึกษา ศาสนาและวัฒนธรรม", "กองสวัสดิการสังคม");

    @Test
    void draftMeasuresAreGeneralOnesThenOnePerWeaknessInsideTheNextFiscalYear() {
        Analysis a = samdet(null, new AgencyProfile("อบต.สมเด็จ", "สมเด็จ", "กาฬสินธุ์", SAMDET_UNITS));
        assertThat(a.measuresYear()).isEqualTo(2569);
        assertThat(a.measures()).hasSize(8);
        assertThat(a.measures().subList(0, 4)).allMatch(DraftMeasure::general);
        assertThat(a.measures().get(1).measure().th()).contains("เจตจำนงสุจริต");
        DraftMeasure first = a.measures().get(4);
        assertThat(first.addresses().th()).isEqualTo("ตัวชี้วัดที่ 6 คุณภาพการดำเนินงาน");
        assertThat(first.success()).isNotNull();
        FiscalYear fy = FiscalYear.of(2569);
        assertThat(a.measures()).allSatisfy(m -> {
            assertThat(m.dueDate()).isBetween(fy.firstDay(), fy.lastDay());
            assertThat(m.dueDate()).isEqualTo(m.dueDate().withDayOfMonth(m.dueDate().lengthOfMonth()));
            assertThat(m.startDate()).isBeforeOrEqualTo(m.dueDate());
            assertThat(m.success()).isNotNull();
        });
        assertThat(a.schedule().monitoring()).containsExactly(LocalDate.of(2025, 12, 31), LocalDate.of(2026, 3, 31),
                LocalDate.of(2026, 6, 30), LocalDate.of(2026, 9, 30));
    }

    @Test
    void measuresGoToTheAgencysUnitsByTopicNotAllToTheFirst() {
        Analysis a = samdet(null, new AgencyProfile("อบต.สมเด็จ", "สมเด็จ", "กาฬสินธุ์", SAMDET_UNITS));
        DraftMeasure service = a.measures().get(4);
        // services: every unit that serves the public, with general administration taking part
        assertThat(service.unit()).isEqualTo("กองคลัง / กองช่าง / กองการศึกษา ศาสนาและวัฒนธรรม / กองสวัสดิการสังคม / สำนักปลัด");
        assertThat(a.measures().get(5).unit()).isEqualTo("สำนักปลัด");
        // the standard of duty (indicator 1): personnel leads, every service unit reviews its own manuals
        DraftMeasure duty = a.measures().stream().filter(m -> m.addresses().th().startsWith("ตัวชี้วัดที่ 1 ")).findFirst().orElseThrow();
        assertThat(duty.unit()).isEqualTo("สำนักปลัด / กองคลัง / กองช่าง / กองการศึกษา ศาสนาและวัฒนธรรม / กองสวัสดิการสังคม");
        // units listed in another order: general administration is found by its name, not by position
        Analysis other = samdet(null, new AgencyProfile("ทต.ทดสอบ", null, null,
                List.of("กองช่าง", "กองคลัง", "สำนักงานปลัดเทศบาล", "กองสาธารณสุขและสิ่งแวดล้อม")));
        assertThat(other.measures().get(0).unit()).isEqualTo("สำนักงานปลัดเทศบาล");
        assertThat(other.measures().get(4).unit()).isEqualTo("กองช่าง / กองคลัง / กองสาธารณสุขและสิ่งแวดล้อม / สำนักงานปลัดเทศบาล");
        ScoreResult budgetWeak = ScoringEngine.score(d2568, AssessmentInput.empty(FiscalYear.of(2568))
                .withIndicators(Map.of(1, 100.0, 2, 80.0, 3, 100.0, 4, 100.0, 5, 100.0, 6, 100.0, 7, 100.0, 8, 100.0, 9, 100.0, 10, 100.0)));
        Analysis budget = Analyzer.analyze(d2568, budgetWeak, null, new AgencyProfile("ทต.ทดสอบ", null, null,
                List.of("กองช่าง", "กองคลัง", "สำนักงานปลัดเทศบาล")), KnowledgeBaseLoader.shipped(2568), AnalysisOptions.DEFAULT);
        assertThat(budget.measures().stream().filter(m -> !m.general()).map(DraftMeasure::unit)).containsExactly("กองคลัง");
        // the property guide: finance leads, general administration takes part; never a unit the agency lacks
        ScoreResult propertyWeak = ScoringEngine.score(d2568, AssessmentInput.empty(FiscalYear.of(2568))
                .withIndicators(Map.of(1, 100.0, 2, 100.0, 3, 100.0, 4, 80.0, 5, 100.0, 6, 100.0, 7, 100.0, 8, 100.0, 9, 100.0, 10, 100.0)));
        Analysis property = Analyzer.analyze(d2568, propertyWeak, null, new AgencyProfile("ทต.ทดสอบ", null, null,
                List.of("กองช่าง", "กองคลัง", "สำนักงานปลัดเทศบาล")), KnowledgeBaseLoader.shipped(2568), AnalysisOptions.DEFAULT);
        assertThat(property.measures().stream().filter(m -> !m.general()).map(DraftMeasure::unit))
                .containsExactly("กองคลัง / สำนักงานปลัดเทศบาล");
        Analysis noFinance = Analyzer.analyze(d2568, propertyWeak, null, new AgencyProfile("ทต.ทดสอบ", null, null,
                List.of("สำนักปลัด", "กองช่าง")), KnowledgeBaseLoader.shipped(2568), AnalysisOptions.DEFAULT);
        assertThat(noFinance.measures().stream().filter(m -> !m.general()).map(DraftMeasure::unit)).containsExactly("สำนักปลัด");
        Analysis none = samdet(null, new AgencyProfile("หน่วยงานทดสอบ", null, null, List.of("ฝ่ายหนึ่ง", "ฝ่ายสอง")));
        assertThat(none.measures()).extracting(DraftMeasure::unit).doesNotContain("ฝ่ายหนึ่ง").contains("หน่วยงานที่ผู้บริหารมอบหมาย");
    }

    @Test
    void draftsMadeDuringTheMeasuresYearStartNextMonthAndNeverFallDueBeforeTheDraft() {
        ScoreResult r = ScoringEngine.score(d2568, AssessmentInput.empty(FiscalYear.of(2568)).withIndicators(SAMDET).withOverall(99.17));
        for (LocalDate drafted = LocalDate.of(2025, 6, 1); drafted.isBefore(LocalDate.of(2028, 1, 1)); drafted = drafted.plusDays(9)) {
            Analysis a = Analyzer.analyze(d2568, r, null, AgencyProfile.named("x"), KnowledgeBaseLoader.shipped(2568),
                    AnalysisOptions.DEFAULT.draftedOn(drafted));
            LocalDate d = drafted;
            assertThat(a.schedule().months()).hasSizeGreaterThanOrEqualTo(MeasureSchedule.MIN_MONTHS);
            assertThat(a.measures()).allSatisfy(m -> {
                assertThat(m.dueDate()).as("drafted %s", d).isAfter(d);
                // a progress check only while the measure runs; a measure of a month or two may have none
                if (m.progressDate() != null) {
                    assertThat(m.progressDate()).isAfter(d).isBetween(m.startDate(), m.dueDate());
                }
                assertThat(m.dueDate()).isBetween(a.schedule().year().firstDay(), a.schedule().year().lastDay());
            });
            assertThat(a.schedule().monitoring()).allSatisfy(m -> assertThat(m).isAfter(d));
        }
        Analysis late = Analyzer.analyze(d2568, r, null, AgencyProfile.named("x"), KnowledgeBaseLoader.shipped(2568),
                AnalysisOptions.DEFAULT.draftedOn(LocalDate.of(2026, 11, 30)));
        assertThat(late.schedule().moved()).isTrue();
        assertThat(late.schedule().year()).isEqualTo(FiscalYear.of(2570));
        assertThat(late.schedule().first()).isEqualTo(java.time.YearMonth.of(2026, 12));
        Analysis tooLate = Analyzer.analyze(d2568, r, null, AgencyProfile.named("x"), KnowledgeBaseLoader.shipped(2568),
                AnalysisOptions.DEFAULT.draftedOn(LocalDate.of(2026, 7, 15)));
        assertThat(tooLate.schedule().year()).isEqualTo(FiscalYear.of(2570));
        assertThat(tooLate.schedule().months()).hasSize(12);
    }

    @Test
    void aFailingOverallMissesTheTarget() {
        ScoreResult r = ScoringEngine.score(FrameworkLoader.shipped(2565), AssessmentInput.empty(FiscalYear.of(2565)).withOverall(70.0));
        Analysis a = Analyzer.analyze(FrameworkLoader.shipped(2565), r, null, AgencyProfile.named("x"),
                KnowledgeBaseLoader.shipped(2565), AnalysisOptions.DEFAULT);
        assertThat(a.targetMet()).isFalse();
        assertThat(a.levelExplanation().th()).contains("\"C\"", "ยังไม่ผ่านเกณฑ์");
        assertThat(a.suggestedTarget()).isEqualTo(85.0);
    }

    @Test
    void aLevelDecidedWithoutAnOverallIsExplainedByItsReasonNotAnEmptyOverall() {
        FrameworkDefinition def = FrameworkLoader.shipped(2568);
        ScoreResult r = ScoringEngine.score(def, AssessmentInput.empty(FiscalYear.of(2568)).withTools(Map.of("IIT", 40.0)));
        Analysis a = Analyzer.analyze(def, r, null, AgencyProfile.named("อบต.ทดสอบ"), KnowledgeBaseLoader.shipped(2568), AnalysisOptions.DEFAULT);
        assertThat(a.overall()).isNull();
        assertThat(a.levelExplanation().th()).contains("ไม่ผ่าน", "ซึ่งหมายถึง").doesNotContain("คะแนนรวม  ", "คะแนนรวม อยู่");
        assertThat(a.levelExplanation().en()).contains("meaning:");
    }

    @Test
    void confirmedMeasuresPlacedInALaterFiscalYearAreScheduledInThatYear() {
        FrameworkDefinition def = FrameworkLoader.shipped(2568);
        ScoreResult r = ScoringEngine.score(def, AssessmentInput.empty(FiscalYear.of(2568)).withOverall(99.17));
        Analysis a = Analyzer.analyze(def, r, null, AgencyProfile.named("อบต.ทดสอบ"), KnowledgeBaseLoader.shipped(2568), AnalysisOptions.DEFAULT);
        // a plan drafted in November 2026, after fiscal year 2569 (the measures year) ended: it runs in 2570
        var measure = new DraftMeasure(org.openita.core.framework.LocalizedText.of("มาตรการ", "m"), List.of(), "สำนักปลัด",
                org.openita.core.framework.LocalizedText.of("ตัวชี้วัดที่ 6", "6"), LocalDate.of(2027, 3, 31), LocalDate.of(2027, 8, 31),
                null, LocalDate.of(2026, 12, 1), null);
        Analysis confirmed = a.withMeasures(List.of(measure));
        assertThat(confirmed.schedule().year()).isEqualTo(FiscalYear.of(2570));
        assertThat(confirmed.schedule().months()).hasSize(12).first().hasToString("2026-10");
        assertThat(confirmed.schedule().monitoring()).allMatch(d -> FiscalYear.containing(d).equals(FiscalYear.of(2570)));
        // measures inside the measures year keep that year
        var inYear = new DraftMeasure(measure.measure(), List.of(), "สำนักปลัด", measure.addresses(), LocalDate.of(2026, 3, 31),
                LocalDate.of(2026, 8, 31), null, LocalDate.of(2025, 11, 1), null);
        assertThat(a.withMeasures(List.of(inYear)).schedule().year()).isEqualTo(FiscalYear.of(2569));
    }
}
