package org.openita.core.framework;

import java.util.List;

/**
 * What to say about one indicator: what a strong score shows ({@code keep}), how to improve a weak one,
 * and the draft measure, its steps, the usual responsible unit, the topic that picks the agency's own unit
 * (null: general administration), the topics whose units take part with it ({@code supportTopics}: the
 * agency's units of those topics are named after the lead unit) and the success indicator of the measure (null: none
 * given).
 */
public record IndicatorAdvice(int indicator, String unit, LocalizedText keep, LocalizedText improve,
                              LocalizedText measure, List<LocalizedText> steps, String topic, LocalizedText success,
                              List<String> supportTopics) {

    public IndicatorAdvice {
        steps = List.copyOf(steps);
        supportTopics = supportTopics == null ? List.of() : List.copyOf(supportTopics);
    }

    public IndicatorAdvice(int indicator, String unit, LocalizedText keep, LocalizedText improve,
                           LocalizedText measure, List<LocalizedText> steps, String topic, LocalizedText success) {
        this(indicator, unit, keep, improve, measure, steps, topic, success, List.of());
    }

    public IndicatorAdvice(int indicator, String unit, LocalizedText keep, LocalizedText improve,
                           LocalizedText measure, List<LocalizedText> steps) {
        this(indicator, unit, keep, improve, measure, steps, null, null);
    }
}
