package org.openita.core.analysis;

import java.util.List;
import org.openita.core.framework.LocalizedText;

/**
 * A question or OIT item that needs attention, with what to do and which OIT items evidence it.
 *
 * @param score the item's score, or null when only its indicator is known to be weak
 */
public record ItemFinding(String code, int indicator, LocalizedText summary, Double score, LocalizedText issue,
                          LocalizedText action, List<RelatedItem> related) {

    /** An OIT item a recommendation points to. */
    public record RelatedItem(String code, LocalizedText title) {
    }

    public ItemFinding {
        related = List.copyOf(related);
    }
}
