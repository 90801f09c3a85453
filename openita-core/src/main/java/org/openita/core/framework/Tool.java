package org.openita.core.framework;

import java.util.List;

/** An assessment tool with its weight in the overall score and its parts, if the year has them. */
public record Tool(ToolCode code, LocalizedText name, double weight, List<ToolPart> parts,
                   PartCombination partCombination, Provenance provenance) {

    public Tool {
        parts = List.copyOf(parts);
    }

    public boolean hasParts() {
        return !parts.isEmpty();
    }
}
