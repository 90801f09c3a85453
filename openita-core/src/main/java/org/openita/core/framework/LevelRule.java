package org.openita.core.framework;

import java.util.List;

/**
 * One level of a level scheme. It applies when the overall lies in [{@code overallAtLeast},
 * {@code overallBelow}) and every gate holds. A null bound is open.
 */
public record LevelRule(String code, LocalizedText name, LocalizedText meaning, boolean passing,
                        Double overallAtLeast, Double overallBelow, List<Gate> gates) {

    public LevelRule {
        gates = List.copyOf(gates);
    }

    public double lowerBound() {
        return overallAtLeast == null ? Double.NEGATIVE_INFINITY : overallAtLeast;
    }

    public double upperBound() {
        return overallBelow == null ? Double.POSITIVE_INFINITY : overallBelow;
    }
}
