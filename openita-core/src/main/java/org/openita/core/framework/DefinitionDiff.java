package org.openita.core.framework;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * What changed from one framework definition to another (a year's active version to a corrected one, or last
 * year's to a new year's): tools, parts, indicators, questions and OIT items added, removed, renamed (same code,
 * other wording) or reweighted; the level target and level rules; the response minimums (the IIT table as a whole, the
 * EIT part-1 default and each of its agency groups). Pure: the same two definitions give the same list.
 */
public final class DefinitionDiff {

    /** What kind of change. */
    public enum Kind { ADDED, REMOVED, RENAMED, WEIGHT_CHANGED, MOVED, LEVEL_CHANGED, TARGET_CHANGED, MINIMUM_CHANGED }

    /** What was changed. */
    public enum Subject { TOOL, PART, INDICATOR, QUESTION, OIT_ITEM, LEVEL, RESPONSE_MINIMUM }

    /**
     * One change. {@code before} and {@code after} are short texts as the definitions write them (a name, a weight
     * as a decimal, a rule as "overall >= 85; IIT, OIT >= 85"); either is empty when the thing is added or removed.
     */
    public record Change(Kind kind, Subject subject, String code, String before, String after) {
    }

    private DefinitionDiff() {
    }

    public static List<Change> between(FrameworkDefinition from, FrameworkDefinition to) {
        List<Change> out = new ArrayList<>();
        compare(out, Subject.TOOL, byKey(from.tools(), t -> t.code().name()), byKey(to.tools(), t -> t.code().name()),
                t -> name(t.name()), t -> weight(t.weight()), t -> "");
        compare(out, Subject.PART, byKey(from.parts(), ToolPart::code), byKey(to.parts(), ToolPart::code),
                p -> name(p.name()), p -> weight(p.weight()), p -> "");
        compare(out, Subject.INDICATOR, byKey(from.indicators(), i -> Integer.toString(i.number())),
                byKey(to.indicators(), i -> Integer.toString(i.number())), i -> name(i.name()), i -> weight(i.weight()),
                i -> i.tool().name());
        compare(out, Subject.QUESTION, byKey(from.questions(), Question::code), byKey(to.questions(), Question::code),
                q -> name(q.summary()), q -> q.scored() ? weight(q.weight()) : "-", q -> Integer.toString(q.indicator()));
        compare(out, Subject.OIT_ITEM, byKey(from.oitItems(), OitItem::code), byKey(to.oitItems(), OitItem::code),
                o -> name(o.title()), o -> "", o -> o.indicator() + "/" + o.subIndicator());
        if (from.levelScheme().target() != to.levelScheme().target()) {
            out.add(new Change(Kind.TARGET_CHANGED, Subject.LEVEL, "", weight(from.levelScheme().target()),
                    weight(to.levelScheme().target())));
        }
        Map<String, LevelRule> before = byKey(from.levelScheme().rules(), LevelRule::code);
        Map<String, LevelRule> after = byKey(to.levelScheme().rules(), LevelRule::code);
        before.forEach((code, r) -> {
            LevelRule n = after.get(code);
            if (n == null) {
                out.add(new Change(Kind.REMOVED, Subject.LEVEL, code, rule(r), ""));
            } else if (!rule(r).equals(rule(n))) {
                out.add(new Change(Kind.LEVEL_CHANGED, Subject.LEVEL, code, rule(r), rule(n)));
            }
        });
        after.forEach((code, r) -> {
            if (!before.containsKey(code)) {
                out.add(new Change(Kind.ADDED, Subject.LEVEL, code, "", rule(r)));
            }
        });
        List<String> orderBefore = new ArrayList<>(before.keySet());
        orderBefore.retainAll(after.keySet());
        List<String> orderAfter = new ArrayList<>(after.keySet());
        orderAfter.retainAll(before.keySet());
        if (!orderBefore.equals(orderAfter)) { // rules are tried in order, so the order is part of the rule
            out.add(new Change(Kind.LEVEL_CHANGED, Subject.LEVEL, "", String.join(" > ", orderBefore), String.join(" > ", orderAfter)));
        }
        minimums(out, from.responseMinimums(), to.responseMinimums());
        return out;
    }

    private static void minimums(List<Change> out, ResponseMinimums from, ResponseMinimums to) {
        Map<String, String> before = minimumLines(from);
        Map<String, String> after = minimumLines(to);
        before.forEach((code, b) -> {
            String a = after.get(code);
            if (a == null) {
                out.add(new Change(Kind.REMOVED, Subject.RESPONSE_MINIMUM, code, b, ""));
            } else if (!a.equals(b)) {
                out.add(new Change(Kind.MINIMUM_CHANGED, Subject.RESPONSE_MINIMUM, code, b, a));
            }
        });
        after.forEach((code, a) -> {
            if (!before.containsKey(code)) {
                out.add(new Change(Kind.ADDED, Subject.RESPONSE_MINIMUM, code, "", a));
            }
        });
    }

    /**
     * The minimums as comparable lines: "IIT" (the whole table), "EIT_PUBLIC" (the default), "EIT_PUBLIC SAO/L", and
     * the same for "EIT_SURVEY".
     */
    static Map<String, String> minimumLines(ResponseMinimums m) {
        Map<String, String> lines = new LinkedHashMap<>();
        m.iit().ifPresent(rule -> lines.put("IIT", rule.describe()));
        m.eitPublic().ifPresent(rule -> {
            lines.put("EIT_PUBLIC", "default " + rule.defaultMinimum());
            rule.rows().forEach(r -> lines.putIfAbsent("EIT_PUBLIC " + r.group(), Integer.toString(r.minimum())));
        });
        m.eitSurvey().ifPresent(rule -> {
            lines.put("EIT_SURVEY", "default " + rule.defaultMinimum());
            rule.rows().forEach(r -> lines.putIfAbsent("EIT_SURVEY " + r.group(), Integer.toString(r.minimum())));
        });
        return lines;
    }

    private static <T> void compare(List<Change> out, Subject subject, Map<String, T> before, Map<String, T> after,
                                    Function<T, String> name, Function<T, String> weight, Function<T, String> place) {
        before.forEach((code, b) -> {
            T a = after.get(code);
            if (a == null) {
                out.add(new Change(Kind.REMOVED, subject, code, name.apply(b), ""));
                return;
            }
            if (!name.apply(b).equals(name.apply(a))) {
                out.add(new Change(Kind.RENAMED, subject, code, name.apply(b), name.apply(a)));
            }
            if (!weight.apply(b).equals(weight.apply(a))) {
                out.add(new Change(Kind.WEIGHT_CHANGED, subject, code, weight.apply(b), weight.apply(a)));
            }
            if (!place.apply(b).equals(place.apply(a))) {
                out.add(new Change(Kind.MOVED, subject, code, place.apply(b), place.apply(a)));
            }
        });
        after.forEach((code, a) -> {
            if (!before.containsKey(code)) {
                out.add(new Change(Kind.ADDED, subject, code, "", name.apply(a)));
            }
        });
    }

    private static <T> Map<String, T> byKey(List<T> items, Function<T, String> key) {
        Map<String, T> m = new LinkedHashMap<>();
        items.forEach(i -> m.putIfAbsent(key.apply(i), i));
        return m;
    }

    private static String name(LocalizedText t) {
        return t == null ? "" : Objects.toString(t.th(), "") + " / " + Objects.toString(t.en(), "");
    }

    /** A weight or score as a short decimal (1/3 as 0.3333). */
    static String weight(double w) {
        return new java.math.BigDecimal(w).setScale(4, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    /** A level rule as one comparable line: its name, whether it passes, its overall range and its gates. */
    static String rule(LevelRule r) {
        StringBuilder sb = new StringBuilder(r.name().th()).append(r.passing() ? " (+)" : " (-)").append(": ");
        if (r.overallAtLeast() != null) {
            sb.append("overall >= ").append(weight(r.overallAtLeast()));
        }
        if (r.overallBelow() != null) {
            sb.append(r.overallAtLeast() != null ? ", " : "").append("overall < ").append(weight(r.overallBelow()));
        }
        for (Gate g : r.gates()) {
            sb.append("; ").append(String.join(", ", g.scores())).append(" >= ").append(weight(g.atLeast()));
        }
        return sb.toString();
    }
}
