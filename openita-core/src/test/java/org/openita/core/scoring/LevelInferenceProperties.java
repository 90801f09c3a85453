package org.openita.core.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.openita.core.framework.FiscalYear;
import org.openita.core.framework.FrameworkDefinition;
import org.openita.core.framework.FrameworkLoader;
import org.openita.core.framework.Gate;
import org.openita.core.framework.Indicator;
import org.openita.core.framework.LevelRule;
import org.openita.core.framework.PartCombination;
import org.openita.core.framework.Tool;
import org.openita.core.framework.ToolPart;

/**
 * A decided level must be the level of every completion of the hidden figures that agrees with the shown
 * ones. For every shipped year, a seeded generator makes full true score sets, shows some figures rounded to
 * two decimals and hides the rest, scores what is shown, and, whenever a level is decided, samples completions
 * consistent with the shown figures and checks that each has that level under the full-information rule.
 */
class LevelInferenceProperties {

    private static final long SEED = 0x17A_2568L;
    private static final int CASES_PER_YEAR = 200;
    private static final int ATTEMPTS_PER_CASE = 100;
    private static final int CLIMB_STEPS = 80;

    /** A full set of true scores: indicators, tools and parts, overall; with how each pooled tool splits. */
    record Truth(Map<Integer, Double> indicators, Map<String, Double> tools, double overall) {

        Map<String, Double> figures() {
            Map<String, Double> all = new LinkedHashMap<>(tools);
            indicators.forEach((n, v) -> all.put(Integer.toString(n), v));
            all.put("overall", overall);
            return all;
        }
    }

    /** What a classifier under test says for the shown figures: a level code, or null when undetermined. */
    interface Classifier {
        String level(FrameworkDefinition def, Map<String, Double> shown);
    }

    /** One generated case and what was found about it. */
    record Outcome(int year, Map<String, Double> shown, String decided, Set<String> completionLevels, int accepted,
                   boolean allGateFiguresShown) {
    }

    private static final Map<Integer, Scorer> SCORERS = new LinkedHashMap<>();

    private static Scorer scorer(int year) {
        return SCORERS.computeIfAbsent(year, y -> new Scorer(FrameworkLoader.shipped(y)));
    }

    /** The production path: the shown figures go through the scorer as an imported result would. */
    static final Classifier REAL = (def, shown) -> {
        Map<Integer, Double> inds = new LinkedHashMap<>();
        Map<String, Double> tools = new LinkedHashMap<>();
        shown.forEach((k, v) -> {
            if (Character.isDigit(k.charAt(0))) {
                inds.put(Integer.parseInt(k), v);
            } else if (!k.equals("overall")) {
                tools.put(k, v);
            }
        });
        AssessmentInput in = AssessmentInput.empty(FiscalYear.of(def.year().buddhistEra()))
                .withIndicators(inds).withTools(tools);
        if (shown.containsKey("overall")) {
            in = in.withOverall(shown.get("overall"));
        }
        LevelOutcome o = scorer(def.year().buddhistEra()).score(in).level();
        return o.isDetermined() ? o.level().code() : null;
    };

    @Test
    void aDecidedLevelIsTheLevelOfEveryConsistentCompletion() {
        List<Outcome> outcomes = run(REAL, CASES_PER_YEAR, FrameworkLoader.shippedYears());
        List<String> wrong = violations(outcomes);
        assertThat(wrong).as("decided levels contradicted by a consistent completion").isEmpty();

        long decided = outcomes.stream().filter(o -> o.decided() != null).count();
        long checked = outcomes.stream().filter(o -> o.decided() != null && o.accepted() > 1).count();
        long full = outcomes.stream().filter(Outcome::allGateFiguresShown).count();
        long fullDecided = outcomes.stream().filter(o -> o.allGateFiguresShown() && o.decided() != null).count();
        long partial = outcomes.stream().filter(o -> !o.allGateFiguresShown()).count();
        long partialDecided = outcomes.stream().filter(o -> !o.allGateFiguresShown() && o.decided() != null).count();
        long undecided = outcomes.size() - decided;
        long confirmedOpen = outcomes.stream().filter(o -> o.decided() == null && o.completionLevels().size() > 1).count();
        System.out.printf("level inference: %d cases, %d decided (%d checked against sampled completions), "
                        + "all gate figures shown %d/%d decided, some hidden %d/%d decided, undetermined %d of which "
                        + "%d shown open by two completions with different levels%n",
                outcomes.size(), decided, checked, fullDecided, full, partialDecided, partial, undecided, confirmedOpen);
        assertThat(fullDecided).as("every case with the overall and every gate score shown is decided").isEqualTo(full);
        assertThat(checked).as("decided cases actually checked by sampling").isGreaterThan(decided / 2);
        assertThat(partialDecided).as("cases decided although a gate score or the overall is hidden")
                .isGreaterThan(partial / 4);
        assertThat(confirmedOpen).as("undetermined cases that sampling shows are really open")
                .isGreaterThan(undecided / 2);
    }

    @Test
    void theCheckCatchesAClassifierThatGuesses() {
        Classifier guessing = (def, shown) -> {
            String real = REAL.level(def, shown);
            if (real != null) {
                return real;
            }
            // decide anyway, as the classifier did before the overall was known: the best level the overall allows
            Double o = shown.get("overall");
            return def.levelScheme().rules().stream().filter(r -> o == null || (Rounding.twoDecimals(o) >= r.lowerBound()
                    && Rounding.twoDecimals(o) < r.upperBound())).map(LevelRule::code).findFirst().orElse(null);
        };
        assertThat(violations(run(guessing, CASES_PER_YEAR / 4, FrameworkLoader.shippedYears()))).isNotEmpty();
    }

    @Test
    void theCheckCatchesAClassifierThatReadsATotalBelowTheGateAsEveryPartBelow() {
        // a subtler mistake: take the shown total of a tool with parts as if it were each part's score
        Classifier partsFromTotal = (def, shown) -> {
            Map<String, Double> more = new LinkedHashMap<>(shown);
            for (Tool t : def.tools()) {
                if (t.hasParts() && shown.containsKey(t.code().name())) {
                    t.parts().forEach(p -> more.putIfAbsent(p.code(), shown.get(t.code().name())));
                }
            }
            return REAL.level(def, more);
        };
        assertThat(violations(run(partsFromTotal, CASES_PER_YEAR, List.of(2568)))).isNotEmpty();
    }

    static List<String> violations(List<Outcome> outcomes) {
        List<String> out = new ArrayList<>();
        for (Outcome o : outcomes) {
            if (o.decided() != null && !Set.of(o.decided()).containsAll(o.completionLevels())) {
                out.add(o.year() + " " + o.shown() + " decided " + o.decided() + " but completions give " + o.completionLevels());
            }
        }
        return out;
    }

    static List<Outcome> run(Classifier classifier, int casesPerYear, List<Integer> years) {
        List<Outcome> out = new ArrayList<>();
        for (int year : years) {
            FrameworkDefinition def = FrameworkLoader.shipped(year);
            SplittableRandom rnd = new SplittableRandom(SEED + year);
            for (int c = 0; c < casesPerYear; c++) {
                out.add(oneCase(def, classifier, rnd));
            }
        }
        return out;
    }

    private static Outcome oneCase(FrameworkDefinition def, Classifier classifier, SplittableRandom rnd) {
        double[] centres = {rnd.nextDouble(80, 100), rnd.nextDouble(93, 97), rnd.nextDouble(83, 87), rnd.nextDouble(0, 100)};
        double centre = centres[rnd.nextInt(centres.length)];
        double spread = new double[] {0.3, 2, 8}[rnd.nextInt(3)];
        Truth truth = generate(def, rnd, centre, spread, null, 0);
        if (rnd.nextInt(3) == 0) {
            truth = nearAThreshold(def, truth, rnd);
        }
        double showShare = new double[] {0.15, 0.4, 0.7, 0.9}[rnd.nextInt(4)];
        Map<String, Double> shown = new LinkedHashMap<>();
        truth.figures().forEach((k, v) -> {
            if (rnd.nextDouble() < showShare) {
                shown.put(k, Rounding.twoDecimals(v));
            }
        });
        boolean allGates = shown.containsKey("overall") && gateKeys(def).stream().allMatch(shown::containsKey);
        String decided = classifier.level(def, shown);
        Set<String> levels = new HashSet<>();
        levels.add(String.valueOf(levelOf(def, truth)));
        int accepted = 1;
        for (int a = 0; a < ATTEMPTS_PER_CASE; a++) {
            Truth t = complete(def, truth, shown, rnd);
            if (agrees(t, shown)) {
                accepted++;
                levels.add(String.valueOf(levelOf(def, t)));
            }
        }
        if (decided != null) {
            List<String> keys = new ArrayList<>(gateKeys(def));
            keys.add("overall");
            for (String key : keys) {
                accepted += climb(def, truth, shown, key, true, rnd, levels);
                accepted += climb(def, truth, shown, key, false, rnd, levels);
            }
        }
        return new Outcome(def.year().buddhistEra(), shown, decided, levels, accepted, allGates);
    }

    /**
     * The same scores with one tool moved to within a hundredth of a threshold's rounding edge (85 - 0.005, say),
     * where the rounding of every figure matters.
     */
    private static Truth nearAThreshold(FrameworkDefinition def, Truth truth, SplittableRandom rnd) {
        List<Double> thresholds = new ArrayList<>();
        for (LevelRule r : def.levelScheme().rules()) {
            r.gates().forEach(g -> thresholds.add(g.atLeast()));
            if (r.overallAtLeast() != null) {
                thresholds.add(r.overallAtLeast());
            }
        }
        Tool t = def.tools().get(rnd.nextInt(def.tools().size()));
        if (thresholds.isEmpty() || (t.hasParts() && t.partCombination() == PartCombination.WEIGHTED_MEAN_OF_PARTS)) {
            return truth;
        }
        double target = thresholds.get(rnd.nextInt(thresholds.size())) - 0.005 + rnd.nextDouble(-0.01, 0.01);
        double by = target - truth.tools().get(t.code().name());
        Map<Integer, Double> inds = new LinkedHashMap<>(truth.indicators());
        Map<String, Double> dev = new LinkedHashMap<>();
        for (Tool x : def.tools()) {
            for (ToolPart p : x.parts()) {
                dev.put(p.code(), truth.tools().get(p.code()) - truth.tools().get(x.code().name()));
            }
        }
        for (Indicator i : def.indicatorsOf(t.code())) {
            inds.put(i.number(), inds.get(i.number()) + by);
        }
        Truth moved = fromState(def, inds, dev);
        return moved == null || !agrees(moved, Map.of()) ? truth : moved;
    }

    /** Every score a gate of the year names. */
    private static Set<String> gateKeys(FrameworkDefinition def) {
        Set<String> keys = new HashSet<>();
        def.levelScheme().rules().forEach(r -> r.gates().forEach(g -> keys.addAll(g.scores())));
        return keys;
    }

    /**
     * True scores: indicators around a centre (or around {@code near}'s indicators when given, moved by up to
     * {@code jitter}); tools and the overall as the year's weighted means; a pooled tool's parts spread around
     * its total with random respondent shares, so the total is their pooled mean.
     */
    private static Truth generate(FrameworkDefinition def, SplittableRandom rnd, double centre, double spread, Truth near,
                                  double jitter) {
        Map<Integer, Double> inds = new LinkedHashMap<>();
        for (Indicator i : def.indicators()) {
            double v = near == null ? centre + spread * gaussian(rnd) : near.indicators().get(i.number()) + jitter * gaussian(rnd);
            inds.put(i.number(), clamp(v));
        }
        return derive(def, rnd, inds, near, jitter);
    }

    private static Truth derive(FrameworkDefinition def, SplittableRandom rnd, Map<Integer, Double> inds, Truth near,
                                double jitter) {
        Map<String, Double> tools = new LinkedHashMap<>();
        for (Tool t : def.tools()) {
            List<Indicator> list = def.indicatorsOf(t.code());
            if (t.hasParts() && t.partCombination() == PartCombination.WEIGHTED_MEAN_OF_PARTS) {
                double sum = 0;
                double w = 0;
                for (ToolPart p : t.parts()) {
                    double v = clamp(near != null && rnd.nextBoolean() ? near.tools().get(p.code()) + jitter * gaussian(rnd)
                            : rnd.nextDouble(0, 100));
                    tools.put(p.code(), v);
                    sum += p.weight() * v;
                    w += p.weight();
                }
                tools.put(t.code().name(), sum / w);
                continue;
            }
            double sum = 0;
            double w = 0;
            for (Indicator i : list) {
                sum += i.weight() * inds.get(i.number());
                w += i.weight();
            }
            double total = sum / w;
            tools.put(t.code().name(), total);
            if (t.hasParts() && !(near != null && rnd.nextBoolean() && nearSplit(t, total, near, jitter, rnd, tools))) {
                splitPooled(t, total, rnd, tools);
            }
        }
        double sum = 0;
        double w = 0;
        for (Tool t : def.tools()) {
            sum += t.weight() * tools.get(t.code().name());
            w += t.weight();
        }
        return new Truth(inds, tools, sum / w);
    }

    /** Parts at the same distance from the total as in {@code near}, moved by up to {@code jitter}, when the total stays between them. */
    private static boolean nearSplit(Tool t, double total, Truth near, double jitter, SplittableRandom rnd, Map<String, Double> tools) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        Map<String, Double> parts = new LinkedHashMap<>();
        for (ToolPart p : t.parts()) {
            double v = total + near.tools().get(p.code()) - near.tools().get(t.code().name()) + jitter * gaussian(rnd);
            parts.put(p.code(), v);
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        if (min > total || max < total || min < 0 || max > 100) {
            return false;
        }
        tools.putAll(parts);
        return true;
    }

    /** Parts p_i = total + e_i - sum(a_j e_j) with respondent shares a: their pooled mean is the total. */
    private static void splitPooled(Tool t, double total, SplittableRandom rnd, Map<String, Double> tools) {
        int n = t.parts().size();
        double[] share = new double[n];
        double shareSum = 0;
        for (int i = 0; i < n; i++) {
            share[i] = rnd.nextDouble(0.05, 1);
            shareSum += share[i];
        }
        double scale = new double[] {0.2, 3, 15, 40}[rnd.nextInt(4)];
        double[] e = new double[n];
        double mean = 0;
        for (int i = 0; i < n; i++) {
            e[i] = scale * gaussian(rnd);
            mean += share[i] / shareSum * e[i];
        }
        for (int shrink = 0; shrink < 60; shrink++) {
            boolean inside = true;
            for (int i = 0; i < n; i++) {
                double v = total + (e[i] - mean) * Math.pow(0.5, shrink);
                inside &= v >= 0 && v <= 100;
            }
            if (inside) {
                for (int i = 0; i < n; i++) {
                    tools.put(t.parts().get(i).code(), total + (e[i] - mean) * Math.pow(0.5, shrink));
                }
                return;
            }
        }
        t.parts().forEach(p -> tools.put(p.code(), total));
    }

    /**
     * A candidate completion: shown indicators anywhere within their rounding, hidden ones near the truth or far
     * from it; sometimes one tool's hidden indicators move up while another's move down so the overall stays put.
     */
    private static Truth complete(FrameworkDefinition def, Truth truth, Map<String, Double> shown, SplittableRandom rnd) {
        double jitter = new double[] {0.001, 0.004, 0.02, 0.3, 3, 20}[rnd.nextInt(6)];
        Map<Integer, Double> inds = new LinkedHashMap<>();
        for (Map.Entry<Integer, Double> e : truth.indicators().entrySet()) {
            Double s = shown.get(Integer.toString(e.getKey()));
            inds.put(e.getKey(), s != null ? s - 0.005 + rnd.nextDouble() * 0.00999999 : clamp(e.getValue() + jitter * gaussian(rnd)));
        }
        if (rnd.nextInt(3) == 0) {
            // far from the truth: a tool whose figure is hidden gets its hidden indicators around a new centre
            for (Tool t : def.tools()) {
                if (!shown.containsKey(t.code().name()) && rnd.nextBoolean()) {
                    double centre = rnd.nextDouble(0, 100);
                    for (Indicator i : def.indicatorsOf(t.code())) {
                        if (!shown.containsKey(Integer.toString(i.number()))) {
                            inds.put(i.number(), clamp(centre + 2 * gaussian(rnd)));
                        }
                    }
                }
            }
        }
        if (rnd.nextBoolean() && def.tools().size() > 1) {
            Tool a = def.tools().get(rnd.nextInt(def.tools().size()));
            Tool b = def.tools().get(rnd.nextInt(def.tools().size()));
            double movedA = hiddenWeight(def, a, shown);
            double movedB = hiddenWeight(def, b, shown);
            if (a != b && movedA > 0 && movedB > 0) {
                double da = rnd.nextDouble(-25, 25);
                double db = -a.weight() * movedA * da / (b.weight() * movedB);
                shift(def, a, shown, inds, da);
                shift(def, b, shown, inds, db);
            }
        }
        return derive(def, rnd, inds, truth, jitter);
    }

    /** The share of a tool's indicator weight that is hidden, so the tool moves by that share of a shift. */
    private static double hiddenWeight(FrameworkDefinition def, Tool t, Map<String, Double> shown) {
        double all = 0;
        double hidden = 0;
        for (Indicator i : def.indicatorsOf(t.code())) {
            all += i.weight();
            if (!shown.containsKey(Integer.toString(i.number()))) {
                hidden += i.weight();
            }
        }
        return all == 0 ? 0 : hidden / all;
    }

    private static void shift(FrameworkDefinition def, Tool t, Map<String, Double> shown, Map<Integer, Double> inds, double by) {
        for (Indicator i : def.indicatorsOf(t.code())) {
            if (!shown.containsKey(Integer.toString(i.number()))) {
                inds.put(i.number(), inds.get(i.number()) + by);
            }
        }
    }

    /**
     * Pushes one score as far up (or down) as the shown figures allow, by small random moves that keep every
     * shown figure's rounding: an indicator moved (a shown one anywhere within its rounding), two indicators of
     * different tools moved in opposite directions, or a pooled part moved away from or towards its total.
     * Records the level of every completion it passes through; returns how many it accepted.
     */
    private static int climb(FrameworkDefinition def, Truth truth, Map<String, Double> shown, String key, boolean up,
                             SplittableRandom rnd, Set<String> levels) {
        Map<Integer, Double> inds = new LinkedHashMap<>(truth.indicators());
        Map<String, Double> dev = new LinkedHashMap<>();
        for (Tool t : def.tools()) {
            double base = t.partCombination() == PartCombination.POOLED ? truth.tools().get(t.code().name()) : 0;
            for (ToolPart p : t.parts()) {
                dev.put(p.code(), truth.tools().get(p.code()) - base);
            }
        }
        List<Integer> numbers = new ArrayList<>(inds.keySet());
        List<String> parts = new ArrayList<>(dev.keySet());
        double best = value(truth, key);
        int accepted = 0;
        for (int step = 0; step < CLIMB_STEPS; step++) {
            double size = new double[] {0.0005, 0.003, 0.02, 0.2, 2, 15}[rnd.nextInt(6)];
            Map<Integer, Double> ci = new LinkedHashMap<>(inds);
            Map<String, Double> cd = new LinkedHashMap<>(dev);
            int move = rnd.nextInt(parts.isEmpty() ? 2 : 3);
            if (move == 0) {
                moveIndicator(ci, numbers.get(rnd.nextInt(numbers.size())), shown, size * gaussian(rnd), rnd);
            } else if (move == 1) {
                double by = size * gaussian(rnd);
                moveIndicator(ci, numbers.get(rnd.nextInt(numbers.size())), shown, by, rnd);
                moveIndicator(ci, numbers.get(rnd.nextInt(numbers.size())), shown, -by * rnd.nextDouble(0.3, 3), rnd);
            } else {
                String p = parts.get(rnd.nextInt(parts.size()));
                cd.put(p, cd.get(p) + size * gaussian(rnd));
            }
            Truth t = fromState(def, ci, cd);
            if (t == null || !agrees(t, shown)) {
                continue;
            }
            accepted++;
            levels.add(String.valueOf(levelOf(def, t)));
            double v = value(t, key);
            if (up ? v >= best : v <= best) {
                best = v;
                inds = ci;
                dev = cd;
            }
        }
        return accepted;
    }

    private static void moveIndicator(Map<Integer, Double> inds, int number, Map<String, Double> shown, double by,
                                      SplittableRandom rnd) {
        Double s = shown.get(Integer.toString(number));
        inds.put(number, s != null && rnd.nextBoolean() ? s - 0.005 + rnd.nextDouble() * 0.00999999 : inds.get(number) + by);
    }

    private static double value(Truth t, String key) {
        return key.equals("overall") ? t.overall() : t.tools().get(key);
    }

    /** The completion an indicator set and part offsets give, or null when a pooled total falls outside its parts. */
    private static Truth fromState(FrameworkDefinition def, Map<Integer, Double> inds, Map<String, Double> dev) {
        Map<String, Double> tools = new LinkedHashMap<>();
        for (Tool t : def.tools()) {
            if (t.hasParts() && t.partCombination() == PartCombination.WEIGHTED_MEAN_OF_PARTS) {
                double sum = 0;
                double w = 0;
                for (ToolPart p : t.parts()) {
                    tools.put(p.code(), dev.get(p.code()));
                    sum += p.weight() * dev.get(p.code());
                    w += p.weight();
                }
                tools.put(t.code().name(), sum / w);
                continue;
            }
            double sum = 0;
            double w = 0;
            for (Indicator i : def.indicatorsOf(t.code())) {
                sum += i.weight() * inds.get(i.number());
                w += i.weight();
            }
            double total = sum / w;
            tools.put(t.code().name(), total);
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (ToolPart p : t.parts()) {
                double d = dev.get(p.code());
                tools.put(p.code(), total + d);
                min = Math.min(min, d);
                max = Math.max(max, d);
            }
            if (t.hasParts() && (min > 0 || max < 0)) {
                return null;
            }
        }
        double sum = 0;
        double w = 0;
        for (Tool t : def.tools()) {
            sum += t.weight() * tools.get(t.code().name());
            w += t.weight();
        }
        return new Truth(inds, tools, sum / w);
    }

    /** Whether every shown figure is the two-decimal rounding of the completion's value, all in 0-100. */
    private static boolean agrees(Truth t, Map<String, Double> shown) {
        Map<String, Double> all = t.figures();
        for (Double v : all.values()) {
            if (v < 0 || v > 100) {
                return false;
            }
        }
        for (Map.Entry<String, Double> e : shown.entrySet()) {
            if (Rounding.twoDecimals(all.get(e.getKey())) != e.getValue()) {
                return false;
            }
        }
        return true;
    }

    /** The full-information level, written here from the rule's wording rather than taken from the classifier. */
    static String levelOf(FrameworkDefinition def, Truth t) {
        double o = Rounding.twoDecimals(t.overall());
        for (LevelRule r : def.levelScheme().rules()) {
            if (o < r.lowerBound() || o >= r.upperBound()) {
                continue;
            }
            boolean gates = true;
            for (Gate g : r.gates()) {
                for (String k : g.scores()) {
                    gates &= Rounding.twoDecimals(t.tools().get(k)) >= g.atLeast();
                }
            }
            if (gates) {
                return r.code();
            }
        }
        return null;
    }

    private static double gaussian(SplittableRandom rnd) {
        double u = 1 - rnd.nextDouble();
        double v = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(100, v));
    }
}
