package org.openita.core.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

class KnowledgeBaseTest {

    @Test
    void everyShippedYearHasAdviceForEveryIndicator() {
        for (int year : FrameworkLoader.shippedYears()) {
            KnowledgeBase kb = KnowledgeBaseLoader.shipped(year);
            assertThat(kb.years()).contains(year);
            for (int i = 1; i <= 10; i++) {
                assertThat(kb.indicator(i)).as("advice for indicator %s in %s", i, year).isPresent()
                        .get().satisfies(a -> assertThat(a.steps()).isNotEmpty());
            }
        }
    }

    @Test
    void everyQuestionOf2568HasARecommendationPointingToRealOitItems() {
        FrameworkDefinition d = FrameworkLoader.shipped(2568);
        KnowledgeBase kb = KnowledgeBaseLoader.shipped(2568);
        for (Question q : d.questions()) {
            Recommendation r = kb.item(q.code()).orElseThrow(() -> new AssertionError("no recommendation for " + q.code()));
            r.relatedOit().forEach(o -> assertThat(d.oitItem(o)).as("%s points to %s", q.code(), o).isPresent());
        }
        assertThat(kb.oitItem("o7")).get().satisfies(r -> assertThat(r.relatedOit()).containsExactly("o7"));
    }

    /** The fallback unit is data: the file's assignedUnit, kept through forYear, else the core's usual sentence. */
    @Test
    void theAssignedUnitComesFromTheFileOrTheCoresSentences() {
        assertThat(KnowledgeBaseLoader.shipped(2568).assignedUnit())
                .isEqualTo(LocalizedText.of("หน่วยงานที่ผู้บริหารมอบหมาย", "The unit the executive assigns"));
        KnowledgeBase own = KnowledgeBaseLoader.parse("kb.yaml", """
                schema: openita/recommendations/v1
                years: [2568]
                assignedUnit: {th: "กองที่นายกมอบหมาย", en: "The division the mayor assigns"}
                """).forYear(2568);
        assertThat(own.assignedUnit().th()).isEqualTo("กองที่นายกมอบหมาย");
        KnowledgeBase bare = KnowledgeBaseLoader.parse("kb.yaml", "schema: openita/recommendations/v1\nyears: [2568]\n");
        assertThat(bare.assignedUnit()).isEqualTo(org.openita.core.text.Sentences.get("measure.assignedUnit"));
        assertThat(bare.assignedUnit().th()).isEqualTo("หน่วยงานที่ผู้บริหารมอบหมาย");
    }

    @Test
    void anEditedKnowledgeBaseIsCheckedAndEveryProblemLocated() {
        String broken = """
                schema: openita/recommendations/v1
                years: [2568]
                indicators:
                  - indicator: 1
                    unit: สำนักปลัด
                    keep: {th: ดี}
                    improve: {th: ปรับปรุง}
                    steps: []
                items:
                  - code: i1
                    issue: {th: ประเด็น}
                    acton: {th: ทำ}
                """;
        var e = catchThrowableOfType(InvalidDefinitionException.class, () -> KnowledgeBaseLoader.parse("kb.yaml", broken));
        assertThat(e.problems()).extracting(DefinitionProblem::path)
                .contains("indicators[0].measure", "indicators[0].steps", "items[0].acton", "items[0].action");
        assertThat(e.problems()).allSatisfy(p -> assertThat(p.line()).isPositive());
    }

    @Test
    void aSupportTopicMustBeDefined() {
        String kb = """
                schema: openita/recommendations/v1
                years: [2568]
                topics:
                  - {code: general-administration, keywords: ["สำนักปลัด"]}
                  - {code: finance, keywords: ["คลัง"]}
                indicators:
                  - indicator: 4
                    unit: กองคลัง
                    topic: finance
                    supportTopics: [general-administration, wrks]
                    keep: {th: ดี, en: good}
                    improve: {th: ปรับปรุง, en: improve}
                    measure: {th: มาตรการ, en: measure}
                    steps:
                      - {th: ขั้นตอน, en: step}
                items: []
                """;
        var e = catchThrowableOfType(InvalidDefinitionException.class, () -> KnowledgeBaseLoader.parse("kb.yaml", kb));
        assertThat(e.problems()).extracting(DefinitionProblem::en).containsExactly("topic \"wrks\" is not defined under topics");
        KnowledgeBase ok = KnowledgeBaseLoader.parse("kb.yaml", kb.replace(", wrks]", "]"));
        assertThat(ok.indicator(4)).get().satisfies(a -> assertThat(a.supportTopics()).containsExactly("general-administration"));
    }
}
