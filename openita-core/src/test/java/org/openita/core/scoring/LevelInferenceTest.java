package org.openita.core.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openita.core.framework.FiscalYear;
import org.openita.core.framework.FrameworkLoader;

/** Levels decided from what the known figures imply, and left open when they imply nothing. */
class LevelInferenceTest {

    private static ScoreResult score(int year, AssessmentInput in) {
        return ScoringEngine.score(FrameworkLoader.shipped(year), in);
    }

    private static AssessmentInput input(int year) {
        return AssessmentInput.empty(FiscalYear.of(year));
    }

    @Test
    void anEitTotalBelowEightyFiveMeansSomePartIsBelowItSo2568IsAPass() {
        // no part score is known, yet a pooled total of 84.20 cannot come from two parts that are both 85 or more
        ScoreResult r = score(2568, input(2568).withOverall(90.0).withTools(Map.of("IIT", 90.0, "EIT", 84.2, "OIT", 94.35)));
        assertThat(r.level().isDetermined()).isTrue();
        assertThat(r.level().level().code()).isEqualTo("PASS");
        assertThat(r.level().reason().th())
                .startsWith("คะแนน EIT รวม 84.20 ต่ำกว่า 85 จึงมี EIT อย่างน้อยหนึ่งส่วนต่ำกว่า 85")
                .endsWith("จึงอยู่ในระดับ ผ่าน")
                .doesNotContain("EIT_PUBLIC", "EIT_SURVEY", "null");
        assertThat(r.level().reason().en()).contains("EIT total of 84.20 is below 85, so at least one EIT part is below 85");
    }

    @Test
    void anEitTotalOfEightyFourNinetyNineIsStillBelowTheGate() {
        // 84.99 is below 85 on the two-decimal figure, however close: the rounding interval stops short of 84.995
        ScoreResult r = score(2568, input(2568).withOverall(90.0).withTools(Map.of("EIT", 84.99)));
        assertThat(r.level().level().code()).isEqualTo("PASS");
    }

    @Test
    void anOverallAndTwoToolScoresFixTheThirdTool() {
        // 88.00 = 0.3 x 95 + 0.3 x 90 + 0.4 x OIT, so OIT is 81.25 give or take the rounding: below 85
        ScoreResult pass = score(2567, input(2567).withOverall(88.0).withTools(Map.of("IIT", 95.0, "EIT", 90.0)));
        assertThat(pass.level().level().code()).isEqualTo("PASS");
        assertThat(pass.level().reason().th()).contains("คะแนน OIT ที่คำนวณได้จากคะแนนที่ทราบอยู่ระหว่าง 81.23 ถึง 81.27 ซึ่งต่ำกว่า 85");
        assertThat(pass.level().reason().en()).contains("OIT score worked out from the known figures lies between 81.23 and 81.27");
        // with 92.00 the third tool is 91.25: every tool at least 85, and no tool can reach 95 with that overall
        ScoreResult good = score(2566, input(2566).withOverall(92.0).withTools(Map.of("IIT", 95.0, "EIT", 90.0)));
        assertThat(good.level().level().code()).isEqualTo("GOOD");
        assertThat(good.levelSource()).isEqualTo(LevelSource.COMPUTED);
    }

    @Test
    void aKnownPartAndTheTotalCanSettleTheOtherPart() {
        // a pooled total of 95 with part 1 at 90 needs part 2 above the total
        ScoreResult r = score(2568, input(2568).withOverall(95.0)
                .withTools(Map.of("IIT", 97.0, "OIT", 99.0, "EIT", 95.0, "EIT_PUBLIC", 90.0)));
        assertThat(r.level().level().code()).isEqualTo("GOOD");
        assertThat(r.level().reason().en()).contains("EIT part 2 (collected by assessors) score worked out from the known figures is at least 95.00");
    }

    @Test
    void aLowToolDecidesAFailWithoutTheOverall() {
        // IIT 40 caps the overall at 0.3 x 40.005 + 70 = 82.00
        ScoreResult r = score(2568, input(2568).withTools(Map.of("IIT", 40.0)));
        assertThat(r.overall()).isNull();
        assertThat(r.level().level().code()).isEqualTo("FAIL");
        assertThat(r.levelSource()).isEqualTo(LevelSource.COMPUTED);
        assertThat(r.level().reason().th()).contains("คะแนนรวมที่คำนวณได้จากคะแนนที่ทราบ", "ต่ำกว่า 85", "ไม่ผ่าน");
    }

    @Test
    void samdet2568StaysUndeterminedBecauseItsEitTotalSaysNothingAboutItsParts() {
        // the demo agency: indicators, the announced 99.17 and ผ่านดี; EIT pooled at 97.45 allows a part below 85
        AssessmentInput in = new AssessmentInput(FiscalYear.of(2568), "องค์การบริหารส่วนตำบลสมเด็จ", ScoringExamplesTest.SAMDET,
                Map.of(), 99.17, "ผ่านดี", Map.of(), Map.of());
        ScoreResult r = score(2568, in);
        assertThat(r.level().isDetermined()).isFalse();
        assertThat(r.level().missing()).containsExactly("EIT_PUBLIC", "EIT_SURVEY");
        assertThat(r.level().reason().th()).isEqualTo("คะแนนรวม 99.17 อาจอยู่ในระดับ ผ่านดี หรือ ผ่าน ต้องทราบคะแนน "
                + "EIT ส่วนที่ 1 (ผู้รับบริการตอบด้วยตนเอง) และ EIT ส่วนที่ 2 (ผู้ประเมินเก็บข้อมูล) ก่อนจึงจะตัดสินได้");
        // the announced level still stands as the result
        assertThat(r.levelSource()).isEqualTo(LevelSource.OFFICIAL);
        assertThat(r.resultLevel().code()).isEqualTo("GOOD");
    }

    @Test
    void samdet2568IsDecidedOnceOnePartIsKnown() {
        // part 1 at 96.00 under a total of 97.45 forces part 2 above the total, so both parts clear 85
        ScoreResult r = score(2568, input(2568).withIndicators(ScoringExamplesTest.SAMDET).withOverall(99.17)
                .withTools(Map.of("EIT_PUBLIC", 96.0)));
        assertThat(r.level().level().code()).isEqualTo("GOOD");
    }

    @Test
    void anOverallAboveNinetyFiveIn2566StaysOpenBetweenExcellentAndGood() {
        // 96 rules out a pass (a tool below 85 would cap the overall below 96) but not which of the two better levels
        ScoreResult r = score(2566, input(2566).withOverall(96.0));
        assertThat(r.level().isDetermined()).isFalse();
        assertThat(r.level().missing()).containsExactly("IIT", "EIT", "OIT");
        assertThat(r.level().reason().en()).contains("Excellent pass or Good pass").doesNotContain("Fail");
    }

    @Test
    void aTotalAboveTheGateLeavesThePartsOpen() {
        ScoreResult r = score(2568, input(2568).withOverall(92.0).withTools(Map.of("IIT", 95.0, "EIT", 90.0, "OIT", 91.25)));
        assertThat(r.level().isDetermined()).isFalse();
        assertThat(r.level().missing()).containsExactly("EIT_PUBLIC", "EIT_SURVEY");
    }

    @Test
    void figuresThatContradictEachOtherKeepTheGivenOnes() {
        // the given EIT disagrees with its indicators by more than rounding allows; the given figure decides
        ScoreResult r = score(2566, input(2566).withIndicators(ScoringExamplesTest.SAMDET).withTools(Map.of("EIT", 94.0)));
        assertThat(r.warnings()).extracting(ScoreWarning::code).contains("FIGURE_DIFFERS");
        assertThat(r.level().level().code()).isEqualTo("GOOD");
    }
}
