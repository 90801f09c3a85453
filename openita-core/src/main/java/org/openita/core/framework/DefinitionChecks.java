package org.openita.core.framework;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Checks that need the whole definition: sums of weights, references, duplicates and level coverage. */
final class DefinitionChecks {

    static final double TOLERANCE = 1e-6;

    private DefinitionChecks() {
    }

    static void run(DefinitionReader d, YamlNode root) {
        duplicates(d.scales, s -> s.code(), "รหัสมาตรวัดคำตอบ", "answer scale code");
        duplicates(d.tools, t -> t.code().name(), "รหัสเครื่องมือ", "tool code");
        duplicates(d.indicators, i -> Integer.toString(i.number()), "หมายเลขตัวชี้วัด", "indicator number");
        duplicates(d.questions, q -> q.code(), "รหัสข้อคำถาม", "question code");
        duplicates(d.oitItems, o -> o.code(), "รหัสข้อ OIT", "OIT item code");
        duplicates(d.levelRules, r -> r.code(), "รหัสระดับ", "level code");
        scales(d);
        tools(d, root);
        indicators(d, root);
        questions(d);
        oitItems(d);
        levels(d);
        ResponseMinimumChecks.run(d);
    }

    private static <T> void duplicates(List<Located<T>> items, Function<T, String> key, String th, String en) {
        Set<String> seen = new HashSet<>();
        for (Located<T> l : items) {
            String k = key.apply(l.value());
            if (!seen.add(k)) {
                l.node().problem(th + " \"" + k + "\" ซ้ำกับรายการก่อนหน้า", "duplicate " + en + " \"" + k + "\"");
            }
        }
    }

    private static void scales(DefinitionReader d) {
        for (Located<AnswerScale> l : d.scales) {
            List<AnswerOption> opts = l.value().options();
            if (opts.size() < 2) {
                l.node().problem("มาตรวัดคำตอบต้องมีตัวเลือกอย่างน้อย 2 ตัวเลือก", "an answer scale needs at least two options");
            }
            Set<String> codes = new HashSet<>();
            double previous = Double.NEGATIVE_INFINITY;
            for (AnswerOption o : opts) {
                if (!codes.add(o.code())) {
                    l.node().problem("รหัสตัวเลือก \"" + o.code() + "\" ซ้ำ", "duplicate option code \"" + o.code() + "\"");
                }
                if (o.points() < 0 || o.points() > 100) {
                    l.node().problem("คะแนนของตัวเลือก \"" + o.code() + "\" ต้องอยู่ระหว่าง 0 ถึง 100",
                            "points of option \"" + o.code() + "\" must be between 0 and 100");
                }
                if (o.points() < previous) {
                    l.node().problem("ตัวเลือกต้องเรียงจากคะแนนน้อยไปมาก (ตัวเลือก \"" + o.code() + "\")",
                            "options must be ordered from lowest to highest points (option \"" + o.code() + "\")");
                }
                previous = o.points();
            }
        }
    }

    private static void tools(DefinitionReader d, YamlNode root) {
        if (d.tools.isEmpty()) { // a year may use any of the tools; it needs at least one
            root.get("tools").problem("ต้องมีเครื่องมืออย่างน้อย 1 เครื่องมือ", "at least one tool is required");
        }
        double sum = d.tools.stream().mapToDouble(l -> l.value().weight()).sum();
        if (!d.tools.isEmpty() && Math.abs(sum - 1) > TOLERANCE) {
            root.get("tools").problem("น้ำหนักของเครื่องมือรวมกันได้ " + round(sum) + " แต่ต้องรวมเป็น 1",
                    "tool weights add up to " + round(sum) + " but must add up to 1");
        }
        Set<String> partCodes = new HashSet<>();
        for (Located<Tool> l : d.tools) {
            Tool t = l.value();
            if (t.weight() < 0 || t.weight() > 1) {
                l.node().get("weight").problem("น้ำหนักต้องอยู่ระหว่าง 0 ถึง 1", "weight must be between 0 and 1");
            }
            for (int pi = 0; pi < t.parts().size(); pi++) {
                ToolPart p = t.parts().get(pi);
                if (!partCodes.add(p.code()) || d.tools.stream().anyMatch(x -> x.value().code().name().equals(p.code()))) {
                    l.node().get("parts").at(pi).get("code").problem("รหัสส่วน \"" + p.code() + "\" ซ้ำ", "duplicate part code \"" + p.code() + "\"");
                }
            }
            if (t.partCombination() == PartCombination.WEIGHTED_MEAN_OF_PARTS) {
                if (t.parts().size() < 2) {
                    l.node().get("partCombination").problem("การรวมแบบถ่วงน้ำหนักรายส่วนต้องมีอย่างน้อย 2 ส่วน",
                            "weighted-mean-of-parts needs at least two parts");
                }
                double ps = t.parts().stream().mapToDouble(ToolPart::weight).sum();
                if (Math.abs(ps - 1) > TOLERANCE) {
                    l.node().get("parts").problem("น้ำหนักของส่วนต่าง ๆ ของ " + t.code() + " รวมกันได้ " + round(ps)
                            + " แต่ต้องรวมเป็น 1", "part weights of " + t.code() + " add up to " + round(ps) + " but must add up to 1");
                }
            }
        }
    }

    private static void indicators(DefinitionReader d, YamlNode root) {
        Map<ToolCode, Double> sums = d.indicators.stream()
                .collect(Collectors.groupingBy(l -> l.value().tool(), Collectors.summingDouble(l -> l.value().weight())));
        sums.forEach((tool, sum) -> {
            if (Math.abs(sum - 1) > TOLERANCE) {
                // at the weight of the tool's first indicator: the line a reader changes to make the sum right
                d.indicators.stream().filter(l -> l.value().tool() == tool).findFirst().map(l -> l.node().get("weight"))
                        .orElse(root.get("indicators")).problem("น้ำหนักของตัวชี้วัดในเครื่องมือ " + tool + " รวมกันได้ " + round(sum)
                        + " แต่ต้องรวมเป็น 1", "indicator weights within " + tool + " add up to " + round(sum) + " but must add up to 1");
            }
        });
        for (ToolCode t : ToolCode.values()) {
            if (!sums.containsKey(t) && d.tools.stream().anyMatch(l -> l.value().code() == t)) {
                d.tools.stream().filter(l -> l.value().code() == t).findFirst().orElseThrow().node().get("code").problem("เครื่องมือ " + t + " ไม่มีตัวชี้วัด", "tool " + t + " has no indicators");
            }
        }
        for (Located<Indicator> l : d.indicators) {
            Indicator ind = l.value();
            if (ind.weight() <= 0 || ind.weight() > 1) {
                l.node().get("weight").problem("น้ำหนักต้องมากกว่า 0 และไม่เกิน 1", "weight must be above 0 and at most 1");
            }
            if (ind.tool() == ToolCode.OIT) {
                boolean hasItems = d.oitItems.stream().anyMatch(o -> o.value().indicator() == ind.number());
                if (!hasItems && d.oitItemListComplete) {
                    l.node().problem("ตัวชี้วัดที่ " + ind.number() + " ไม่มีข้อ OIT (หากยังไม่ทราบรายการ ให้ตั้ง oit.itemListComplete: false)",
                            "indicator " + ind.number() + " has no OIT items (set oit.itemListComplete: false if the list is unknown)");
                }
            } else {
                boolean hasQuestions = d.questions.stream()
                        .anyMatch(q -> q.value().indicator() == ind.number() && q.value().scored());
                if (!hasQuestions) {
                    l.node().problem("ตัวชี้วัดที่ " + ind.number() + " ไม่มีข้อคำถามที่นำมาคิดคะแนน",
                            "indicator " + ind.number() + " has no scored questions");
                }
            }
        }
    }

    private static void questions(DefinitionReader d) {
        for (Located<Question> l : d.questions) {
            Question q = l.value();
            Indicator ind = d.indicators.stream().map(Located::value).filter(i -> i.number() == q.indicator())
                    .findFirst().orElse(null);
            if (ind == null) {
                l.node().get("indicator").problem("ไม่มีตัวชี้วัดที่ " + q.indicator(), "unknown indicator " + q.indicator());
            } else if (ind.tool() != q.tool()) {
                l.node().get("indicator").problem("ตัวชี้วัดที่ " + q.indicator() + " เป็นของเครื่องมือ " + ind.tool()
                        + " ไม่ใช่ " + q.tool(), "indicator " + q.indicator() + " belongs to " + ind.tool() + ", not " + q.tool());
            }
            if (q.tool() == ToolCode.OIT) {
                l.node().get("tool").problem("ข้อคำถามแบบสำรวจใช้ได้กับ IIT และ EIT เท่านั้น ข้อ OIT ให้ใส่ใน oit.items",
                        "survey questions belong to IIT or EIT; OIT items go under oit.items");
            }
            if (d.scales.stream().noneMatch(s -> s.value().code().equals(q.scale()))) {
                l.node().get("scale").problem("ไม่มีมาตรวัดคำตอบ \"" + q.scale() + "\"", "unknown answer scale \"" + q.scale() + "\"");
            }
            Tool tool = d.tools.stream().map(Located::value).filter(t -> t.code() == q.tool()).findFirst().orElse(null);
            for (int pi = 0; pi < q.parts().size(); pi++) {
                String p = q.parts().get(pi);
                if (tool != null && tool.parts().stream().noneMatch(tp -> tp.code().equals(p))) {
                    l.node().get("parts").at(pi).problem("เครื่องมือ " + q.tool() + " ไม่มีส่วน \"" + p + "\"",
                            "tool " + q.tool() + " has no part \"" + p + "\"");
                }
            }
            if (q.weight() <= 0) {
                l.node().get("weight").problem("น้ำหนักต้องมากกว่า 0", "weight must be above 0");
            }
            Set<String> subs = new HashSet<>();
            for (int si = 0; si < q.subItems().size(); si++) {
                SubItem s = q.subItems().get(si);
                if (!subs.add(s.code())) {
                    l.node().get("subItems").at(si).get("code").problem("รหัสข้อย่อย \"" + s.code() + "\" ซ้ำ", "duplicate sub-item code \"" + s.code() + "\"");
                }
            }
        }
    }

    private static void oitItems(DefinitionReader d) {
        for (Located<OitItem> l : d.oitItems) {
            OitItem o = l.value();
            Indicator ind = d.indicators.stream().map(Located::value).filter(i -> i.number() == o.indicator())
                    .findFirst().orElse(null);
            if (ind == null) {
                l.node().get("indicator").problem("ไม่มีตัวชี้วัดที่ " + o.indicator(), "unknown indicator " + o.indicator());
            } else if (ind.tool() != ToolCode.OIT) {
                l.node().get("indicator").problem("ข้อ OIT ต้องอยู่ในตัวชี้วัดของเครื่องมือ OIT",
                        "an OIT item must belong to an OIT indicator");
            } else if (ind.subIndicators().stream().noneMatch(s -> s.code().equals(o.subIndicator()))) {
                l.node().get("subIndicator").problem("ตัวชี้วัดที่ " + o.indicator() + " ไม่มีตัวชี้วัดย่อย \"" + o.subIndicator() + "\"",
                        "indicator " + o.indicator() + " has no sub-indicator \"" + o.subIndicator() + "\"");
            }
            if (o.components().isEmpty()) {
                l.node().get("components").problem("ข้อ OIT ต้องมีองค์ประกอบที่ตรวจอย่างน้อย 1 ข้อ",
                        "an OIT item needs at least one component to check");
            }
            Set<String> codes = new HashSet<>();
            for (int ci = 0; ci < o.components().size(); ci++) {
                OitComponent c = o.components().get(ci);
                if (!codes.add(c.code())) {
                    l.node().get("components").at(ci).get("code").problem("รหัสองค์ประกอบ \"" + c.code() + "\" ซ้ำ",
                            "duplicate component code \"" + c.code() + "\"");
                }
            }
        }
    }

    private static void levels(DefinitionReader d) {
        if (d.levelScheme == null) {
            return;
        }
        YamlNode n = d.levelsNode;
        if (d.levelRules.isEmpty()) {
            n.get("rules").problem("ต้องมีเกณฑ์ระดับอย่างน้อย 1 ระดับ", "at least one level rule is required");
            return;
        }
        Set<String> keys = new HashSet<>();
        d.tools.forEach(l -> {
            keys.add(l.value().code().name());
            l.value().parts().forEach(p -> keys.add(p.code()));
        });
        for (Located<LevelRule> l : d.levelRules) {
            LevelRule r = l.value();
            if (r.lowerBound() >= r.upperBound()) {
                l.node().get("overall").problem("ช่วงคะแนนว่าง: atLeast ต้องน้อยกว่า below", "empty score range: atLeast must be below below");
            }
            for (int gi = 0; gi < r.gates().size(); gi++) {
                Gate g = r.gates().get(gi);
                YamlNode gate = l.node().get("each").at(gi);
                if (g.scores().isEmpty()) {
                    gate.problem("เงื่อนไขต้องระบุคะแนนที่ตรวจใน of", "a gate must name the scores it checks in of");
                }
                for (int ki = 0; ki < g.scores().size(); ki++) {
                    String k = g.scores().get(ki);
                    if (!keys.contains(k)) {
                        gate.get("of").at(ki).problem("ไม่มีคะแนน \"" + k + "\" (ใช้ได้: " + keys + ")",
                                "unknown score \"" + k + "\" (known: " + keys + ")");
                    }
                }
            }
        }
        List<double[]> ranges = new ArrayList<>();
        for (Located<LevelRule> l : d.levelRules) {
            if (l.value().gates().isEmpty()) {
                ranges.add(new double[] {l.value().lowerBound(), l.value().upperBound()});
            }
        }
        ranges.sort(Comparator.comparingDouble(r -> r[0]));
        double covered = 0;
        List<String> gaps = new ArrayList<>();
        for (double[] r : ranges) {
            if (r[0] > covered) {
                gaps.add(round(covered) + "–" + round(r[0]));
            }
            covered = Math.max(covered, r[1]);
        }
        if (covered <= 100) {
            gaps.add(round(covered) + "–100");
        }
        if (!gaps.isEmpty()) {
            n.get("rules").problem("ช่วงคะแนนรวม " + String.join(", ", gaps) + " ไม่ได้รับการจัดระดับ (ต้องมีระดับที่ไม่มีเงื่อนไขรายเครื่องมือครอบคลุมทุกคะแนนตั้งแต่ 0 ถึง 100)",
                    "overall scores " + String.join(", ", gaps) + " are left unclassified (levels without tool gates must cover every score from 0 to 100)");
        }
    }

    private static String round(double v) {
        return new java.math.BigDecimal(v).setScale(4, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
