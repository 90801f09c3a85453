package org.openita.core.scoring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.openita.core.framework.FrameworkDefinition;
import org.openita.core.framework.Gate;
import org.openita.core.framework.LevelRule;
import org.openita.core.framework.LevelScheme;
import org.openita.core.framework.LocalizedText;
import org.openita.core.framework.Tool;
import org.openita.core.framework.ToolPart;

/**
 * Classifies a result by a year's level scheme. A level is decided when every value of the unknown scores
 * that is consistent with the known figures (see {@link ScoreBounds}) leads to the same rule: rules are tried
 * in order, and the level is rule k when every earlier rule is impossible and every condition of rule k holds
 * throughout. Otherwise the level is undetermined, and the unknown scores whose conditions are still open are
 * named. Comparisons are on two-decimal figures: a score passes "at least 85" when it rounds to 85.00 or more.
 */
public final class LevelClassifier {

    private LevelClassifier() {
    }

    /** Classifies under one definition, its relations prepared once: build one per definition and reuse it. */
    public static Prepared forDefinition(FrameworkDefinition def) {
        Map<String, List<String>> pooled = new LinkedHashMap<>();
        for (Tool t : def.tools()) {
            if (t.hasParts()) {
                pooled.put(t.code().name(), t.parts().stream().map(ToolPart::code).toList());
            }
        }
        List<String> conditionKeys = new ArrayList<>();
        conditionKeys.add("overall");
        def.levelScheme().rules().forEach(r -> r.gates().forEach(g -> conditionKeys.addAll(g.scores())));
        return new Prepared(def.levelScheme(), ScoreBounds.Model.of(def), Map.copyOf(pooled), List.copyOf(conditionKeys));
    }

    /**
     * @param figures the figures known to two decimals (given, or computed from answers and verdicts), by key:
     *        "overall", tool and part codes, indicator numbers
     * @param shown the figures a reader sees (known or computed from known ones), used to word the reason
     */
    public static LevelOutcome classify(FrameworkDefinition def, Map<String, Double> figures, Map<String, Double> shown,
                                        Function<String, LocalizedText> names) {
        return forDefinition(def).classify(figures, shown, names);
    }

    /** Classifies the overall and tool/part scores alone, with no relation between them. */
    public static LevelOutcome classify(LevelScheme scheme, Double overall, Map<String, Double> scores,
                                        Function<String, LocalizedText> names) {
        Map<String, Double> figures = new LinkedHashMap<>(scores);
        figures.put("overall", overall);
        scheme.rules().forEach(r -> r.gates().forEach(g -> g.scores().forEach(k -> figures.putIfAbsent(k, null))));
        ScoreBounds b = ScoreBounds.Model.unrelated(figures.keySet()).bounds(figures);
        return new Decision(scheme, b, figures, names, Map.of()).outcome();
    }

    /** A classifier for one definition. Immutable and safe to share between threads. */
    public static final class Prepared {
        private final LevelScheme scheme;
        private final ScoreBounds.Model model;
        private final Map<String, List<String>> pooled;
        private final List<String> conditionKeys;

        private Prepared(LevelScheme scheme, ScoreBounds.Model model, Map<String, List<String>> pooled, List<String> conditionKeys) {
            this.scheme = scheme;
            this.model = model;
            this.pooled = pooled;
            this.conditionKeys = conditionKeys;
        }

        /** See {@link LevelClassifier#classify(FrameworkDefinition, Map, Map, Function)}. */
        public LevelOutcome classify(Map<String, Double> figures, Map<String, Double> shown, Function<String, LocalizedText> names) {
            // when the overall and every gate score are known, each condition is settled by its own figure
            boolean direct = conditionKeys.stream().allMatch(k -> figures.get(k) != null);
            ScoreBounds b = direct ? model.figuresAlone(figures) : model.bounds(figures);
            return new Decision(scheme, b, shown, names, pooled).outcome();
        }
    }

    /** One condition of a rule on a two-decimal figure: at least {@code at} - 0.005, or below it. */
    record Condition(String key, double threshold, boolean atLeast) {

        double at() {
            return threshold - 0.005;
        }

        ScoreBounds assume(ScoreBounds b) {
            return atLeast ? b.withAtLeast(key, at()) : b.withBelow(key, at());
        }

        ScoreBounds assumeNot(ScoreBounds b) {
            return atLeast ? b.withBelow(key, at()) : b.withAtLeast(key, at());
        }

        static List<Condition> of(LevelRule rule) {
            List<Condition> out = new ArrayList<>();
            if (rule.overallAtLeast() != null) {
                out.add(new Condition("overall", rule.overallAtLeast(), true));
            }
            if (rule.overallBelow() != null) {
                out.add(new Condition("overall", rule.overallBelow(), false));
            }
            for (Gate g : rule.gates()) {
                g.scores().forEach(k -> out.add(new Condition(k, g.atLeast(), true)));
            }
            return out;
        }
    }

    private static final class Decision {
        private final LevelScheme scheme;
        private final ScoreBounds base;
        private final LevelReasons words;
        private final Map<String, List<String>> pooled;

        Decision(LevelScheme scheme, ScoreBounds base, Map<String, Double> shown, Function<String, LocalizedText> names,
                 Map<String, List<String>> pooled) {
            this.scheme = scheme;
            this.base = base;
            this.words = new LevelReasons(base, shown, names);
            this.pooled = pooled;
        }

        LevelOutcome outcome() {
            List<LevelRule> rules = scheme.rules();
            int first = -1;
            for (int i = 0; i < rules.size() && first < 0; i++) {
                if (!impossible(rules.get(i))) {
                    first = i;
                }
            }
            if (first < 0) {
                return new LevelOutcome(null, List.of(), words.noRuleCovers());
            }
            LevelRule rule = rules.get(first);
            if (certain(rule)) {
                List<LocalizedText> notes = new ArrayList<>();
                rules.subList(0, first).forEach(r -> notes.addAll(whyNot(r)));
                Condition.of(rule).stream().filter(c -> !c.key().equals("overall"))
                        .forEach(c -> words.inferred(c.key(), null).ifPresent(notes::add));
                return new LevelOutcome(rule, List.of(), words.decided(rule, notes));
            }
            List<LevelRule> candidates = new ArrayList<>();
            Set<String> missing = new LinkedHashSet<>();
            for (LevelRule r : rules.subList(first, rules.size())) {
                if (impossible(r)) {
                    continue;
                }
                candidates.add(r);
                for (Condition c : Condition.of(r)) {
                    if (!c.assume(base).contradictory() && !c.assumeNot(base).contradictory()) {
                        missing.add(c.key());
                    }
                }
                if (certain(r)) {
                    break;
                }
            }
            List<String> ordered = new ArrayList<>(missing);
            ordered.sort(Comparator.comparingInt(LevelClassifier::order));
            return new LevelOutcome(null, ordered, words.undetermined(candidates, ordered));
        }

        private boolean impossible(LevelRule rule) {
            ScoreBounds b = base;
            for (Condition c : Condition.of(rule)) {
                b = c.assume(b);
                if (b.contradictory()) {
                    return true;
                }
            }
            return b.contradictory();
        }

        private boolean certain(LevelRule rule) {
            return Condition.of(rule).stream().allMatch(c -> c.assumeNot(base).contradictory());
        }

        /** Why an earlier rule cannot hold, when that takes inference; empty when the figures show it. */
        private List<LocalizedText> whyNot(LevelRule rule) {
            for (Condition c : Condition.of(rule)) {
                if (c.assume(base).contradictory()) {
                    if (c.key().equals("overall")) {
                        return List.of();
                    }
                    return words.inferred(c.key(), c.threshold()).map(List::of).orElse(List.of());
                }
            }
            for (Gate g : rule.gates()) {
                for (Map.Entry<String, List<String>> e : pooled.entrySet()) {
                    if (g.scores().containsAll(e.getValue()) && base.hi(e.getKey()) < g.atLeast() - 0.005) {
                        return List.of(words.somePartBelow(e.getKey(), g.atLeast()));
                    }
                }
            }
            List<String> open = new ArrayList<>();
            for (Gate g : rule.gates()) {
                g.scores().stream().filter(k -> !new Condition(k, g.atLeast(), true).assumeNot(base).contradictory())
                        .forEach(open::add);
            }
            double at = rule.gates().isEmpty() ? 0 : rule.gates().get(0).atLeast();
            return List.of(words.oneOfBelow(rule, open, at));
        }
    }

    private static int order(String key) {
        if (key.equals("overall")) {
            return -1;
        }
        int i = ScoringEngine.SCORE_KEYS.indexOf(key);
        return i < 0 ? ScoringEngine.SCORE_KEYS.size() : i;
    }
}
