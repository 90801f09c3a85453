package org.openita.core.analysis;

/**
 * Thresholds of the analysis.
 *
 * @param weaknessBelow an indicator below this is a weakness to fix urgently (default: the pass mark, 85)
 * @param lowQuestionBelow a question scoring below this is listed with a recommendation (default 85)
 */
public record AnalysisOptions(double weaknessBelow, double lowQuestionBelow) {

    public static final AnalysisOptions DEFAULT = new AnalysisOptions(85, 85);
}
