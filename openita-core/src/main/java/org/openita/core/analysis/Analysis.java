package org.openita.core.analysis;

import java.time.LocalDate;
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
 * @param measures the general measures first, then one per weakness (drafts), or the agency's confirmed ones
 * @param measuresYear the fiscal year in which the measures run (the year after the assessment)
 * @param schedule the months of the plan and its monitoring dates
 * @param questionFigures whether the results hold question-level figures (per-question scores or tallies)
 * @param standingRule the rule that made each indicator a strength, a point to improve or a weakness (pass mark and
 *                     the agency's median indicator score), for pages and reports that explain it
 */
public record Analysis(AgencyProfile agency, FrameworkDefinition framework, ScoreResult result, ScoreResult previous,
                       Double overall, double target, Boolean targetMet, LocalizedText levelExplanation,
                       List<IndicatorFinding> ranked, List<ToolFindings> byTool, Double previousOverall,
                       Double suggestedTarget, List<DraftMeasure> measures, int measuresYear, MeasureSchedule schedule,
                       boolean questionFigures, StandingRule standingRule) {

    public Analysis {
        ranked = List.copyOf(ranked);
        byTool = List.copyOf(byTool);
        measures = List.copyOf(measures);
    }

    /**
     * The same analysis with the agency's confirmed measures instead of the drafts, planned over the whole fiscal year
     * they run in: the measures year, or a later one when the agency placed them there (a plan drafted after the
     * measures year ended).
     */
    public Analysis withMeasures(List<DraftMeasure> confirmed) {
        return new Analysis(agency, framework, result, previous, overall, target, targetMet, levelExplanation, ranked, byTool,
                previousOverall, suggestedTarget, confirmed, measuresYear, MeasureSchedule.covering(schedule.measuresYear(), confirmed),
                questionFigures, standingRule);
    }

    /** The same analysis about the same agency with other details (its sign-off, for example). */
    public Analysis withAgency(AgencyProfile profile) {
        return new Analysis(profile, framework, result, previous, overall, target, targetMet, levelExplanation, ranked, byTool,
                previousOverall, suggestedTarget, measures, measuresYear, schedule, questionFigures, standingRule);
    }

    /**
     * The same analysis with its draft measures planned from a draft date: no due date before it, and the plan
     * moved to the next fiscal year when the measures year has no room left. Confirmed measures stay as they are.
     */
    public Analysis draftedOn(LocalDate date) {
        if (measures.stream().allMatch(m -> m.timing() == null)) {
            return this;
        }
        MeasureSchedule s = MeasureSchedule.of(schedule.measuresYear(), date);
        return new Analysis(agency, framework, result, previous, overall, target, targetMet, levelExplanation, ranked, byTool,
                previousOverall, suggestedTarget, measures.stream().map(m -> m.scheduled(s)).toList(), measuresYear, s,
                questionFigures, standingRule);
    }

    /** Whether the measures are the engine's drafts rather than the agency's confirmed ones. */
    public boolean draftMeasures() {
        return !measures.isEmpty() && measures.stream().anyMatch(m -> m.timing() != null);
    }

    public Double overallChange() {
        return overall == null || previousOverall == null ? null : overall - previousOverall;
    }
}
