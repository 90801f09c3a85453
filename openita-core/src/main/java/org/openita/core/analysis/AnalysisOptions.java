package org.openita.core.analysis;

import java.time.LocalDate;

/**
 * Thresholds of the analysis, and when the draft measures are made.
 *
 * @param weaknessBelow an indicator below this is a weakness to fix urgently (default: the pass mark, 85)
 * @param lowQuestionBelow a question scoring below this is listed with a recommendation (default 85)
 * @param draftedOn the date the draft measures are made: no due date falls before it; null plans the whole
 *                  measures year (see {@link MeasureSchedule})
 */
public record AnalysisOptions(double weaknessBelow, double lowQuestionBelow, LocalDate draftedOn) {

    public static final AnalysisOptions DEFAULT = new AnalysisOptions(85, 85, null);

    public AnalysisOptions(double weaknessBelow, double lowQuestionBelow) {
        this(weaknessBelow, lowQuestionBelow, null);
    }

    public AnalysisOptions draftedOn(LocalDate date) {
        return new AnalysisOptions(weaknessBelow, lowQuestionBelow, date);
    }
}
