package org.openita.core.framework;

import java.util.List;

/** What a low score on one question or OIT item suggests, and the OIT items that evidence the fix. */
public record Recommendation(String code, LocalizedText issue, LocalizedText action, List<String> relatedOit) {

    public Recommendation {
        relatedOit = List.copyOf(relatedOit);
    }
}
