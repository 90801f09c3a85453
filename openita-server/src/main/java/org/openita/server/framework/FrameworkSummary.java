package org.openita.server.framework;

import java.util.List;
import org.openita.core.framework.FrameworkDefinition;
import org.openita.core.framework.Indicator;
import org.openita.core.framework.Tool;

/**
 * What a page needs to list a framework definition, read from the definition alone: each of its tools (whatever
 * tools the year has) with its indicators, its survey questions or checklist items, and its parts.
 */
public record FrameworkSummary(int year, String version, String origin, String titleTh, String titleEn,
                               List<ToolLine> tools, boolean provisional, String levels) {

    /**
     * One tool of the year: code and name, how many indicators, survey questions and checklist items it has, whether
     * the item list is complete, and how many parts it is scored in (0 when it has none).
     */
    public record ToolLine(String code, String nameTh, String nameEn, int indicators, long questions, long items,
                           boolean itemsComplete, int parts) {
    }

    public FrameworkSummary {
        tools = List.copyOf(tools);
    }

    static FrameworkSummary of(FrameworkDefinition d, String origin) {
        return new FrameworkSummary(d.year().buddhistEra(), d.version(), origin, d.title().th(), d.title().en(),
                d.tools().stream().map(t -> line(d, t)).toList(), d.isProvisional(),
                String.join(" / ", d.levelScheme().rules().stream().map(r -> r.name().th()).toList()));
    }

    private static ToolLine line(FrameworkDefinition d, Tool t) {
        List<Integer> mine = d.indicatorsOf(t.code()).stream().map(Indicator::number).toList();
        long questions = d.questions().stream().filter(q -> q.tool() == t.code() && q.scored()).count();
        long items = d.oitItems().stream().filter(o -> mine.contains(o.indicator())).count();
        return new ToolLine(t.code().name(), t.name().th(), t.name().en(), mine.size(), questions, items, d.oitItemListComplete(),
                t.parts().size());
    }
}
