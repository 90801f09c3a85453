package org.openita.core.framework;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ShippedDefinitionsTest {

    @ParameterizedTest
    @ValueSource(ints = {2563, 2564, 2565, 2566, 2567, 2568})
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
        for (int year : new int[] {2567, 2568}) {
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
        assertThat(FrameworkLoader.shipped(2566).oitItemListComplete()).isFalse();
    }
}
