package org.openita.core.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.openita.core.framework.Gate;
import org.openita.core.framework.LevelRule;
import org.openita.core.framework.LevelScheme;
import org.openita.core.framework.LocalizedText;

/**
 * Classifies an overall score and the tool/part scores by a year's level scheme. Rules are tried in
 * order; a rule whose overall range fits but whose gate needs a score that is not known makes the
 * level undetermined, and the missing scores are named. It never guesses.
 */
public final class LevelClassifier {

    private LevelClassifier() {
    }

    public static LevelOutcome classify(LevelScheme scheme, Double overall, Map<String, Double> scores,
                                        Function<String, LocalizedText> names) {
        if (overall == null) {
            return new LevelOutcome(null, List.of("overall"), LocalizedText.of(
                    "ยังไม่ทราบคะแนนรวม จึงยังจัดระดับไม่ได้",
                    "the overall score is not known, so the level cannot be decided"));
        }
        double o = Rounding.twoDecimals(overall);
        for (LevelRule rule : scheme.rules()) {
            if (o < rule.lowerBound() || o >= rule.upperBound()) {
                continue;
            }
            List<String> missing = new ArrayList<>();
            boolean failed = false;
            for (Gate gate : rule.gates()) {
                for (String key : gate.scores()) {
                    Double v = scores.get(key);
                    if (v == null) {
                        missing.add(key);
                    } else if (Rounding.twoDecimals(v) < gate.atLeast()) {
                        failed = true;
                    }
                }
            }
            if (failed) {
                continue;
            }
            if (!missing.isEmpty()) {
                String th = join(missing, names, true);
                String en = join(missing, names, false);
                return new LevelOutcome(null, missing, LocalizedText.of(
                        "คะแนนรวม " + Rounding.display(o) + " อาจอยู่ในระดับ " + rule.name().th()
                                + " แต่ต้องทราบคะแนน " + th + " ก่อนจึงจะตัดสินได้",
                        "the overall of " + Rounding.display(o) + " may reach " + rule.name().en()
                                + ", but the scores of " + en + " are needed to decide"));
            }
            return new LevelOutcome(rule, List.of(), reason(rule, o, names));
        }
        return new LevelOutcome(null, List.of(), LocalizedText.of(
                "ไม่มีเกณฑ์ระดับใดครอบคลุมคะแนนรวม " + Rounding.display(o),
                "no level rule covers the overall of " + Rounding.display(o)));
    }

    private static LocalizedText reason(LevelRule rule, double o, Function<String, LocalizedText> names) {
        StringBuilder th = new StringBuilder("คะแนนรวม " + Rounding.display(o));
        StringBuilder en = new StringBuilder("overall " + Rounding.display(o));
        if (rule.overallAtLeast() != null) {
            th.append(" ไม่ต่ำกว่า ").append(fmt(rule.overallAtLeast()));
            en.append(" is at least ").append(fmt(rule.overallAtLeast()));
        }
        if (rule.overallBelow() != null) {
            th.append(rule.overallAtLeast() != null ? " และ" : "").append("ต่ำกว่า ").append(fmt(rule.overallBelow()));
            en.append(rule.overallAtLeast() != null ? " and" : " is").append(" below ").append(fmt(rule.overallBelow()));
        }
        for (Gate g : rule.gates()) {
            th.append(" และคะแนน ").append(join(g.scores(), names, true)).append(" ไม่ต่ำกว่า ").append(fmt(g.atLeast())).append(" ทุกรายการ");
            en.append(", and ").append(join(g.scores(), names, false)).append(" are each at least ").append(fmt(g.atLeast()));
        }
        th.append(" จึงอยู่ในระดับ ").append(rule.name().th());
        en.append(": level ").append(rule.name().en());
        return LocalizedText.of(th.toString(), en.toString());
    }

    private static String join(List<String> keys, Function<String, LocalizedText> names, boolean thai) {
        return String.join(", ", keys.stream().map(k -> thai ? names.apply(k).th() : names.apply(k).en()).toList());
    }

    private static String fmt(double v) {
        return Rounding.display(v).stripTrailingZeros().toPlainString();
    }
}
