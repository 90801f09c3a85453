package org.openita.core.scoring;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openita.core.framework.FiscalYear;
import org.openita.core.framework.LevelRule;
import org.openita.core.framework.LocalizedText;

/**
 * The scores of one agency in one fiscal year, at full precision; null means unknown.
 *
 * @param tools by tool and part code (IIT, EIT, EIT_PUBLIC, EIT_SURVEY, OIT), every code present
 * The official figures (as announced by the NACC and imported) are the result: every figure given in the
 * input is kept as given, and recomputed figures only fill the gaps; {@link #isOfficial} tells which is which.
 * The engine's own level is a check beside the official one.
 *
 * @param indicators indicator scores: the given ones, recomputed ones where none was given
 * @param overall the published overall when given, otherwise the one recomputed from the tools
 * @param computedOverall the overall recomputed from the tools under the year's weights, a check
 * @param publishedOverall the overall as given in the input
 * @param level the level the engine decides from the figures under the year's rule (a check when an official
 *        level is given; see {@link #resultLevel()})
 * @param publishedLevel the level as given in the input
 * @param officialLevel the year's level rule the published level names, when it names one
 * @param provisionalEntries framework entries the figures depend on that are provisional
 * @param partQuestions question scores within each tool part (EIT part 1, part 2), when answers came by part
 * @param checks every figure both given and recomputed, with the rule that recomputes it
 * @param officialKeys the keys of the figures given in the input: indicator numbers, tool and part codes,
 *        "overall", question codes and OIT item codes
 */
public record ScoreResult(FiscalYear year, String agency, Map<Integer, Double> indicators,
                          Map<String, Double> tools, Double overall, Double computedOverall,
                          Double publishedOverall, LevelOutcome level, String publishedLevel,
                          List<LocalizedText> provisionalEntries, List<ScoreWarning> warnings,
                          Map<String, Double> questions, Map<String, Map<String, Double>> partQuestions,
                          Map<String, Double> oitItems, List<FigureCheck> checks, LevelRule officialLevel,
                          Set<String> officialKeys) {

    public ScoreResult {
        officialKeys = Set.copyOf(officialKeys);
    }

    public boolean provisional() {
        return !provisionalEntries.isEmpty();
    }

    /** Whether the figure under this key (see {@code officialKeys}) was given as announced, not recomputed. */
    public boolean isOfficial(String key) {
        return officialKeys.contains(key);
    }

    /** Whether the overall shown as the result is the announced one. */
    public boolean overallOfficial() {
        return publishedOverall != null;
    }

    /** The official level when one was given, otherwise the computed one when it is decided. */
    public LevelSource levelSource() {
        if (publishedLevel != null && !publishedLevel.isBlank()) {
            return LevelSource.OFFICIAL;
        }
        return level.isDetermined() ? LevelSource.COMPUTED : LevelSource.NONE;
    }

    /** The level rule that stands as the result, when known: the official one, else the computed one. */
    public LevelRule resultLevel() {
        return switch (levelSource()) {
            case OFFICIAL -> officialLevel;
            case COMPUTED -> level.level();
            case NONE -> null;
        };
    }

    /** The name of the level that stands as the result (an official level outside the year's rules keeps its given wording), or null. */
    public LocalizedText resultLevelName() {
        if (levelSource() == LevelSource.OFFICIAL && officialLevel == null) {
            return LocalizedText.of(publishedLevel.strip(), publishedLevel.strip());
        }
        LevelRule rule = resultLevel();
        return rule == null ? null : rule.name();
    }
}
