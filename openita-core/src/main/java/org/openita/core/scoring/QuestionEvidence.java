package org.openita.core.scoring;

import java.util.Map;

/** What is known about one survey question: its published score, or answer tallies. */
public sealed interface QuestionEvidence {

    /** The key used for "no particular part" or "no sub-item". */
    String WHOLE = "";

    /** A question score taken as given (e.g. from official results). */
    record Score(double value) implements QuestionEvidence {
    }

    /**
     * Answer tallies by tool part (key {@link #WHOLE} when the part is not known) and by sub-item (key
     * {@link #WHOLE} for a question without sub-items).
     */
    record Tallies(Map<String, Map<String, Tally>> byPart) implements QuestionEvidence {
        public Tallies {
            byPart = Map.copyOf(byPart);
        }

        public static Tallies whole(Tally tally) {
            return new Tallies(Map.of(WHOLE, Map.of(WHOLE, tally)));
        }
    }
}
