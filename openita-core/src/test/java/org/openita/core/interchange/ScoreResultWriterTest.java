package org.openita.core.interchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openita.core.framework.FiscalYear;
import org.openita.core.framework.FrameworkDefinition;
import org.openita.core.framework.FrameworkLoader;
import org.openita.core.scoring.AssessmentInput;
import org.openita.core.scoring.ScoreResult;
import org.openita.core.scoring.ScoringEngine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ScoreResultWriterTest {

    @Test
    void theJsonContractUsesTheInputFieldNamesAndNullForUnknowns() {
        FrameworkDefinition d = FrameworkLoader.shipped(2566);
        ScoreResult r = ScoringEngine.score(d, AssessmentInput.empty(FiscalYear.of(2566)).withOverall(96.0));
        JsonNode json = JsonMapper.builder().build().readTree(ScoreResultWriter.json(r));
        assertThat(json.get("year").asInt()).isEqualTo(2566);
        assertThat(json.get("tools").propertyNames()).containsExactly("IIT", "EIT", "EIT_PUBLIC", "EIT_SURVEY", "OIT");
        assertThat(json.get("tools").get("IIT").isNull()).isTrue();
        assertThat(json.get("indicators").propertyNames()).hasSize(d.indicators().size());
        assertThat(json.get("overall").decimalValue()).isEqualByComparingTo("96.00");
        assertThat(json.get("level").isNull()).isTrue();
        assertThat(json.get("levelSource").isNull()).isTrue();
        assertThat(json.get("computedLevelReason").get("en").asString()).contains("IIT, EIT and OIT");
        assertThat(json.get("overallSource").asString()).isEqualTo("official");
        assertThat(json.get("provisional").isBoolean()).isTrue();
        assertThat(json.get("warnings").isArray()).isTrue();
        assertThat(json.get("checks").isEmpty()).isTrue(); // nothing was both given and recomputable
    }

    @Test
    void aGivenFigureComesOutBesideTheRecomputedOneWithItsRule() {
        FrameworkDefinition d = FrameworkLoader.shipped(2567);
        java.util.Map<Integer, Double> ind = new java.util.HashMap<>();
        for (int i = 1; i <= 10; i++) {
            ind.put(i, 90.0);
        }
        ScoreResult r = ScoringEngine.score(d, AssessmentInput.empty(FiscalYear.of(2567)).withIndicators(ind).withOverall(91.0));
        JsonNode check = JsonMapper.builder().build().readTree(ScoreResultWriter.json(r)).get("checks").get(0);
        assertThat(check.get("key").asString()).isEqualTo("overall");
        assertThat(check.get("given").decimalValue()).isEqualByComparingTo("91.00");
        assertThat(check.get("recomputed").decimalValue()).isEqualByComparingTo("90.00");
        assertThat(check.get("difference").decimalValue()).isEqualByComparingTo("1.00");
        assertThat(check.get("differs").asBoolean()).isTrue();
        assertThat(check.get("rule").get("th").asString()).startsWith("ค่าเฉลี่ยถ่วงน้ำหนักของเครื่องมือ IIT×");
    }

    @Test
    void anAnnouncedLevelIsTheLevelAndTheComputedOneStandsBesideIt() {
        FrameworkDefinition d = FrameworkLoader.shipped(2568);
        Map<Integer, Double> samdet = Map.of(1, 99.89, 2, 100.0, 3, 100.0, 4, 100.0, 5, 100.0, 6, 96.67, 7, 99.0, 8, 96.67,
                9, 100.0, 10, 100.0);
        ScoreResult r = ScoringEngine.score(d, new AssessmentInput(FiscalYear.of(2568), "สมเด็จ", samdet, Map.of(), 99.17,
                "ผ่านดี", Map.of(), Map.of()));
        JsonNode json = JsonMapper.builder().build().readTree(ScoreResultWriter.json(r));
        assertThat(json.get("level").asString()).isEqualTo("ผ่านดี");
        assertThat(json.get("levelCode").asString()).isEqualTo("GOOD");
        assertThat(json.get("levelSource").asString()).isEqualTo("official");
        assertThat(json.get("computedLevel").isNull()).isTrue();
        assertThat(json.get("computedLevelReason").get("en").asString()).contains("EIT part 1");
        assertThat(json.get("overall").decimalValue()).isEqualByComparingTo("99.17");
        assertThat(json.get("computedOverall").decimalValue()).isEqualByComparingTo("99.23");
        assertThat(json.get("figureSources").get("6").asString()).isEqualTo("official");
        assertThat(json.get("figureSources").get("EIT").asString()).isEqualTo("computed");
        assertThat(json.get("figureSources").get("EIT_PUBLIC").isNull()).isTrue();
        String table = ScoreResultWriter.table(r, d);
        assertThat(table).contains("ผ่านดี (Good pass) (ประกาศโดยสำนักงาน ป.ป.ช.)", "99.17").doesNotContain("six-point");
    }

    @Test
    void theTableAlignsThaiTextByDisplayWidth() {
        assertThat(ScoreResultWriter.displayWidth("ที่นี่")).isEqualTo(2);
        assertThat(ScoreResultWriter.displayWidth("น้ำ")).isEqualTo(2);
        ScoreResult r = ScoringEngine.score(FrameworkLoader.shipped(2567), AssessmentInput.empty(FiscalYear.of(2567))
                .withIndicators(Map.of(1, 99.89)));
        String table = ScoreResultWriter.table(r, FrameworkLoader.shipped(2567));
        assertThat(table).contains("1. การปฏิบัติหน้าที่ (Performance of duty)", "99.89", "undetermined");
    }
}
