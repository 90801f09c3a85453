package org.openita.core.framework;

import java.util.List;
import java.util.Optional;

/** The ordered level rules of a year, best level first; the first rule that holds gives the level. */
public record LevelScheme(double target, List<LevelRule> rules, Provenance provenance) {

    public LevelScheme {
        rules = List.copyOf(rules);
    }

    public Optional<LevelRule> find(String codeOrName) {
        return rules.stream()
                .filter(r -> r.code().equalsIgnoreCase(codeOrName) || r.name().th().equals(codeOrName)
                        || r.name().en().equalsIgnoreCase(codeOrName))
                .findFirst();
    }

    /** Rank of a level, 0 being the best. */
    public int rank(LevelRule rule) {
        return rules.indexOf(rule);
    }
}
