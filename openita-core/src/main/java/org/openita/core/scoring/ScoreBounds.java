package org.openita.core.scoring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openita.core.framework.FrameworkDefinition;
import org.openita.core.framework.Indicator;
import org.openita.core.framework.PartCombination;
import org.openita.core.framework.Tool;
import org.openita.core.framework.ToolPart;

/**
 * The range of values each score (overall, tool, part, indicator) can take given the known figures and the
 * year's relations between scores: the overall is the weighted mean of the tools; a tool is the weighted mean
 * of its indicators, or of its parts when the definition says so; a pooled tool lies between its lowest and
 * its highest part; every score lies in 0-100. A known figure is a two-decimal rounding, so its true value
 * lies in [x - 0.005, x + 0.005). Bounds are narrowed both ways until nothing changes. The narrowing is sound
 * (it never excludes values the relations allow) but not complete: when it finds no contradiction the
 * figures may still be contradictory.
 */
final class ScoreBounds {

    /** The open end of an interval is kept this far inside it. */
    static final double OPEN = 1e-6;
    /** Floating-point slack when two bounds cross. */
    static final double SLACK = 1e-9;
    private static final double CHANGE = 1e-12;
    private static final int MAX_SWEEPS = 2000;

    /** A relation between scores, narrowing their bounds; true when it narrowed something. */
    sealed interface Relation permits Mean, Between {
        boolean narrow(ScoreBounds b);
    }

    /** target = sum of coef[i] * terms[i], the coefficients summing to 1. */
    record Mean(int target, int[] terms, double[] coef) implements Relation {
        @Override
        public boolean narrow(ScoreBounds b) {
            double sumLo = 0;
            double sumHi = 0;
            for (int i = 0; i < terms.length; i++) {
                sumLo += coef[i] * b.lo[terms[i]];
                sumHi += coef[i] * b.hi[terms[i]];
            }
            boolean changed = b.atLeast(target, sumLo) | b.atMost(target, sumHi);
            for (int j = 0; j < terms.length; j++) {
                double restLo = sumLo - coef[j] * b.lo[terms[j]];
                double restHi = sumHi - coef[j] * b.hi[terms[j]];
                changed |= b.atLeast(terms[j], (b.lo[target] - restHi) / coef[j]);
                changed |= b.atMost(terms[j], (b.hi[target] - restLo) / coef[j]);
            }
            return changed;
        }
    }

    /** A pooled total lies between its lowest and its highest part. */
    record Between(int total, int[] parts) implements Relation {
        @Override
        public boolean narrow(ScoreBounds b) {
            double minLo = Double.POSITIVE_INFINITY;
            double maxHi = Double.NEGATIVE_INFINITY;
            for (int p : parts) {
                minLo = Math.min(minLo, b.lo[p]);
                maxHi = Math.max(maxHi, b.hi[p]);
            }
            boolean changed = b.atLeast(total, minLo) | b.atMost(total, maxHi);
            for (int p : parts) {
                boolean othersBelow = true;
                boolean othersAbove = true;
                for (int q : parts) {
                    if (q != p) {
                        othersBelow &= b.hi[q] < b.lo[total];
                        othersAbove &= b.lo[q] > b.hi[total];
                    }
                }
                if (othersBelow) {
                    changed |= b.atLeast(p, b.lo[total]);
                }
                if (othersAbove) {
                    changed |= b.atMost(p, b.hi[total]);
                }
            }
            return changed;
        }
    }

    private final Map<String, Integer> index;
    private final List<Relation> relations;
    private final double[] lo;
    private final double[] hi;
    private final boolean[] known;
    private boolean contradiction;

    private ScoreBounds(Map<String, Integer> index, List<Relation> relations, double[] lo, double[] hi, boolean[] known,
                        boolean contradiction) {
        this.index = index;
        this.relations = relations;
        this.lo = lo;
        this.hi = hi;
        this.known = known;
        this.contradiction = contradiction;
    }

    /** The scores of a year and the relations between them, prepared once per definition. */
    record Model(Map<String, Integer> index, List<Relation> relations) {

        /** The year's scores: overall, tools, parts, indicators and any score a level gate names. */
        static Model of(FrameworkDefinition def) {
            Map<String, Integer> index = new LinkedHashMap<>();
            index.put("overall", 0);
            def.tools().forEach(t -> index.putIfAbsent(t.code().name(), index.size()));
            def.parts().forEach(p -> index.putIfAbsent(p.code(), index.size()));
            def.indicators().forEach(i -> index.putIfAbsent(Integer.toString(i.number()), index.size()));
            def.levelScheme().rules().forEach(r -> r.gates().forEach(g -> g.scores().forEach(k -> index.putIfAbsent(k, index.size()))));
            return new Model(Map.copyOf(index), List.copyOf(ScoreBounds.relations(def, index)));
        }

        /** Scores with no relation between them. */
        static Model unrelated(java.util.Collection<String> keys) {
            Map<String, Integer> index = new LinkedHashMap<>();
            index.put("overall", 0);
            keys.forEach(k -> index.putIfAbsent(k, index.size()));
            return new Model(Map.copyOf(index), List.of());
        }

        /**
         * The bounds the figures leave. Relations are added bottom-up (tools from indicators, tools and parts, then
         * the overall); one that contradicts the figures is left out, so figures that disagree with each other (a
         * published overall that differs from the tools) keep the weight the scorer gives them.
         *
         * @param figures known figures by key: "overall", tool and part codes, indicator numbers; others are ignored
         */
        ScoreBounds bounds(Map<String, Double> figures) {
            return related(start(index, figures, List.of()));
        }

        /** The figures' own rounding intervals, with no relation applied. */
        ScoreBounds figuresAlone(Map<String, Double> figures) {
            return start(index, figures, List.of());
        }

        private ScoreBounds related(ScoreBounds start) {
            ScoreBounds b = start;
            for (Relation r : relations) {
                ScoreBounds tried = b.withRelation(r);
                if (!tried.contradiction) {
                    b = tried;
                }
            }
            return b;
        }
    }

    private static ScoreBounds start(Map<String, Integer> index, Map<String, Double> figures, List<Relation> relations) {
        int n = index.size();
        double[] lo = new double[n];
        double[] hi = new double[n];
        boolean[] known = new boolean[n];
        Arrays.fill(hi, 100.0);
        figures.forEach((k, v) -> {
            if (v != null && index.containsKey(k)) {
                int i = index.get(k);
                double r = Rounding.twoDecimals(v);
                lo[i] = r - 0.005;
                hi[i] = r + 0.005 - OPEN;
                known[i] = true;
            }
        });
        return new ScoreBounds(index, relations, lo, hi, known, false);
    }

    private static List<Relation> relations(FrameworkDefinition def, Map<String, Integer> index) {
        List<Relation> fromIndicators = new ArrayList<>();
        List<Relation> fromParts = new ArrayList<>();
        for (Tool t : def.tools()) {
            int tool = index.get(t.code().name());
            if (t.hasParts() && t.partCombination() == PartCombination.WEIGHTED_MEAN_OF_PARTS) {
                List<ToolPart> parts = t.parts();
                mean(tool, parts.stream().map(p -> index.get(p.code())).toList(), parts.stream().map(ToolPart::weight).toList())
                        .ifPresent(fromParts::add);
                continue;
            }
            List<Indicator> inds = def.indicatorsOf(t.code());
            mean(tool, inds.stream().map(i -> index.get(Integer.toString(i.number()))).toList(),
                    inds.stream().map(Indicator::weight).toList()).ifPresent(fromIndicators::add);
            if (t.hasParts()) {
                fromParts.add(new Between(tool, t.parts().stream().mapToInt(p -> index.get(p.code())).toArray()));
            }
        }
        List<Relation> all = new ArrayList<>(fromIndicators);
        all.addAll(fromParts);
        mean(0, def.tools().stream().map(t -> index.get(t.code().name())).toList(),
                def.tools().stream().map(Tool::weight).toList()).ifPresent(all::add);
        return all;
    }

    private static java.util.Optional<Relation> mean(int target, List<Integer> terms, List<Double> weights) {
        double total = weights.stream().filter(w -> w > 0).mapToDouble(Double::doubleValue).sum();
        List<Integer> kept = new ArrayList<>();
        List<Double> coef = new ArrayList<>();
        for (int i = 0; i < terms.size(); i++) {
            if (weights.get(i) > 0) {
                kept.add(terms.get(i));
                coef.add(weights.get(i) / total);
            }
        }
        if (kept.isEmpty()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Mean(target, kept.stream().mapToInt(Integer::intValue).toArray(),
                coef.stream().mapToDouble(Double::doubleValue).toArray()));
    }

    private ScoreBounds copy(List<Relation> withRelations) {
        return new ScoreBounds(index, withRelations, lo.clone(), hi.clone(), known, contradiction);
    }

    private ScoreBounds withRelation(Relation r) {
        List<Relation> more = new ArrayList<>(relations);
        more.add(r);
        ScoreBounds b = copy(List.copyOf(more));
        b.propagate();
        return b;
    }

    /** These bounds with score {@code key} at least {@code value}, narrowed again. */
    ScoreBounds withAtLeast(String key, double value) {
        ScoreBounds b = copy(relations);
        b.atLeast(index.get(key), value);
        b.propagate();
        return b;
    }

    /** These bounds with score {@code key} below {@code value} (strictly), narrowed again. */
    ScoreBounds withBelow(String key, double value) {
        ScoreBounds b = copy(relations);
        b.atMost(index.get(key), value - OPEN);
        b.propagate();
        return b;
    }

    private void propagate() {
        for (int sweep = 0; sweep < MAX_SWEEPS && !contradiction; sweep++) {
            boolean changed = false;
            for (Relation r : relations) {
                changed |= r.narrow(this);
                if (contradiction) {
                    return;
                }
            }
            if (!changed) {
                return;
            }
        }
    }

    private boolean atLeast(int i, double v) {
        if (v > lo[i] + CHANGE) {
            lo[i] = v;
            check(i);
            return true;
        }
        return false;
    }

    private boolean atMost(int i, double v) {
        if (v < hi[i] - CHANGE) {
            hi[i] = v;
            check(i);
            return true;
        }
        return false;
    }

    private void check(int i) {
        if (lo[i] > hi[i] + SLACK) {
            contradiction = true;
        } else if (lo[i] > hi[i]) {
            double mid = (lo[i] + hi[i]) / 2;
            lo[i] = mid;
            hi[i] = mid;
        }
    }

    /** Whether the narrowing found the figures and added conditions impossible together. */
    boolean contradictory() {
        return contradiction;
    }

    boolean has(String key) {
        return index.containsKey(key);
    }

    /** Whether the score was given as a figure. */
    boolean known(String key) {
        Integer i = index.get(key);
        return i != null && known[i];
    }

    double lo(String key) {
        return lo[index.get(key)];
    }

    double hi(String key) {
        return hi[index.get(key)];
    }
}
