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
        // participation is o25 in 2567 and o20 in 2568: e7 names the right one each year, by its plain code
        assertThat(y2567.item("e7").orElseThrow().relatedOit()).containsExactly("o25");
        assertThat(y2568.item("e7").orElseThrow().relatedOit()).containsExactly("o20");
        // the year's view keeps the topics and general measures of its file
        assertThat(y2568.topics()).isNotEmpty();
        assertThat(y2568.generalMeasures()).isNotEmpty();
        // no code keeps its year mark once loaded
        assertThat(y2568.items().keySet()).noneMatch(k -> k.contains("@"));
        assertThat(y2568.items().values()).allSatisfy(r -> assertThat(r.relatedOit()).noneMatch(c -> c.contains("@")));
    }

    @Test
    void theYearsOfOneFileDoNotShareAnEntryThatMeansSomethingElseInOneOfThem() {
        Recommendation in2565 = KnowledgeBaseLoader.shipped(2565).item("o19").orElseThrow();
        Recommendation in2566 = KnowledgeBaseLoader.shipped(2566).item("o19").orElseThrow();
        assertThat(in2565.action().th()).isNotEqualTo(in2566.action().th());
    }
}
