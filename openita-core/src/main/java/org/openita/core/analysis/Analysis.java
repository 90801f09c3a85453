package org.openita.core.analysis;

import java.util.List;
import org.openita.core.framework.FrameworkDefinition;
import org.openita.core.framework.LocalizedText;
import org.openita.core.scoring.ScoreResult;

/**
 * Everything the analysis report says, derived from the results.
 *
 * @param overall the overall the report stands on: the published one when given, else the computed one
 * @param targetMet whether the overall reaches the pass mark; null when the overall is unknown
 * @param levelExplanation the level reached and what it means under that year's rule, or why it is undetermined
 * @param suggestedTarget next year's overall target: a quarter of the gap to 100 closed, never below the pass mark
 * @param measuresYear the fiscal year in which the measures run (the year after the assessment)
 */
public record Analysis(AgencyProfile agency, FrameworkDefinition framework, ScoreResult result, ScoreResult previous,
                       Double overall, double target, Boolean targetMet, LocalizedText levelExplanation,
                       List<IndicatorFinding> ranked, List<ToolFindings> byTool, Double previousOverall,
                       Double suggestedTarget, List<DraftMeasure> measures, int measuresYear) {

    public Analysis {
        ranked = List.copyOf(ranked);
        byTool = List.copyOf(byTool);
        measures = List.copyOf(measures);
    }

    /** The same analysis with the agency's confirmed measures instead of the drafts. */
    public Analysis withMeasures(List<DraftMeasure> confirmed) {
        return new Analysis(agency, framework, result, previous, overall, target, targetMet, levelExplanation, ranked, byTool,
                previousOverall, suggestedTarget, confirmed, measuresYear);
    }

    public Double overallChange() {
        return overall == null || previousOverall == null ? null : overall - previousOverall;
    }
}
