package org.openita.core.scoring;

import java.util.List;
import org.openita.core.framework.FrameworkDefinition;
import org.openita.core.framework.LocalizedText;
import org.openita.core.framework.ToolPart;

/**
 * Entry point of the scoring engine. For one assessment call {@link #score}; to score many under the
 * same framework, build a {@link Scorer} once and reuse it.
 */
public final class ScoringEngine {

    /** Score codes reported for every year, whether or not the year has them. */
    public static final List<String> SCORE_KEYS = List.of("IIT", "EIT", "EIT_PUBLIC", "EIT_SURVEY", "OIT");

    private ScoringEngine() {
    }

    public static ScoreResult score(FrameworkDefinition def, AssessmentInput in) {
        return new Scorer(def).score(in);
    }

    /** The display name of a score code: the tool code, or the part's name. */
    public static LocalizedText scoreName(FrameworkDefinition def, String key) {
        return def.parts().stream().filter(p -> p.code().equals(key)).map(ToolPart::name).findFirst()
                .orElse(LocalizedText.of(key, key));
    }
}
