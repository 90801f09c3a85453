package org.openita.core.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openita.core.framework.DefinitionDiff.Change;
import org.openita.core.framework.DefinitionDiff.Kind;
import org.openita.core.framework.DefinitionDiff.Subject;
import org.openita.core.testing.SeededProperty;

/** The response minimums: read from the definition, checked, looked up, and compared between versions. */
class ResponseMinimumsTest {

    private static final String VALID = FrameworkLoader.shippedText(2568);
    private static final int SECTION = VALID.indexOf("responseMinimums:");

    static List<Integer> shippedYears() {
        return FrameworkLoader.shippedYears();
    }

    /** The shipped 2568 file with its response-minimums section replaced. */
    private static String withSection(String section) {
        return VALID.substring(0, SECTION) + section;
    }

    private static List<DefinitionProblem> problemsOf(String yaml) {
        return FrameworkLoader.check("minimums.yaml", yaml).problems();
    }

    private static int lineOf(String text, String fragment) {
        int idx = text.indexOf(fragment);
        assertThat(idx).as("text contains %s", fragment).isNotNegative();
        return (int) text.substring(0, idx).chars().filter(c -> c == '\n').count() + 1;
    }

    @Test
    void theIitMinimumFollowsTheTableAndNeverExceedsTheHeadcount() {
        ResponseMinimums m = FrameworkLoader.shipped(2568).responseMinimums();
        assertThat(m.iit(0)).hasValue(0);
        assertThat(m.iit(7)).hasValue(7);
        assertThat(m.iit(10)).hasValue(10);
        assertThat(m.iit(11)).hasValue(10);
        assertThat(m.iit(50)).hasValue(10);
        assertThat(m.iit(51)).hasValue(20);
        assertThat(m.iit(300)).hasValue(30);
        assertThat(m.iit(301)).hasValue(31);
        assertThat(m.iit(1_234)).hasValue(124);
        assertThatThrownBy(() -> m.iit(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theIitTableIsOursAndMarkedProvisional() {
        ResponseMinimums.IitRule rule = FrameworkLoader.shipped(2568).responseMinimums().iit().orElseThrow();
        assertThat(rule.provisional()).isTrue();
        assertThat(rule.provenance().confidence()).isEqualTo(Confidence.I);
        assertThat(rule.provenance().note()).contains("not published").contains("ours");
        assertThat(rule.describe()).isEqualTo("<= 10: all; <= 50: 10; <= 100: 20; <= 300: 30; > 300: 10%");
    }

    @Test
    void theEitPublicMinimumsOf2568AreTheManualsWhereKnownAndOurDefaultElsewhere() {
        ResponseMinimums m = FrameworkLoader.shipped(2568).responseMinimums();
        assertThat(m.eitPublic("SAO", "L")).hasValue(50);
        assertThat(m.eitPublic("SAO", "M")).hasValue(40);
        assertThat(m.eitPublic("SAO", "S")).hasValue(30);
        assertThat(m.eitPublic("SUBDISTRICT_MUNICIPALITY", "M")).hasValue(70);
        assertThat(m.eitPublic("SUBDISTRICT_MUNICIPALITY", "S")).hasValue(60);
        assertThat(m.eitPublic("SUBDISTRICT_MUNICIPALITY", "L")).hasValue(100);
        assertThat(m.eitPublic("UNIVERSITY", null)).hasValue(400);
        assertThat(m.eitPublic("UNIVERSITY", "M")).as("a size the group does not split by").hasValue(400);
        assertThat(m.eitPublic("SAO", null)).as("an SAO whose size is not known").hasValue(100);
        assertThat(m.eitPublic("STATE_ENTERPRISE", null)).hasValue(100);
        ResponseMinimums.GroupRule rule = m.eitPublic().orElseThrow();
        assertThat(rule.provisional()).isTrue();
        assertThat(rule.provenance("SAO", "L").confidence()).isEqualTo(Confidence.S);
        assertThat(rule.provenance("SAO", "L").source()).contains("p. 39");
        assertThat(rule.provenance("UNIVERSITY", null).isProvisional()).isFalse();
        assertThat(rule.provenance("DEPARTMENT", null).isProvisional()).isTrue();
        assertThat(rule.provenance("PAO", null)).isEqualTo(rule.provenance());
    }

    @ParameterizedTest
    @MethodSource("shippedYears")
    void everyShippedYearHasBothRulesAndOnly2568HasSecondarySourcedRows(int year) {
        ResponseMinimums m = FrameworkLoader.shipped(year).responseMinimums();
        assertThat(m.iit()).isPresent();
        assertThat(m.eitPublic()).isPresent();
        assertThat(m.iit().orElseThrow().provisional()).isTrue();
        boolean anySecondary = m.eitPublic().orElseThrow().rows().stream().anyMatch(r -> !r.provisional());
        assertThat(anySecondary).isEqualTo(year == 2568);
        assertThat(m.eitPublic("SAO", "L")).hasValue(50);
    }

    @ParameterizedTest
    @MethodSource("shippedYears")
    void theShippedIitMinimumNeverExceedsTheHeadcountAndNeverFallsAsItGrows(int year) {
        ResponseMinimums m = FrameworkLoader.shipped(year).responseMinimums();
        SeededProperty.forAll("iit minimum " + year, 300, rnd -> rnd.nextInt(0, 20_000), staff -> {
            int min = m.iit(staff).orElseThrow();
            assertThat(min).isBetween(Math.min(1, staff), staff);
            assertThat(m.iit(staff + 1).orElseThrow()).isGreaterThanOrEqualTo(min);
        });
    }

    @Test
    void anyCheckedTableGivesAMinimumWithinTheHeadcount() {
        SeededProperty.forAll("generated iit tables", 200, rnd -> {
            StringBuilder sb = new StringBuilder("responseMinimums:\n  iit:\n    rows:\n");
            int upTo = 0;
            int n = rnd.nextInt(0, 5);
            for (int i = 0; i < n; i++) {
                upTo += rnd.nextInt(1, 200);
                sb.append("      - {upTo: ").append(upTo).append(", ").append(shape(rnd, upTo)).append("}\n");
            }
            sb.append("      - {").append(shape(rnd, Integer.MAX_VALUE)).append("}\n");
            return sb.toString();
        }, section -> {
            FrameworkLoader.Result r = FrameworkLoader.check("generated.yaml", withSection(section));
            assertThat(r.problems()).isEmpty();
            ResponseMinimums m = r.definition().orElseThrow().responseMinimums();
            for (int staff : new int[] {0, 1, 2, 5, 17, 99, 100, 101, 250, 799, 5_000}) {
                assertThat(m.iit(staff).orElseThrow()).isBetween(Math.min(1, staff), staff);
            }
        });
    }

    private static String shape(java.util.SplittableRandom rnd, int upTo) {
        return switch (rnd.nextInt(3)) {
            case 0 -> "all: true";
            case 1 -> "minimum: " + rnd.nextInt(1, Math.min(upTo, 500) + 1);
            default -> "percent: " + rnd.nextInt(1, 101);
        };
    }

    @Test
    void aDefinitionWithoutTheSectionIsValidAndHasNoMinimum() {
        FrameworkDefinition d = FrameworkLoader.parse("old.yaml", VALID.substring(0, SECTION));
        assertThat(d.responseMinimums()).isEqualTo(ResponseMinimums.NONE);
        assertThat(d.responseMinimums().iit(40)).isEqualTo(OptionalInt.empty());
        assertThat(d.responseMinimums().eitPublic("SAO", "L")).isEqualTo(OptionalInt.empty());
    }

    @Test
    void aSectionWithOneRuleGivesNoMinimumForTheOther() {
        FrameworkDefinition d = FrameworkLoader.parse("one.yaml", withSection("responseMinimums:\n  eitPublic:\n    default: 25\n"));
        assertThat(d.responseMinimums().iit(40)).isEmpty();
        assertThat(d.responseMinimums().eitPublic("SAO", "L")).hasValue(25);
        assertThat(d.responseMinimums().eitPublic().orElseThrow().provenance()).isEqualTo(d.provenance());
    }

    @Test
    void rowsThatOverlapOrLeaveTheTopUncoveredAreLocated() {
        String section = """
                responseMinimums:
                  iit:
                    rows:
                      - {upTo: 50, minimum: 10}
                      - {upTo: 20, all: true}
                      - {upTo: 80, percent: 20}
                """;
        String yaml = withSection(section);
        List<DefinitionProblem> problems = problemsOf(yaml);
        assertThat(problems).extracting(DefinitionProblem::en).containsExactly(
                "rows must go up: upTo 20 is not above the previous row's 50, so the ranges overlap",
                "the last row must leave out upTo so that agencies with more than 80 staff are covered");
        assertThat(problems.get(0).path()).isEqualTo("responseMinimums.iit.rows[1].upTo");
        assertThat(problems.get(0).line()).isEqualTo(lineOf(yaml, "- {upTo: 20"));
        assertThat(problems.get(0).th()).contains("เรียงจากจำนวนบุคลากรน้อยไปมาก");
        assertThat(problems.get(1).line()).isEqualTo(lineOf(yaml, "- {upTo: 80"));
        assertThat(problems.get(1).th()).contains("แถวสุดท้ายต้องไม่มี upTo");
    }

    @Test
    void badFiguresInTheIitTableAreExplainedInThaiAndEnglish() {
        String yaml = withSection("""
                responseMinimums:
                  iit:
                    rows:
                      - {upTo: 0, all: true}
                      - {upTo: 10, minimum: 12}
                      - {upTo: 20, minimum: 5, percent: 10}
                      - {upTo: 30, minimum: 0}
                      - {percent: 120}
                      - {minimum: 40}
                """);
        List<DefinitionProblem> problems = problemsOf(yaml);
        assertThat(problems).extracting(DefinitionProblem::en).containsExactlyInAnyOrder(
                "upTo must be a positive whole number, found 0",
                "minimum 12 is above the row's largest headcount 10; write all: true if everyone must answer",
                "each row needs exactly one of all: true (everyone answers), minimum (a number) or percent (a share of the staff)",
                "minimum must be a positive whole number, found 0",
                "percent must be from 1 to 100, found 120",
                "this row comes after the open row (the one without upTo), so it is never used");
        assertThat(problems).allSatisfy(p -> {
            assertThat(p.th()).isNotBlank().isNotEqualTo(p.en());
            assertThat(p.line()).isPositive();
            assertThat(p.path()).startsWith("responseMinimums.iit.rows[");
        });
    }

    @Test
    void eitPublicRowsMustNameKnownGroupsOnce() {
        String yaml = withSection("""
                responseMinimums:
                  eitPublic:
                    rows:
                      - {agencyType: SAO, size: L, minimum: 50}
                      - {agencyType: SAO, size: L, minimum: 60}
                      - {agencyType: TAMBON, minimum: 50}
                      - {agencyType: SAO, size: XL, minimum: 50}
                      - {agencyType: UNIVERSITY, minimum: -4}
                      - {agencyType: PAO, minimum: many}
                      - {agencyType: PAO, minimun: 20}
                """);
        List<DefinitionProblem> problems = problemsOf(yaml);
        assertThat(problems).extracting(DefinitionProblem::en).containsExactlyInAnyOrder(
                "a value is required here",
                "duplicate agency group SAO/L",
                "unknown agency type \"TAMBON\" (known: " + String.join(", ", ResponseMinimums.AGENCY_TYPES) + ")",
                "size must be S, M or L, found \"XL\"",
                "minimum must be a positive whole number, found -4",
                "expected a whole number, found \"many\"",
                "unknown key \"minimun\" (allowed: agencyType, size, minimum, provenance)",
                "a value is required here");
        assertThat(problems).extracting(DefinitionProblem::path).contains("responseMinimums.eitPublic.default",
                "responseMinimums.eitPublic.rows[1]", "responseMinimums.eitPublic.rows[2].agencyType");
        assertThat(problems).filteredOn(p -> p.en().startsWith("duplicate")).singleElement()
                .satisfies(p -> assertThat(p.line()).isEqualTo(lineOf(yaml, "size: L, minimum: 60")));
    }

    @Test
    void aSectionOfTheWrongShapeIsReported() {
        assertThat(problemsOf(withSection("responseMinimums: 30\n"))).extracting(DefinitionProblem::en)
                .containsExactly("expected a mapping, not a single value or a list");
        assertThat(problemsOf(withSection("responseMinimums:\n  iit: [1, 2]\n  eit: {default: 3}\n")))
                .extracting(DefinitionProblem::en).containsExactlyInAnyOrder(
                        "expected a mapping, not a single value or a list",
                        "unknown key \"eit\" (allowed: iit, eitPublic, eitSurvey)");
        assertThat(problemsOf(withSection("responseMinimums:\n  iit:\n    rows: []\n"))).extracting(DefinitionProblem::en)
                .containsExactly("the IIT minimum table needs at least one row");
    }

    @Test
    void aChangedTableIsADifference() {
        FrameworkDefinition before = FrameworkLoader.parse("a.yaml", VALID);
        String changed = VALID.replace("- {upTo: 50, minimum: 10}", "- {upTo: 60, minimum: 12}")
                .replace("{agencyType: SAO, size: L, minimum: 50,", "{agencyType: SAO, size: L, minimum: 55,")
                .replace("    default: 100\n", "    default: 90\n")
                .replace("      - {agencyType: DEPARTMENT, minimum: 400}\n", "      - {agencyType: PAO, minimum: 150}\n");
        List<Change> changes = DefinitionDiff.between(before, FrameworkLoader.parse("b.yaml", changed));
        assertThat(changes).containsExactly(
                new Change(Kind.MINIMUM_CHANGED, Subject.RESPONSE_MINIMUM, "IIT",
                        "<= 10: all; <= 50: 10; <= 100: 20; <= 300: 30; > 300: 10%",
                        "<= 10: all; <= 60: 12; <= 100: 20; <= 300: 30; > 300: 10%"),
                new Change(Kind.MINIMUM_CHANGED, Subject.RESPONSE_MINIMUM, "EIT_PUBLIC", "default 100", "default 90"),
                new Change(Kind.MINIMUM_CHANGED, Subject.RESPONSE_MINIMUM, "EIT_PUBLIC SAO/L", "50", "55"),
                new Change(Kind.REMOVED, Subject.RESPONSE_MINIMUM, "EIT_PUBLIC DEPARTMENT", "400", ""),
                new Change(Kind.ADDED, Subject.RESPONSE_MINIMUM, "EIT_PUBLIC PAO", "", "150"));
        List<Change> dropped = DefinitionDiff.between(before, FrameworkLoader.parse("c.yaml", VALID.substring(0, SECTION)));
        List<String> removed = new ArrayList<>();
        dropped.forEach(c -> {
            assertThat(c.kind()).isEqualTo(Kind.REMOVED);
            removed.add(c.code());
        });
        assertThat(removed).startsWith("IIT", "EIT_PUBLIC", "EIT_PUBLIC SAO/L").endsWith("EIT_SURVEY").hasSize(11);
    }

    @Test
    void theEitSurveyMinimumIsOurFigureOfFiveAndSaysWhy() {
        ResponseMinimums m = FrameworkLoader.shipped(2568).responseMinimums();
        assertThat(m.eitSurvey("SAO", "L")).hasValue(5);
        assertThat(m.eitSurvey("UNIVERSITY", null)).hasValue(5);
        assertThat(m.eitSurvey("OTHER", null)).hasValue(5);
        ResponseMinimums.GroupRule rule = m.eitSurvey().orElseThrow();
        assertThat(rule.rows()).isEmpty();
        assertThat(rule.provisional()).isTrue();
        assertThat(rule.provenance().confidence()).isEqualTo(Confidence.I);
        assertThat(rule.provenance().note()).contains("ours").contains("open question 8").contains("34,924").contains("8,300");
    }

    @ParameterizedTest
    @MethodSource("shippedYears")
    void everyShippedYearWithAnEitPartTwoHasItsMinimumAndNoOtherYearDoes(int year) {
        FrameworkDefinition d = FrameworkLoader.shipped(year);
        boolean partTwo = d.tools().stream().anyMatch(t -> t.code() == ToolCode.EIT
                && t.parts().stream().anyMatch(p -> p.code().equals("EIT_SURVEY")));
        assertThat(d.responseMinimums().eitSurvey().isPresent()).as("EIT part 2 minimum of %d", year).isEqualTo(partTwo);
        assertThat(partTwo).isEqualTo(year >= 2566);
    }

    @Test
    void aSectionWithOnlyThePartTwoRuleGivesNoOtherMinimum() {
        FrameworkDefinition d = FrameworkLoader.parse("two.yaml", withSection("""
                responseMinimums:
                  eitSurvey:
                    default: 8
                    rows:
                      - {agencyType: UNIVERSITY, minimum: 20}
                """));
        ResponseMinimums m = d.responseMinimums();
        assertThat(m.iit(40)).isEmpty();
        assertThat(m.eitPublic("SAO", "L")).isEmpty();
        assertThat(m.eitSurvey("SAO", "L")).hasValue(8);
        assertThat(m.eitSurvey("UNIVERSITY", "M")).hasValue(20);
        assertThat(m.eitSurvey().orElseThrow().provenance()).isEqualTo(d.provenance());
    }

    @Test
    void eitSurveyRowsAreCheckedLikePartOnesAndLocatedUnderTheirOwnKey() {
        String yaml = withSection("""
                responseMinimums:
                  eitSurvey:
                    default: 0
                    rows:
                      - {agencyType: PAO, minimum: 6}
                      - {agencyType: PAO, minimum: 7}
                      - {agencyType: VILLAGE, minimum: 3}
                      - {agencyType: SAO, size: XS, minimum: 0}
                    sample: 4
                """);
        List<DefinitionProblem> problems = problemsOf(yaml);
        assertThat(problems).extracting(DefinitionProblem::en).containsExactlyInAnyOrder(
                "unknown key \"sample\" (allowed: default, rows, provenance)",
                "default must be a positive whole number, found 0",
                "duplicate agency group PAO",
                "unknown agency type \"VILLAGE\" (known: " + String.join(", ", ResponseMinimums.AGENCY_TYPES) + ")",
                "size must be S, M or L, found \"XS\"",
                "minimum must be a positive whole number, found 0");
        assertThat(problems).allSatisfy(p -> {
            assertThat(p.path()).startsWith("responseMinimums.eitSurvey");
            assertThat(p.th()).isNotBlank().isNotEqualTo(p.en());
        });
        assertThat(problems).filteredOn(p -> p.en().startsWith("duplicate")).singleElement()
                .satisfies(p -> assertThat(p.line()).isEqualTo(lineOf(yaml, "{agencyType: PAO, minimum: 7}")));
        assertThat(problemsOf(withSection("responseMinimums:\n  eitSurvey:\n    rows: []\n"))).extracting(DefinitionProblem::en)
                .containsExactly("a value is required here");
    }

    @Test
    void aPartTwoMinimumInADefinitionWithoutPartTwoIsReported() {
        String text = FrameworkLoader.shippedText(2565);
        assertThat(text).doesNotContain("EIT_SURVEY");
        String yaml = text + "  eitSurvey:\n    default: 5\n";
        List<DefinitionProblem> problems = problemsOf(yaml);
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.en()).isEqualTo("there is an EIT part-2 minimum but this definition's EIT tool has no EIT_SURVEY part"
                    + " (under parts:), so no response would ever count against it; add the part or remove eitSurvey");
            assertThat(p.th()).contains("EIT ส่วนที่ 2");
            assertThat(p.path()).isEqualTo("responseMinimums.eitSurvey");
            assertThat(p.line()).isEqualTo(lineOf(yaml, "  eitSurvey:") + 1);
        });
    }

    @Test
    void aChangedPartTwoMinimumIsADifference() {
        FrameworkDefinition before = FrameworkLoader.parse("a.yaml", VALID);
        String changed = VALID.replace("    default: 5\n", "    default: 6\n    rows:\n      - {agencyType: MINISTRY, minimum: 12}\n");
        assertThat(DefinitionDiff.between(before, FrameworkLoader.parse("b.yaml", changed))).containsExactly(
                new Change(Kind.MINIMUM_CHANGED, Subject.RESPONSE_MINIMUM, "EIT_SURVEY", "default 5", "default 6"),
                new Change(Kind.ADDED, Subject.RESPONSE_MINIMUM, "EIT_SURVEY MINISTRY", "", "12"));
    }
}
