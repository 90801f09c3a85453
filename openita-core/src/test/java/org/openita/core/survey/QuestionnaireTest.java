package org.openita.core.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openita.core.framework.FrameworkDefinition;
import org.openita.core.framework.FrameworkLoader;
import org.openita.core.framework.Question;
import org.openita.core.framework.ToolCode;

/** Questionnaires are read from the year's definition: its questions, order, grouping, numbering and fields. */
class QuestionnaireTest {

    @Test
    void theIitOf2568HasFifteenQuestionsGroupedByItsFiveIndicatorsAndNumberedInOrder() {
        FrameworkDefinition d = FrameworkLoader.shipped(2568);
        Questionnaire q = Questionnaire.of(d, ToolCode.IIT, "IIT");
        assertThat(q.questionCount()).isEqualTo(15);
        assertThat(q.size()).isEqualTo(15);
        assertThat(q.groups()).extracting(g -> g.indicator().number()).containsExactly(1, 2, 3, 4, 5);
        assertThat(q.items()).extracting(i -> i.question().code())
                .containsExactlyElementsOf(d.questions().stream().filter(x -> x.tool() == ToolCode.IIT).map(Question::code).toList());
        assertThat(q.items()).extracting(Questionnaire.Item::number).containsExactlyElementsOf(
                java.util.stream.IntStream.rangeClosed(1, 15).boxed().toList());
        assertThat(q.fields()).first().satisfies(f -> {
            assertThat(f.name()).isEqualTo("q.i1");
            assertThat(f.answerKey()).isEqualTo("i1");
            assertThat(f.subItem()).isEmpty();
            assertThat(f.number()).isEqualTo("1");
        });
        assertThat(q.items().get(0).scale().code()).isEqualTo(d.questions().get(0).scale());
    }

    @Test
    void theEitPartOneOf2568HasNineQuestionsOnAgreementAndNeverEverScales() {
        Questionnaire q = Questionnaire.of(FrameworkLoader.shipped(2568), ToolCode.EIT, "EIT_PUBLIC");
        assertThat(q.questionCount()).isEqualTo(9);
        assertThat(q.groups()).extracting(g -> g.indicator().number()).containsExactly(6, 7, 8);
        assertThat(q.items()).extracting(i -> i.scale().code()).containsOnly("never-ever", "agree-six");
        assertThat(q.part()).isEqualTo("EIT_PUBLIC");
    }

    @Test
    void subItemsAreFieldsOfTheirOwnNumberedUnderTheirQuestion() {
        Questionnaire q = Questionnaire.of(FrameworkLoader.shipped(2566), ToolCode.IIT, "IIT");
        assertThat(q.questionCount()).isEqualTo(30);
        assertThat(q.size()).isGreaterThan(30);
        Questionnaire.Item first = q.items().get(0);
        assertThat(first.fields()).extracting(Questionnaire.Field::name).containsExactly("q.i1.a", "q.i1.b");
        assertThat(first.fields()).extracting(Questionnaire.Field::number).containsExactly("1.1", "1.2");
        assertThat(first.fields()).extracting(Questionnaire.Field::answerKey).containsExactly("i1.a", "i1.b");
        assertThat(first.fields().get(1).subItem()).hasValueSatisfying(s -> assertThat(s.code()).isEqualTo("b"));
        assertThat(q.itemOf("q.i1.b")).contains(first);
        assertThat(q.itemOf("q.i1")).isEmpty();
        assertThat(q.fields()).extracting(Questionnaire.Field::name).doesNotHaveDuplicates();
    }

    @Test
    void aYearWhoseEitHasNoPartsAsksEveryEitQuestionOfEitPartOne() {
        Questionnaire q = Questionnaire.of(FrameworkLoader.shipped(2563), ToolCode.EIT, "EIT_PUBLIC");
        assertThat(q.questionCount()).isEqualTo(15);
    }

    @Test
    void aQuestionAskedInOnePartOnlyAndAnUnscoredOneAreListedWhereAsked() {
        String text = FrameworkLoader.shippedText(2568);
        int e1 = text.indexOf("  - code: e1\n");
        int e2 = text.indexOf("  - code: e2\n");
        String e1Block = text.substring(e1, e2);
        String restricted = e1Block.replace("    tool: EIT\n", "    tool: EIT\n    parts: [EIT_SURVEY]\n");
        String unscored = text.substring(e2, text.indexOf("  - code: e3\n")).replace("    tool: EIT\n", "    tool: EIT\n    scored: false\n");
        String yaml = text.substring(0, e1) + restricted + unscored + text.substring(text.indexOf("  - code: e3\n"));
        FrameworkDefinition d = FrameworkLoader.parse("parts.yaml", yaml);
        List<String> pub = Questionnaire.of(d, ToolCode.EIT, "EIT_PUBLIC").items().stream().map(i -> i.question().code()).toList();
        List<String> survey = Questionnaire.of(d, ToolCode.EIT, "EIT_SURVEY").items().stream().map(i -> i.question().code()).toList();
        assertThat(pub).doesNotContain("e1").startsWith("e2").hasSize(8);
        assertThat(survey).startsWith("e1", "e2").hasSize(9);
        assertThat(Questionnaire.of(d, ToolCode.EIT, "EIT_PUBLIC").items().get(0).number()).isEqualTo(1);
    }

    @Test
    void unknownToolsAndPartsAreRefused() {
        FrameworkDefinition d = FrameworkLoader.shipped(2568);
        assertThatThrownBy(() -> Questionnaire.of(d, ToolCode.OIT, "OIT")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Questionnaire.of(d, ToolCode.EIT, "EIT_PART3"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no part EIT_PART3");
        assertThatThrownBy(() -> Questionnaire.of(d, ToolCode.EIT, "EIT")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Questionnaire.of(d, ToolCode.IIT, "EIT_PUBLIC")).isInstanceOf(IllegalArgumentException.class);
    }
}
