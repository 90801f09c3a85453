package org.openita.core.framework;

import java.util.List;

/** An OIT checklist item (o1, o2, ...) with the sub-indicator it belongs to. */
public record OitItem(String code, String subIndicator, int indicator, LocalizedText title, PeriodRule period,
                      List<OitComponent> components, Provenance provenance) {

    public OitItem {
        components = List.copyOf(components);
    }
}
