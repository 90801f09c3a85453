package org.openita.core.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.openita.core.framework.FrameworkLoader;
import org.openita.core.framework.ToolCode;
import org.openita.core.testing.SeededProperty;

/** A submitted sheet is accepted only when complete and on the scales; what is wrong is named field by field. */
class AnswerCheckTest {

    private static final Questionnaire IIT_2568 = Questionnaire.of(FrameworkLoader.shipped(2568), ToolCode.IIT, "IIT");
    private static final Questionnaire IIT_2566 = Questionnaire.of(FrameworkLoader.shipped(2566), ToolCode.IIT, "IIT");
    private static final Questionnaire EIT_2568 = Questionnaire.of(FrameworkLoader.shipped(2568), ToolCode.EIT, "EIT_PUBLIC");

    /** A complete sheet: every field answered with a random option of its scale, plus a form token. */
    static Map<String, String> sheet(Questionnaire q, SplittableRandom rnd) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("t", "token-" + rnd.nextInt(1000));
        for (Questionnaire.Field f : q.fields()) {
            var options = q.itemOf(f.name()).orElseThrow().scale().options();
            m.put(f.name(), options.get(rnd.nextInt(options.size())).code());
        }
        return m;
    }

    private static List<FieldProblem> problems(Checked c) {
        assertThat(c).isInstanceOf(Checked.Rejected.class);
        return ((Checked.Rejected) c).problems();
    }

    @Test
    void aCompleteSheetIsAcceptedInTheOrderOfTheQuestionnaire() {
        SeededProperty.forAll("complete sheets", 200, rnd -> {
            Questionnaire q = List.of(IIT_2568, IIT_2566, EIT_2568).get(rnd.nextInt(3));
            return Map.entry(q, sheet(q, rnd));
        }, e -> {
            Checked c = AnswerCheck.check(e.getKey(), new HashMap<>(e.getValue()));
            assertThat(c).isInstanceOf(Answers.class);
            Answers a = (Answers) c;
            assertThat(a.values().keySet()).containsExactlyElementsOf(
                    e.getKey().fields().stream().map(Questionnaire.Field::answerKey).toList());
            e.getKey().fields().forEach(f -> assertThat(a.values().get(f.answerKey())).isEqualTo(e.getValue().get(f.name())));
        });
    }

    @Test
    void oneBadFieldGivesOneProblemOnThatField() {
        SeededProperty.forAll("one bad field", 200, rnd -> {
            Map<String, String> s = sheet(IIT_2566, rnd);
            Questionnaire.Field f = IIT_2566.fields().get(rnd.nextInt(IIT_2566.size()));
            switch (rnd.nextInt(4)) {
                case 0 -> s.remove(f.name());
                case 1 -> s.put(f.name(), "  ");
                case 2 -> s.put(f.name(), "9");
                default -> s.put(f.name(), "x".repeat(17));
            }
            return Map.entry(f, s);
        }, e -> assertThat(problems(AnswerCheck.check(IIT_2566, e.getValue()))).singleElement()
                .satisfies(p -> assertThat(p.field()).isEqualTo(e.getKey().name())));
    }

    @Test
    void problemsNameTheQuestionByItsNumberInThaiAndEnglish() {
        Map<String, String> s = sheet(IIT_2568, new SplittableRandom(1));
        s.remove("q.i4");
        s.put("q.i2", "7");
        s.put("q.i9", "x".repeat(200));
        s.put("q.x99", "1");
        s.put("slip", "ABCD-EFGH");
        List<FieldProblem> p = problems(AnswerCheck.check(IIT_2568, s));
        assertThat(p).extracting(FieldProblem::field).containsExactly("q.i2", "q.i4", "q.i9", "q.x99");
        assertThat(p.get(0).th()).isEqualTo("ข้อ 2: ไม่มีคำตอบ \"7\" ในตัวเลือก (เลือกได้: 1, 2, 3, 4, 5, 6)");
        assertThat(p.get(0).en()).isEqualTo("Question 2: \"7\" is not one of the options (allowed: 1, 2, 3, 4, 5, 6)");
        assertThat(p.get(1).th()).isEqualTo("ข้อ 4: กรุณาเลือกคำตอบ");
        assertThat(p.get(1).en()).isEqualTo("Question 4: please choose an answer");
        assertThat(p.get(2).th()).startsWith("ข้อ 9: คำตอบยาวเกินไป").doesNotContain("xxx");
        assertThat(p.get(3).th()).isEqualTo("ไม่มีข้อ \"q.x99\" ในแบบสำรวจนี้");
        assertThat(p.get(3).en()).isEqualTo("there is no question \"q.x99\" in this questionnaire");
    }

    @Test
    void aSubItemIsNamedByItsQuestionAndPosition() {
        Map<String, String> s = sheet(IIT_2566, new SplittableRandom(2));
        s.remove("q.i3.b");
        assertThat(problems(AnswerCheck.check(IIT_2566, s))).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("q.i3.b");
            assertThat(p.th()).isEqualTo("ข้อ 3.2: กรุณาเลือกคำตอบ");
        });
        s.put("q.i3.b", "yes");
        assertThat(problems(AnswerCheck.check(IIT_2566, s))).singleElement()
                .satisfies(p -> assertThat(p.en()).isEqualTo("Question 3.2: \"yes\" is not one of the options (allowed: 1, 2, 3, 4)"));
    }

    @Test
    void anEmptySubmissionListsEveryFieldAndAFloodOfUnknownFieldsIsOneProblemAfterFive() {
        assertThat(problems(AnswerCheck.check(EIT_2568, Map.of()))).hasSize(EIT_2568.size())
                .allSatisfy(p -> assertThat(p.en()).endsWith("please choose an answer"));
        Map<String, String> s = sheet(EIT_2568, new SplittableRandom(3));
        for (int i = 0; i < 10_000; i++) {
            s.put("q.z" + i, "1");
        }
        List<FieldProblem> p = problems(AnswerCheck.check(EIT_2568, s));
        assertThat(p).hasSize(AnswerCheck.UNKNOWN_FIELDS_NAMED + 1);
        assertThat(p.get(AnswerCheck.UNKNOWN_FIELDS_NAMED).en()).isEqualTo("and 9995 more fields that are not in this questionnaire");
        assertThat(p.get(AnswerCheck.UNKNOWN_FIELDS_NAMED).th()).isEqualTo("และยังมีอีก 9995 ช่องที่ไม่มีในแบบสำรวจนี้");
    }

    @Test
    void aQuestionOfTheOtherToolIsAnUnknownField() {
        Map<String, String> s = sheet(EIT_2568, new SplittableRandom(4));
        s.put("q.i1", "3");
        assertThat(problems(AnswerCheck.check(EIT_2568, s))).extracting(FieldProblem::field).containsExactly("q.i1");
    }

    @Test
    void identicalAnswersThroughoutAreTheSameEndOfEveryScale() {
        Map<String, String> firsts = new LinkedHashMap<>();
        Map<String, String> lasts = new LinkedHashMap<>();
        Map<String, String> seconds = new LinkedHashMap<>();
        for (Questionnaire.Field f : IIT_2566.fields()) {
            var options = IIT_2566.itemOf(f.name()).orElseThrow().scale().options();
            firsts.put(f.name(), options.get(0).code());
            lasts.put(f.name(), options.get(options.size() - 1).code());
            seconds.put(f.name(), options.get(1).code());
        }
        assertThat(AnswerCheck.identical((Answers) AnswerCheck.check(IIT_2566, firsts))).isTrue();
        assertThat(AnswerCheck.identical((Answers) AnswerCheck.check(IIT_2566, lasts))).as("the top of a four-level and of a yes/no scale").isTrue();
        assertThat(AnswerCheck.identical((Answers) AnswerCheck.check(IIT_2566, seconds))).as("the second of four is not the top of two").isFalse();
        lasts.put(IIT_2566.fields().get(7).name(), firsts.get(IIT_2566.fields().get(7).name()));
        assertThat(AnswerCheck.identical((Answers) AnswerCheck.check(IIT_2566, lasts))).isFalse();
        SeededProperty.forAll("random sheets are rarely identical", 50, rnd -> sheet(IIT_2568, rnd),
                s -> assertThat(AnswerCheck.identical((Answers) AnswerCheck.check(IIT_2568, s))).isFalse());
    }
}
