package org.openita.core.framework;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/** Loads a recommendations knowledge base (schema openita/recommendations/v1), reporting every problem. */
public final class KnowledgeBaseLoader {

    public static final String SCHEMA = "openita/recommendations/v1";

    private KnowledgeBaseLoader() {
    }

    /**
     * The shipped knowledge base that covers a fiscal year, or an empty one. The files are those the build lists in
     * {@code recommendations/index.txt}; when two cover a year, the one whose name sorts last (the newer) wins.
     */
    public static KnowledgeBase shipped(int year) {
        List<String> names = new ArrayList<>(ShippedIndex.read("/recommendations/index.txt"));
        java.util.Collections.reverse(names);
        for (String name : names) {
            String resource = "/recommendations/" + name;
            KnowledgeBase kb = parse(name, read(resource));
            if (kb.years().contains(year)) {
                return kb.forYear(year);
            }
        }
        return new KnowledgeBase(List.of(year), Map.of(), Map.of(), null);
    }

    private static String read(String resource) {
        try (InputStream in = KnowledgeBaseLoader.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static KnowledgeBase parse(String fileName, String yaml) {
        Problems problems = new Problems(fileName);
        YamlNode root;
        try {
            root = new YamlNode(new Compose(LoadSettings.builder().setLabel(fileName).build()).composeString(yaml).orElse(null),
                    "", 1, problems);
        } catch (org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException e) {
            String[] text = YamlSyntax.explain(e);
            problems.add("", YamlSyntax.line(e), text[0], text[1]);
            throw new InvalidDefinitionException(problems.all());
        } catch (YamlEngineException e) {
            problems.add("", 0, "ไฟล์ YAML ผิดรูปแบบ: " + e.getMessage(), "not valid YAML: " + e.getMessage());
            throw new InvalidDefinitionException(problems.all());
        }
        root.allowOnly("schema", "years", "indicators", "items", "oitDefault", "topics", "generalMeasures", "assignedUnit");
        String schema = root.get("schema").text(true);
        if (schema != null && !schema.equals(SCHEMA)) {
            root.get("schema").problem("รูปแบบไฟล์ต้องเป็น " + SCHEMA, "schema must be " + SCHEMA);
        }
        List<Integer> years = new ArrayList<>();
        root.get("years").list(true).forEach(y -> {
            Integer v = y.integer(true);
            if (v != null) {
                years.add(v);
            }
        });
        Map<Integer, IndicatorAdvice> indicators = new HashMap<>();
        for (YamlNode n : root.get("indicators").list(false)) {
            n.allowOnly("indicator", "unit", "keep", "improve", "measure", "steps", "topic", "success", "supportTopics");
            Integer number = n.get("indicator").integer(true);
            String unit = n.get("unit").text(true);
            LocalizedText keep = n.get("keep").localized(true);
            LocalizedText improve = n.get("improve").localized(true);
            LocalizedText measure = n.get("measure").localized(true);
            List<LocalizedText> steps = steps(n);
            String topic = n.get("topic").text(false);
            LocalizedText success = n.get("success").isMissing() ? null : n.get("success").localized(true);
            if (number != null && unit != null && keep != null && improve != null && measure != null) {
                if (indicators.put(number, new IndicatorAdvice(number, unit, keep, improve, measure, steps, topic, success,
                        codes(n.get("supportTopics")))) != null) {
                    n.problem("ตัวชี้วัดที่ " + number + " ซ้ำ", "indicator " + number + " appears twice");
                }
            }
        }
        Map<String, Recommendation> items = new HashMap<>();
        for (YamlNode n : root.get("items").list(false)) {
            Recommendation r = recommendation(n, true);
            if (r != null && items.put(r.code(), r) != null) {
                n.problem("รหัส \"" + r.code() + "\" ซ้ำ", "code \"" + r.code() + "\" appears twice");
            }
        }
        Recommendation oitDefault = root.get("oitDefault").isMissing() ? null : recommendation(root.get("oitDefault"), false);
        Map<String, Topic> topics = topics(root.get("topics"));
        List<GeneralMeasure> general = new ArrayList<>();
        for (YamlNode n : root.get("generalMeasures").list(false)) {
            n.allowOnly("measure", "steps", "topic", "success", "timing", "supportTopics");
            LocalizedText measure = n.get("measure").localized(true);
            List<LocalizedText> steps = steps(n);
            String topic = n.get("topic").text(true);
            LocalizedText success = n.get("success").localized(true);
            GeneralMeasure.Timing timing = timing(n.get("timing"));
            if (measure != null && topic != null && success != null && timing != null) {
                general.add(new GeneralMeasure(measure, steps, topic, success, timing, codes(n.get("supportTopics"))));
            }
        }
        for (IndicatorAdvice a : indicators.values()) {
            List<String> used = new ArrayList<>(a.supportTopics());
            if (a.topic() != null) {
                used.add(a.topic());
            }
            unknownTopics("indicators", used, topics, problems);
        }
        for (GeneralMeasure g : general) {
            List<String> used = new ArrayList<>(g.supportTopics());
            used.add(g.topic());
            unknownTopics("generalMeasures", used, topics, problems);
        }
        LocalizedText assignedUnit = root.get("assignedUnit").isMissing() ? null : root.get("assignedUnit").localized(true);
        if (!problems.isEmpty()) {
            throw new InvalidDefinitionException(problems.all());
        }
        return new KnowledgeBase(years, indicators, items, oitDefault, topics, general, assignedUnit);
    }

    private static List<LocalizedText> steps(YamlNode n) {
        List<LocalizedText> steps = new ArrayList<>();
        n.get("steps").list(true).forEach(s -> {
            LocalizedText t = s.localized(true);
            if (t != null) {
                steps.add(t);
            }
        });
        if (steps.isEmpty()) {
            n.get("steps").problem("มาตรการต้องมีขั้นตอนอย่างน้อย 1 ขั้นตอน", "a measure needs at least one step");
        }
        return steps;
    }

    private static void unknownTopics(String section, List<String> used, Map<String, Topic> topics, Problems problems) {
        for (String t : used) {
            if (!topics.containsKey(t)) {
                problems.add(section, 0, "ไม่มีหัวข้องาน \"" + t + "\" ในส่วน topics", "topic \"" + t + "\" is not defined under topics");
            }
        }
    }

    /** A list of topic codes (missing: none). */
    private static List<String> codes(YamlNode node) {
        List<String> out = new ArrayList<>();
        if (!node.isMissing()) {
            node.list(true).forEach(k -> {
                String c = k.text(true);
                if (c != null && !c.isBlank()) {
                    out.add(c);
                }
            });
        }
        return out;
    }

    private static Map<String, Topic> topics(YamlNode node) {
        Map<String, Topic> topics = new HashMap<>();
        for (YamlNode n : node.list(false)) {
            n.allowOnly("code", "keywords", "allUnits");
            String code = n.get("code").text(true);
            List<String> keywords = new ArrayList<>();
            n.get("keywords").list(true).forEach(k -> {
                String w = k.text(true);
                if (w != null && !w.isBlank()) {
                    keywords.add(w);
                }
            });
            if (code != null && topics.put(code, new Topic(code, keywords, n.get("allUnits").bool(false))) != null) {
                n.problem("หัวข้องาน \"" + code + "\" ซ้ำ", "topic \"" + code + "\" appears twice");
            }
        }
        return topics;
    }

    private static GeneralMeasure.Timing timing(YamlNode n) {
        String t = n.text(true);
        if (t == null) {
            return null;
        }
        try {
            return GeneralMeasure.Timing.valueOf(t.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            n.problem("ช่วงเวลาต้องเป็น start, early, main หรือ ongoing", "timing must be start, early, main or ongoing");
            return null;
        }
    }

    private static Recommendation recommendation(YamlNode n, boolean withCode) {
        n.allowOnly(withCode ? new String[] {"code", "issue", "action", "relatedOit"} : new String[] {"issue", "action"});
        String code = withCode ? n.get("code").text(true) : "";
        LocalizedText issue = n.get("issue").localized(true);
        LocalizedText action = n.get("action").localized(true);
        List<String> related = new ArrayList<>();
        if (withCode) {
            n.get("relatedOit").list(false).forEach(r -> {
                String c = r.text(true);
                if (c != null) {
                    related.add(c);
                }
            });
        }
        return code == null || issue == null || action == null ? null : new Recommendation(code, issue, action, related);
    }
}
