package org.openita.core.framework;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** An OIT code numbered differently from one year to the next gets each year's own advice, never another year's. */
class KnowledgeBaseYearsTest {

    @Test
    void aYearBoundEntryAppliesOnlyInItsYearsAndItsRelatedItemsFollow() {
        KnowledgeBase y2567 = KnowledgeBaseLoader.shipped(2567);
        KnowledgeBase y2568 = KnowledgeBaseLoader.shipped(2568);
        // o20: procurement notices in 2567, participation in 2568
        Recommendation o20in2567 = y2567.item("o20").orElseThrow();
        Recommendation o20in2568 = y2568.item("o20").orElseThrow();
        assertThat(o20in2567.action().th()).isNotEqualTo(o20in2568.action().th());
        assertThat(o20in2567.action().th()).contains("จัดซื้อจัดจ้าง");
        assertThat(o20in2568.action().th()).doesNotContain("จัดซื้อจัดจ้าง");
        // participation is o30 in 2567 (the 43-item list), o20 in 2568 and o19 in 2569: e7 names the right one each year
        assertThat(y2567.item("e7").orElseThrow().relatedOit()).containsExactly("o30");
        assertThat(y2568.item("e7").orElseThrow().relatedOit()).containsExactly("o20");
        assertThat(KnowledgeBaseLoader.shipped(2569).item("e7").orElseThrow().relatedOit()).containsExactly("o19");
        // the year's view keeps the topics and general measures of its file
        assertThat(y2568.topics()).isNotEmpty();
        assertThat(y2568.generalMeasures()).isNotEmpty();
        // no code keeps its year mark once loaded
        assertThat(y2568.items().keySet()).noneMatch(k -> k.contains("@"));
        assertThat(y2568.items().values()).allSatisfy(r -> assertThat(r.relatedOit()).noneMatch(c -> c.contains("@")));
    }

    @Test
    void aCodeRenumberedBetweenYearsGetsEachYearsOwnAdvice() {
        // o19: the six-month spending report in 2563-2564, the procurement plan in the 43-item list of 2565-2567
        Recommendation in2564 = KnowledgeBaseLoader.shipped(2564).item("o19").orElseThrow();
        Recommendation in2565 = KnowledgeBaseLoader.shipped(2565).item("o19").orElseThrow();
        assertThat(in2564.action().th()).isNotEqualTo(in2565.action().th());
        assertThat(in2565.action().th()).isEqualTo(KnowledgeBaseLoader.shipped(2566).item("o19").orElseThrow().action().th());
        assertThat(KnowledgeBaseLoader.shipped(2567).item("o19").orElseThrow().action().th()).isEqualTo(in2565.action().th());
    }

    @Test
    void the2569ItemsOnLastYearsResultsAndMeasuresHaveTheirOwnAdvice() {
        KnowledgeBase y2569 = KnowledgeBaseLoader.shipped(2569);
        KnowledgeBase y2570 = KnowledgeBaseLoader.shipped(2570);
        assertThat(y2569.item("o25").orElseThrow().action().th()).contains("ผลการประเมิน ITA ปีที่ผ่านมา");
        assertThat(y2569.item("o26").orElseThrow().action().th()).contains("มาตรการส่งเสริมคุณธรรมและความโปร่งใส");
        assertThat(y2569.item("o21").orElseThrow().action().th()).contains("ความเสี่ยงการทุจริต");
        assertThat(y2569.item("o11").orElseThrow().action().th()).contains("ทุกเดือน").doesNotContain("แผนการจัดซื้อ");
        assertThat(y2569.item("o25").orElseThrow().action().th()).isNotEqualTo(KnowledgeBaseLoader.shipped(2568).item("o25").orElseThrow().action().th());
        assertThat(y2570.item("o25")).isEqualTo(y2569.item("o25"));
        assertThat(y2569.item("i14").orElseThrow().relatedOit()).contains("o25", "o26");
    }
}
