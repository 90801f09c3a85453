package org.openita.core.scoring;

import java.util.List;
import java.util.Map;
import org.openita.core.framework.FiscalYear;
import org.openita.core.framework.LocalizedText;

/**
 * The scores of one agency in one fiscal year, at full precision; null means unknown.
 *
 * @param tools by tool and part code (IIT, EIT, EIT_PUBLIC, EIT_SURVEY, OIT), every code present
 * @param overall the overall recomputed from the tools when possible, otherwise the published one
 * @param publishedOverall the overall as given in the input
 * @param provisionalEntries framework entries the figures depend on that are provisional
 * @param partQuestions question scores within each tool part (EIT part 1, part 2), when answers came by part
 * @param checks every figure both given and recomputed, with the rule that recomputes it
 */
public record ScoreResult(FiscalYear year, String agency, Map<Integer, Double> indicators,
                          Map<String, Double> tools, Double overall, Double computedOverall,
                          Double publishedOverall, LevelOutcome level, String publishedLevel,
                          List<LocalizedText> provisionalEntries, List<ScoreWarning> warnings,
                          Map<String, Double> questions, Map<String, Map<String, Double>> partQuestions,
                          Map<String, Double> oitItems, List<FigureCheck> checks) {

    public boolean provisional() {
        return !provisionalEntries.isEmpty();
    }
}
