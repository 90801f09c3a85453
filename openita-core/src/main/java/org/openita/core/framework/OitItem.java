package org.openita.core.framework;

import java.util.List;

/**
 * An OIT checklist item (o1, o2, ...) with the sub-indicator it belongs to.
 *
 * @param keyTerms words or phrases of which the published evidence is expected to contain at least one, for the pre-check of a
 *                 submitted link; a hint to the agency, never a verdict. Empty when the definition gives none.
 */
public record OitItem(String code, String subIndicator, int indicator, LocalizedText title, PeriodRule period,
                      List<OitComponent> components, List<String> keyTerms, Provenance provenance) {

    public OitItem {
        components = List.copyOf(components);
        keyTerms = List.copyOf(keyTerms);
    }
}
