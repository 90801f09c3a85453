package org.openita.core.analysis;

import java.util.List;
import org.openita.core.framework.LocalizedText;
import org.openita.core.framework.ToolCode;

/**
 * One tool's indicators grouped by standing (decided over all indicators together by {@link StandingRule}, not ranked
 * within the tool, so a tool may have no strength or nothing to improve), and its items needing attention.
 */
public record ToolFindings(ToolCode tool, LocalizedText name, Double score, List<PartScore> parts,
                           List<IndicatorFinding> strengths, List<IndicatorFinding> toImprove,
                           List<ItemFinding> items, boolean itemScoresKnown) {

    /**
     * A tool part (EIT part 1 and part 2): its score, null when not known, and its low questions when the
     * answers came by part ({@code itemScoresKnown}).
     */
    public record PartScore(String code, LocalizedText name, Double score, List<ItemFinding> items, boolean itemScoresKnown) {
        public PartScore {
            items = List.copyOf(items);
        }
    }

    public ToolFindings {
        parts = List.copyOf(parts);
        strengths = List.copyOf(strengths);
        toImprove = List.copyOf(toImprove);
        items = List.copyOf(items);
    }
}
