package org.openita.core.scoring;

import java.util.Map;

/** What is known about one OIT item: its score as given, or the assessor's verdict per component. */
public sealed interface OitEvidence {

    record Score(double value) implements OitEvidence {
    }

    /** true = the component passes. Components not listed have no verdict yet. */
    record Verdicts(Map<String, Boolean> byComponent) implements OitEvidence {
        public Verdicts {
            byComponent = Map.copyOf(byComponent);
        }
    }
}
