package org.openita.server.framework;

import org.openita.core.framework.FrameworkDefinition;
import org.openita.core.framework.ToolCode;

/** What a page needs to list a framework definition. */
public record FrameworkSummary(int year, String version, String origin, String titleTh, String titleEn,
                               long iitQuestions, long eitQuestions, int oitItems, boolean oitItemListComplete,
                               boolean eitInTwoParts, boolean provisional, String levels) {

    static FrameworkSummary of(FrameworkDefinition d, String origin) {
        return new FrameworkSummary(d.year().buddhistEra(), d.version(), origin, d.title().th(), d.title().en(),
                d.questionCount(ToolCode.IIT), d.questionCount(ToolCode.EIT), d.oitItems().size(), d.oitItemListComplete(),
                d.tool(ToolCode.EIT).map(t -> t.hasParts()).orElse(false), d.isProvisional(),
                String.join(" / ", d.levelScheme().rules().stream().map(r -> r.name().th()).toList()));
    }
}
