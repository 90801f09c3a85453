package org.openita.core.scoring;

import java.util.List;
import java.util.Optional;
import org.openita.core.framework.LevelRule;
import org.openita.core.framework.LocalizedText;

/**
 * The level a result reaches, or why it cannot be decided. When undetermined, {@code missing} names the
 * scores that would decide it.
 */
public record LevelOutcome(LevelRule level, List<String> missing, LocalizedText reason) {

    public LevelOutcome {
        missing = List.copyOf(missing);
    }

    public boolean isDetermined() {
        return level != null;
    }

    public Optional<LevelRule> rule() {
        return Optional.ofNullable(level);
    }
}
