package org.openita.core.framework;

import java.util.List;

/**
 * What to say about one indicator: what a strong score shows ({@code keep}), how to improve a weak one,
 * and the draft measure, its steps and the usual responsible unit.
 */
public record IndicatorAdvice(int indicator, String unit, LocalizedText keep, LocalizedText improve,
                              LocalizedText measure, List<LocalizedText> steps) {

    public IndicatorAdvice {
        steps = List.copyOf(steps);
    }
}
