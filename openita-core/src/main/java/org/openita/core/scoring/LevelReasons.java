package org.openita.core.scoring;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.openita.core.framework.Gate;
import org.openita.core.framework.LevelRule;
import org.openita.core.framework.LocalizedText;

/** The short Thai and English sentences that say why a level is, or is not yet, decided. */
final class LevelReasons {

    private final ScoreBounds bounds;
    private final Map<String, Double> shown;
    private final Function<String, LocalizedText> names;

    LevelReasons(ScoreBounds bounds, Map<String, Double> shown, Function<String, LocalizedText> names) {
        this.bounds = bounds;
        this.shown = shown;
        this.names = names;
    }

    LocalizedText decided(LevelRule rule, List<LocalizedText> notes) {
        StringBuilder th = new StringBuilder();
        StringBuilder en = new StringBuilder();
        for (LocalizedText n : notes.stream().distinct().toList()) {
            th.append(n.th()).append(' ');
            en.append(n.en()).append("; ");
        }
        boolean given = shown.get("overall") != null;
        LocalizedText o = overall();
        th.append(o.th()).append(given ? " " : " ซึ่ง");
        en.append(o.en()).append(given ? " is" : ", so it is");
        if (rule.overallAtLeast() != null) {
            th.append("ไม่ต่ำกว่า ").append(fmt(rule.overallAtLeast()));
            en.append(" at least ").append(fmt(rule.overallAtLeast()));
        }
        if (rule.overallBelow() != null) {
            th.append(rule.overallAtLeast() != null ? " และ" : "").append("ต่ำกว่า ").append(fmt(rule.overallBelow()));
            en.append(rule.overallAtLeast() != null ? " and" : "").append(" below ").append(fmt(rule.overallBelow()));
        }
        for (Gate g : rule.gates()) {
            th.append(" และคะแนน ").append(join(g.scores(), true)).append(" ไม่ต่ำกว่า ").append(fmt(g.atLeast())).append(" ทุกรายการ");
            en.append(", and ").append(join(g.scores(), false)).append(" are each at least ").append(fmt(g.atLeast()));
        }
        th.append(" จึงอยู่ในระดับ ").append(rule.name().th());
        en.append(": level ").append(rule.name().en());
        return LocalizedText.of(th.toString(), en.toString());
    }

    LocalizedText undetermined(List<LevelRule> candidates, List<String> missing) {
        boolean overallMissing = missing.contains("overall");
        List<String> scores = missing.stream().filter(k -> !k.equals("overall")).toList();
        String levelsTh = alternatives(candidates.stream().map(r -> r.name().th()).toList(), " หรือ ");
        String levelsEn = alternatives(candidates.stream().map(r -> r.name().en()).toList(), " or ");
        String needTh = (overallMissing ? "คะแนนรวม" + (scores.isEmpty() ? "" : " และ") : "")
                + (scores.isEmpty() ? "" : "คะแนน " + join(scores, true));
        String needEn = (overallMissing ? "the overall" + (scores.isEmpty() ? "" : " and ") : "")
                + (scores.isEmpty() ? "" : "the scores of " + join(scores, false));
        Double o = shown.get("overall");
        String th = (o != null ? "คะแนนรวม " + Rounding.display(o) + " " : overallMissing ? "ยังไม่ทราบคะแนนรวม " : "")
                + "อาจอยู่ในระดับ " + levelsTh + " ต้องทราบ" + needTh + " ก่อนจึงจะตัดสินได้";
        String en = (o != null ? "with an overall of " + Rounding.display(o) + " the level" : overallMissing
                ? "the overall is not known; the level" : "the level")
                + " may be " + levelsEn + "; " + needEn + (scores.size() + (overallMissing ? 1 : 0) > 1 ? " are" : " is")
                + " needed to decide";
        return LocalizedText.of(th, en);
    }

    LocalizedText noRuleCovers() {
        Double o = shown.get("overall");
        return o == null
                ? LocalizedText.of("ไม่มีเกณฑ์ระดับใดตรงกับคะแนนที่ทราบ", "no level rule fits the known figures")
                : LocalizedText.of("ไม่มีเกณฑ์ระดับใดครอบคลุมคะแนนรวม " + Rounding.display(o),
                        "no level rule covers the overall of " + Rounding.display(o));
    }

    /** "The OIT score worked out from the known figures lies between 81.23 and 81.27", for a score nobody gave. */
    Optional<LocalizedText> inferred(String key, Double below) {
        if (shown.get(key) != null || !bounds.has(key)) {
            return Optional.empty();
        }
        LocalizedText range = range(key);
        LocalizedText n = names.apply(key);
        String th = "คะแนน " + n.th() + " ที่คำนวณได้จากคะแนนที่ทราบ" + range.th();
        String en = "the " + n.en() + " score worked out from the known figures" + range.en();
        return Optional.of(below == null ? LocalizedText.of(th, en)
                : LocalizedText.of(th + " ซึ่งต่ำกว่า " + fmt(below), en + ", below " + fmt(below)));
    }

    /** "The EIT total of 84.20 is below 85, so at least one EIT part is below 85." */
    LocalizedText somePartBelow(String tool, double at) {
        Double v = shown.get(tool);
        LocalizedText n = names.apply(tool);
        LocalizedText value = v != null ? LocalizedText.of(" " + Rounding.display(v), " of " + Rounding.display(v))
                : LocalizedText.of(" (คำนวณได้จากคะแนนที่ทราบ" + range(tool).th() + ")",
                " (worked out from the known figures" + range(tool).en() + ")");
        return LocalizedText.of("คะแนน " + n.th() + " รวม" + value.th() + " ต่ำกว่า " + fmt(at) + " จึงมี " + n.th()
                        + " อย่างน้อยหนึ่งส่วนต่ำกว่า " + fmt(at),
                "the " + n.en() + " total" + value.en() + " is below " + fmt(at) + ", so at least one " + n.en()
                        + " part is below " + fmt(at));
    }

    /** "The known figures leave at least one of IIT, OIT below 85", or that they rule the level out. */
    LocalizedText oneOfBelow(LevelRule rule, List<String> open, double at) {
        if (open.isEmpty()) {
            return LocalizedText.of("คะแนนที่ทราบไม่ตรงกับเกณฑ์ระดับ " + rule.name().th(),
                    "the known figures rule out " + rule.name().en());
        }
        return LocalizedText.of("จากคะแนนที่ทราบ คะแนน " + join(open, true) + " มีอย่างน้อยหนึ่งรายการต่ำกว่า " + fmt(at),
                "the known figures leave at least one of " + join(open, false) + " below " + fmt(at));
    }

    private LocalizedText overall() {
        Double o = shown.get("overall");
        if (o != null) {
            return LocalizedText.of("คะแนนรวม " + Rounding.display(o), "overall " + Rounding.display(o));
        }
        LocalizedText r = range("overall");
        return LocalizedText.of("คะแนนรวมที่คำนวณได้จากคะแนนที่ทราบ" + r.th(), "the overall worked out from the known figures" + r.en());
    }

    /** " lies between a and b", " is at least a", " is at most b" or " is a", on two-decimal figures. */
    private LocalizedText range(String key) {
        String a = Rounding.display(Math.max(0, bounds.lo(key))).toPlainString();
        String b = Rounding.display(Math.min(100, bounds.hi(key))).toPlainString();
        if (a.equals(b)) {
            return LocalizedText.of("เท่ากับ " + a, " is " + a);
        }
        if (bounds.hi(key) >= 99.995) {
            return LocalizedText.of("ไม่ต่ำกว่า " + a, " is at least " + a);
        }
        if (bounds.lo(key) < 0.005) {
            return LocalizedText.of("ไม่เกิน " + b, " is at most " + b);
        }
        return LocalizedText.of("อยู่ระหว่าง " + a + " ถึง " + b, " lies between " + a + " and " + b);
    }

    private String join(List<String> keys, boolean thai) {
        return org.openita.core.text.Sentences.and(keys.stream().map(k -> thai ? names.apply(k).th() : names.apply(k).en()).toList(), !thai);
    }

    private static String alternatives(List<String> items, String or) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + or + items.get(items.size() - 1);
    }

    static String fmt(double v) {
        return Rounding.display(v).stripTrailingZeros().toPlainString();
    }
}
