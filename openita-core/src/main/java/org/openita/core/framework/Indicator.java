package org.openita.core.framework;

import java.util.List;

/** One of the ten indicators, with its weight inside its tool. */
public record Indicator(int number, ToolCode tool, LocalizedText name, double weight,
                        List<SubIndicator> subIndicators, Provenance provenance) {

    public Indicator {
        subIndicators = List.copyOf(subIndicators);
    }
}
