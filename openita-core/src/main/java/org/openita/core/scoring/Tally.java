package org.openita.core.scoring;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/** How many respondents chose each answer option of one question or sub-item. */
public record Tally(Map<String, Long> counts) {

    public Tally {
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            if (e.getValue() == null || e.getValue() < 0) {
                throw new IllegalArgumentException("count of option " + e.getKey() + " must be zero or more");
            }
        }
        counts = Map.copyOf(counts);
    }

    public static Tally of(Map<String, Long> counts) {
        return new Tally(counts);
    }

    /** Counts individual answers (option codes); the order of the answers does not matter. */
    public static Tally ofAnswers(Collection<String> optionCodes) {
        Map<String, Long> m = new TreeMap<>();
        optionCodes.forEach(c -> m.merge(c, 1L, Long::sum));
        return new Tally(m);
    }

    public long total() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

}
