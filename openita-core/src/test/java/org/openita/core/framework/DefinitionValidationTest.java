package org.openita.core.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Each kind of broken definition is caught, located and explained in Thai and English. */
class DefinitionValidationTest {

    private static final String VALID = FrameworkLoader.shippedText(2568);

    private static List<DefinitionProblem> problemsOf(String yaml) {
        return FrameworkLoader.check("broken.yaml", yaml).problems();
    }

    private static String replaceOnce(String text, String from, String to) {
        int i = text.indexOf(from);
        assertThat(i).as("fixture text contains %s", from).isNotNegative();
        return text.substring(0, i) + to + text.substring(i + from.length());
    }

    private static int lineOf(String text, String fragment) {
        int idx = text.indexOf(fragment);
        return (int) text.substring(0, idx).chars().filter(c -> c == '\n').count() + 1;
    }

    @Test
    void toolWeightsThatDoNotSumToOne() {
        String yaml = replaceOnce(VALID, "weight: 0.40", "weight: 0.50");
        assertThat(problemsOf(yaml)).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo("broken.yaml");
            assertThat(p.path()).isEqualTo("tools");
            assertThat(p.en()).contains("tool weights add up to 1.1");
            assertThat(p.th()).contains("น้ำหนักของเครื่องมือ");
        });
    }

    @Test
    void indicatorWeightsInsideAToolThatDoNotSumToOne() {
        String yaml = replaceOnce(VALID, "weight: 1/3", "weight: 1/2");
        assertThat(problemsOf(yaml)).extracting(DefinitionProblem::en)
                .anySatisfy(m -> assertThat(m).contains("indicator weights within EIT add up to 1.1667"));
    }

    @Test
    void indicatorWithNoQuestions() {
        String yaml = VALID;
        for (String code : new String[] {"i4", "i5", "i6"}) {
            yaml = replaceOnce(yaml, "code: " + code + "\n    indicator: 2", "code: " + code + "\n    indicator: 1");
        }
        assertThat(problemsOf(yaml)).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("indicators[1]");
            assertThat(p.en()).isEqualTo("indicator 2 has no scored questions");
            assertThat(p.line()).isEqualTo(lineOf(VALID, "- number: 2"));
        });
    }

    @Test
    void oitKeyTermsAreReadAndABlankOneIsAProblemAtItsLine() {
        assertThat(FrameworkLoader.check("ok.yaml", VALID).definition().orElseThrow().oitItem("o25").orElseThrow().keyTerms())
                .containsExactly("แผนปฏิบัติการป้องกันการทุจริต", "ป้องกันการทุจริต");
        String yaml = replaceOnce(VALID, "keyTerms: [\"ผู้บริหาร\"]", "keyTerms: [\"ผู้บริหาร\", \" \"]");
        assertThat(problemsOf(yaml)).singleElement().satisfies(p -> {
            assertThat(p.en()).isEqualTo("must not be empty");
            assertThat(p.path()).isEqualTo("oit.items[1].keyTerms[1]");
            assertThat(p.line()).isEqualTo(lineOf(VALID, "keyTerms: [\"ผู้บริหาร\"]"));
        });
    }

    @Test
    void duplicateCodes() {
        String yaml = replaceOnce(VALID, "code: i2\n", "code: i1\n");
        yaml = replaceOnce(yaml, "code: o2\n", "code: o1\n");
        assertThat(problemsOf(yaml)).extracting(DefinitionProblem::en)
                .containsExactlyInAnyOrder("duplicate question code \"i1\"", "duplicate OIT item code \"o1\"");
    }

    @Test
    void unknownReferences() {
        String yaml = replaceOnce(VALID, "code: i1\n    indicator: 1", "code: i1\n    indicator: 11");
        yaml = replaceOnce(yaml, "scale: agree-six", "scale: agree-seven");
        yaml = replaceOnce(yaml, "of: [IIT, EIT_PUBLIC", "of: [IIT, EIT_PART3");
        yaml = replaceOnce(yaml, "subIndicator: \"9.5\"", "subIndicator: \"9.9\"");
        List<DefinitionProblem> problems = problemsOf(yaml);
        assertThat(problems).extracting(DefinitionProblem::en).contains(
                "unknown indicator 11",
                "unknown answer scale \"agree-seven\"",
                "indicator 9 has no sub-indicator \"9.9\"");
        assertThat(problems).extracting(DefinitionProblem::en)
                .anySatisfy(m -> assertThat(m).startsWith("unknown score \"EIT_PART3\""));
        assertThat(problems).extracting(DefinitionProblem::path).contains("questions[0].indicator");
    }

    @Test
    void levelSchemeThatLeavesARangeUnclassified() {
        String yaml = VALID.substring(0, VALID.indexOf("    - code: FAIL"));
        assertThat(problemsOf(yaml)).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("levels.rules");
            assertThat(p.en()).startsWith("overall scores 0–85 are left unclassified");
        });
    }

    @Test
    void gapInsideTheGradeScale() {
        String yaml = FrameworkLoader.shippedText(2565).replace("overall: {atLeast: 65, below: 75}", "overall: {atLeast: 66, below: 75}");
        assertThat(problemsOf(yaml)).singleElement()
                .satisfies(p -> assertThat(p.en()).startsWith("overall scores 65–66 are left unclassified"));
    }

    @Test
    void typoInAKeyIsNotSilentlyIgnored() {
        String yaml = replaceOnce(VALID, "    direction: negative", "    directon: negative");
        assertThat(problemsOf(yaml)).singleElement().satisfies(p -> {
            assertThat(p.en()).startsWith("unknown key \"directon\"");
            assertThat(p.path()).endsWith(".directon");
        });
    }

    @Test
    void malformedYamlNamesTheLine() {
        String yaml = replaceOnce(VALID, "version: \"2568.1\"", "version: [2568.1");
        assertThat(problemsOf(yaml)).singleElement().satisfies(p -> {
            assertThat(p.en()).startsWith("not valid YAML");
            assertThat(p.line()).isPositive();
        });
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        String yaml = replaceOnce(VALID, "weight: 0.40", "weight: 0.50");
        yaml = replaceOnce(yaml, "code: i2\n", "code: i1\n");
        String broken = replaceOnce(yaml, "points: 20}", "points: abc}");
        assertThat(problemsOf(broken)).hasSize(3);
        assertThatThrownBy(() -> FrameworkLoader.parse("broken.yaml", broken))
                .isInstanceOf(InvalidDefinitionException.class)
                .hasMessageContaining("3 problem(s)")
                .hasMessageContaining("broken.yaml:");
    }

    @Test
    void wrongTypesAndValuesAreExplained() {
        String yaml = replaceOnce(VALID, "direction: negative", "direction: backwards");
        yaml = replaceOnce(yaml, "year: 2568", "year: 68");
        assertThat(problemsOf(yaml)).extracting(DefinitionProblem::en).containsExactlyInAnyOrder(
                "\"backwards\" is not one of [positive, negative]",
                "year must be a Buddhist-era fiscal year such as 2568");
    }

    @Test
    void aSyntaxErrorIsExplainedInThaiAndEnglishWithItsLineAndColumn() {
        String yaml = replaceOnce(VALID, "version: \"2568.1\"", "version: 2568.1: draft");
        int line = lineOf(yaml, "version: 2568.1: draft");
        assertThat(problemsOf(yaml)).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(line);
            assertThat(p.th()).startsWith("ไฟล์ YAML ผิดรูปแบบที่บรรทัด " + line + " คอลัมน์ 16:")
                    .contains("เครื่องหมาย :").doesNotContain("mapping values");
            assertThat(p.en()).startsWith("not valid YAML at line " + line + ", column 16:");
        });
    }

    @Test
    void aBadIndentationIsNamedAsSuch() {
        String yaml = replaceOnce(VALID, "    tool: IIT\n    name: {th: \"การใช้งบประมาณ\"", "    tool: IIT\n   name: {th: \"การใช้งบประมาณ\"");
        assertThat(problemsOf(yaml)).singleElement().satisfies(p -> {
            assertThat(p.th()).contains("ไฟล์ YAML ผิดรูปแบบที่บรรทัด").contains("ย่อหน้า");
            assertThat(p.line()).isBetween(lineOf(VALID, "- number: 2"), lineOf(VALID, "- number: 2") + 3);
        });
    }

    @Test
    void aProblemInAListEntryNamesTheEntrysLineNotTheList() {
        String component = "        - {code: \"2\", th: \"ต่อคน: ชื่อ ตำแหน่ง";
        String yaml = replaceOnce(VALID, component, "        - {code: \"1\", th: \"ต่อคน: ชื่อ ตำแหน่ง");
        assertThat(problemsOf(yaml)).singleElement().satisfies(p -> {
            assertThat(p.en()).isEqualTo("duplicate component code \"1\"");
            assertThat(p.line()).isEqualTo(lineOf(VALID, component));
        });
        String gate = "        - {of: [IIT, EIT_PUBLIC, EIT_SURVEY, OIT], atLeast: 85}";
        yaml = replaceOnce(VALID, gate, "        - {of: [IIT, EIT_PUBLIC, EIT_SURVY, OIT], atLeast: 85}");
        assertThat(problemsOf(yaml)).singleElement().satisfies(p -> {
            assertThat(p.en()).startsWith("unknown score \"EIT_SURVY\"");
            assertThat(p.line()).isEqualTo(lineOf(VALID, gate));
            assertThat(p.path()).isEqualTo("levels.rules[0].each[0].of[2]");
        });
    }

    @Test
    void indicatorWeightsThatDoNotSumNameTheFirstIndicatorsWeightLine() {
        String yaml = replaceOnce(VALID, "weight: 1/3", "weight: 1/2");
        int first = lineOf(yaml, "weight: 1/2");
        assertThat(problemsOf(yaml)).filteredOn(p -> p.en().contains("indicator weights within EIT"))
                .singleElement().satisfies(p -> assertThat(p.line()).isEqualTo(first));
    }
}
