package org.openita.core.framework;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ShippedDefinitionsTest {

    @ParameterizedTest
    @ValueSource(ints = {2563, 2564, 2565, 2566, 2567, 2568, 2569, 2570})
    void everyShippedYearLoadsWithoutProblems(int year) {
        FrameworkLoader.Result r = FrameworkLoader.check("ita-" + year + ".yaml", FrameworkLoader.shippedText(year));
        assertThat(r.problems()).isEmpty();
        FrameworkDefinition d = r.definition().orElseThrow();
        assertThat(d.year().buddhistEra()).isEqualTo(year);
        assertThat(d.indicators()).extracting(Indicator::number).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    }

    @Test
    void itemSetsChangeIn2567() {
        for (int year : new int[] {2563, 2564, 2565, 2566}) {
            FrameworkDefinition d = FrameworkLoader.shipped(year);
            assertThat(d.questionCount(ToolCode.IIT)).as("IIT items in %s", year).isEqualTo(30);
            assertThat(d.questionCount(ToolCode.EIT)).as("EIT items in %s", year).isEqualTo(15);
        }
        for (int year : new int[] {2567, 2568, 2569, 2570}) {
            FrameworkDefinition d = FrameworkLoader.shipped(year);
            assertThat(d.questionCount(ToolCode.IIT)).isEqualTo(15);
            assertThat(d.questionCount(ToolCode.EIT)).isEqualTo(9);
            for (int ind = 1; ind <= 8; ind++) {
                assertThat(d.questionsOf(ind)).as("questions of indicator %s in %s", ind, year).hasSize(3);
            }
        }
    }

    @Test
    void bribeItemsScoreZeroForYes() {
        FrameworkDefinition d = FrameworkLoader.shipped(2568);
        Question i3 = d.question("i3").orElseThrow();
        AnswerScale yesNo = d.scale(i3.scale()).orElseThrow();
        assertThat(i3.direction()).isEqualTo(Direction.NEGATIVE);
        assertThat(yesNo.points(yesNo.indexOf("yes").orElseThrow(), i3.direction())).isZero();
        assertThat(yesNo.points(yesNo.indexOf("no").orElseThrow(), i3.direction())).isEqualTo(100);
    }

    @Test
    void eit2568HasTwoPartsAndTheLevelGateChecksBoth() {
        FrameworkDefinition d = FrameworkLoader.shipped(2568);
        assertThat(d.tool(ToolCode.EIT).orElseThrow().parts()).extracting(ToolPart::code)
                .containsExactly("EIT_PUBLIC", "EIT_SURVEY");
        LevelRule good = d.levelScheme().find("ผ่านดี").orElseThrow();
        assertThat(good.gates().get(0).scores()).containsExactly("IIT", "EIT_PUBLIC", "EIT_SURVEY", "OIT");
        assertThat(d.levelScheme().find("ผ่านดีเยี่ยม")).isEmpty();
        assertThat(d.oitItems()).hasSize(26);
    }

    @Test
    void provisionalContentIsMarked() {
        assertThat(FrameworkLoader.shipped(2568).provisionalEntries()).extracting(LocalizedText::en)
                .contains("weights of IIT, EIT, OIT", "level scheme", "IIT and EIT question list");
        FrameworkDefinition d2565 = FrameworkLoader.shipped(2565);
        assertThat(d2565.levelScheme().provenance().confidence()).isEqualTo(Confidence.V);
        assertThat(d2565.provisionalEntries()).extracting(LocalizedText::en).doesNotContain("level scheme").noneMatch(e -> e.startsWith("weights of"));
        assertThat(FrameworkLoader.shipped(2566).oitItemListComplete()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {2565, 2566, 2567})
    void oit2565To2567UseTheFortyThreeItemList(int year) {
        FrameworkDefinition d = FrameworkLoader.shipped(year);
        assertThat(d.oitItems()).hasSize(43);
        assertThat(d.oitItemsOf(9)).extracting(OitItem::code).hasSize(33).startsWith("o1").endsWith("o33");
        assertThat(d.oitItemsOf(10)).extracting(OitItem::code).hasSize(10).startsWith("o34").endsWith("o43");
        assertThat(d.oitItem("o10").orElseThrow().title().th()).isEqualTo("นโยบายคุ้มครองข้อมูลส่วนบุคคล");
        assertThat(d.oitItem("o19").orElseThrow().title().th()).isEqualTo("แผนการจัดซื้อจัดจ้างหรือแผนการจัดหาพัสดุ");
        assertThat(d.oitItem("o42").orElseThrow().title().th()).isEqualTo("มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน");
        assertThat(d.oitItem("o42").orElseThrow().components()).hasSize(4);
        // the 2563-2564 numbering differs from o10 on
        assertThat(FrameworkLoader.shipped(2564).oitItem("o19").orElseThrow().title().th()).isNotEqualTo(d.oitItem("o19").orElseThrow().title().th());
    }

    @Test
    void oit2569IsRenumberedWithItsNewItems() {
        FrameworkDefinition d = FrameworkLoader.shipped(2569);
        assertThat(d.oitItemListComplete()).isTrue();
        assertThat(d.oitItems()).extracting(OitItem::code).hasSize(26).startsWith("o1").endsWith("o26");
        assertThat(d.oitItemsOf(9)).hasSize(19);
        assertThat(d.oitItemsOf(10)).extracting(OitItem::code).containsExactly("o20", "o21", "o22", "o23", "o24", "o25", "o26");
        assertThat(d.oitItem("o11").orElseThrow().title().th()).contains("รายเดือน");
        assertThat(d.oitItem("o20").orElseThrow().title().th()).contains("No Gift", "โดยธรรมจรรยา");
        assertThat(d.oitItem("o21").orElseThrow().title().th()).contains("การประเมินความเสี่ยงการทุจริต");
        assertThat(d.oitItem("o25").orElseThrow().title().th()).isEqualTo("การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร");
        assertThat(d.oitItem("o26").orElseThrow().title().th()).startsWith("รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใส");
        assertThat(d.oitItem("o26").orElseThrow().period()).isEqualTo(PeriodRule.PREVIOUS_FISCAL_YEAR);
        assertThat(d.oitItems()).allSatisfy(o -> assertThat(o.provenance().confidence()).isEqualTo(Confidence.I));
        // every item has terms for the link pre-check; the anti-corruption plan is named as such
        assertThat(d.oitItems()).allSatisfy(o -> assertThat(o.keyTerms()).isNotEmpty());
        assertThat(d.oitItem("o23").orElseThrow().keyTerms()).startsWith("แผนปฏิบัติการป้องกันการทุจริต");
    }

    @ParameterizedTest
    @ValueSource(ints = {2569, 2570})
    void whatIsUnknownFor2569And2570IsThe2568DefinitionCarriedForwardAndMarkedProvisional(int year) {
        FrameworkDefinition d = FrameworkLoader.shipped(year);
        FrameworkDefinition d2568 = FrameworkLoader.shipped(2568);
        assertThat(d.questions()).extracting(Question::code, Question::indicator, Question::scale, Question::direction)
                .containsExactlyElementsOf(d2568.questions().stream().map(q -> org.assertj.core.groups.Tuple.tuple(
                        q.code(), q.indicator(), q.scale(), q.direction())).toList());
        assertThat(d.tools()).extracting(Tool::weight).containsExactlyElementsOf(d2568.tools().stream().map(Tool::weight).toList());
        assertThat(d.indicators()).extracting(Indicator::weight).containsExactlyElementsOf(d2568.indicators().stream().map(Indicator::weight).toList());
        assertThat(d.levelScheme().rules()).extracting(LevelRule::code).containsExactly("GOOD", "PASS", "FAIL");
        assertThat(d.provisionalEntries()).extracting(LocalizedText::en)
                .contains("weights of IIT, EIT, OIT", "level scheme", "IIT and EIT question list", "points per survey answer", "OIT item list");
        assertThat(d.tools()).allSatisfy(t -> assertThat(t.provenance().source()).startsWith("carried forward from"));
        assertThat(d.levelScheme().provenance().source()).startsWith("carried forward from");
        assertThat(d.questions()).allSatisfy(q -> assertThat(q.provenance().confidence()).isEqualTo(Confidence.I));
    }

    @Test
    void year2570IsThe2569DefinitionForItsOwnYear() {
        FrameworkDefinition d2569 = FrameworkLoader.shipped(2569);
        FrameworkDefinition d2570 = FrameworkLoader.shipped(2570);
        assertThat(d2570.year().buddhistEra()).isEqualTo(2570);
        assertThat(d2570.title().th()).endsWith("พ.ศ. 2570");
        assertThat(d2570.oitItems()).extracting(OitItem::code, o -> o.title().th(), OitItem::indicator)
                .containsExactlyElementsOf(d2569.oitItems().stream().map(o -> org.assertj.core.groups.Tuple.tuple(
                        o.code(), o.title().th(), o.indicator())).toList());
    }
}
