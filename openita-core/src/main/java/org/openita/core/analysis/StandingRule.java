package org.openita.core.analysis;

import java.util.List;
import java.util.Objects;
import org.openita.core.scoring.Rounding;

/**
 * How an indicator stands in the analysis: one rule over all of the agency's indicators together, never ranked
 * within a tool (a tool with two indicators would otherwise call its better one a strength at any score, and a
 * tool's second-best a point to improve even when it beats every indicator of the other tools).
 * <ul>
 *   <li><b>Weakness</b> (จุดอ่อน): the score is below the pass mark (85 by default, {@link AnalysisOptions#weaknessBelow()}).
 *       It must be fixed first, whatever the other indicators scored.</li>
 *   <li><b>Strength</b> (จุดแข็ง): the score reaches the pass mark and is not below the agency's middle score, the
 *       median of all its scored indicators (the mean of the two middle ones when their number is even).</li>
 *   <li><b>To improve</b> (ควรพัฒนา): the score reaches the pass mark but is below that median.</li>
 * </ul>
 * Scores are compared as printed, to two decimals. So the rule is monotone: an indicator never stands worse than
 * one with a lower score, in whichever tool either is; when every indicator scores the same, all are strengths (or
 * all weaknesses). Every place that names a standing prints the score beside it.
 */
public record StandingRule(double passMark, Double median) {

    /** The rule for one agency's indicator scores (nulls, indicators without a score, are left out of the median). */
    public static StandingRule of(List<Double> scores, double passMark) {
        List<Double> known = scores.stream().filter(Objects::nonNull).sorted().toList();
        Double median = known.isEmpty() ? null
                : known.size() % 2 == 1 ? known.get(known.size() / 2)
                : (known.get(known.size() / 2 - 1) + known.get(known.size() / 2)) / 2;
        return new StandingRule(passMark, median);
    }

    public IndicatorFinding.Standing standing(Double score) {
        if (score == null) {
            return IndicatorFinding.Standing.UNKNOWN;
        }
        double shown = Rounding.twoDecimals(score);
        if (shown < passMark) {
            return IndicatorFinding.Standing.WEAKNESS;
        }
        return shown >= Rounding.twoDecimals(median) ? IndicatorFinding.Standing.STRENGTH : IndicatorFinding.Standing.TO_IMPROVE;
    }
}
