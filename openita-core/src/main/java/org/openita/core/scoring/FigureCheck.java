package org.openita.core.scoring;

import org.openita.core.framework.LocalizedText;

/**
 * A figure that was both given (imported) and recomputed from the framework, side by side.
 *
 * @param key the score key: an indicator number ("1".."10"), a tool or part code, or "overall"
 * @param name what the figure is, for people
 * @param rule how the recomputed figure is made under that year's framework
 */
public record FigureCheck(String key, LocalizedText name, double given, double computed, LocalizedText rule) {

    public double difference() {
        return given - computed;
    }

    /** More than 0.01 apart, the tolerance of published two-decimal figures. */
    public boolean differs() {
        return Rounding.differs(given, computed);
    }
}
