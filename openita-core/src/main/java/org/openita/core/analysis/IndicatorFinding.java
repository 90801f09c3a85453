package org.openita.core.analysis;

import org.openita.core.framework.LocalizedText;
import org.openita.core.framework.ToolCode;

/**
 * One indicator as the analysis sees it.
 *
 * @param rank 1 for the highest score; equal scores share a rank
 * @param previous last year's score, or null
 */
public record IndicatorFinding(int number, LocalizedText name, ToolCode tool, Double score, Double previous,
                               int rank, Standing standing, LocalizedText advice) {

    /** How the indicator stands among all of the agency's indicators, by {@link StandingRule}. */
    public enum Standing { STRENGTH, TO_IMPROVE, WEAKNESS, UNKNOWN }

    public Double change() {
        return score == null || previous == null ? null : score - previous;
    }
}
