package org.openita.core.framework;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * A YAML node that knows its path and line, and reports type problems instead of throwing, so that one
 * pass over a file finds every problem. Missing nodes are represented, not null.
 */
final class YamlNode {

    private final Node node;
    private final String path;
    private final int line;
    private final Problems problems;

    YamlNode(Node node, String path, int parentLine, Problems problems) {
        this.node = node;
        this.path = path;
        this.line = node == null ? parentLine : node.getStartMark().map(m -> m.getLine() + 1).orElse(parentLine);
        this.problems = problems;
    }

    String path() {
        return path;
    }

    int line() {
        return line;
    }

    boolean isMissing() {
        return node == null || (node instanceof ScalarNode s && "null".equals(s.getTag().getValue().replace("tag:yaml.org,2002:", "")));
    }

    void problem(String th, String en) {
        problems.add(path, line, th, en);
    }

    private Map<String, Node> mapping() {
        if (node instanceof MappingNode m) {
            Map<String, Node> out = new LinkedHashMap<>();
            for (NodeTuple t : m.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k) {
                    out.put(k.getValue(), t.getValueNode());
                }
            }
            return out;
        }
        return Map.of();
    }

    boolean isMapping() {
        return node instanceof MappingNode;
    }

    YamlNode get(String key) {
        return new YamlNode(mapping().get(key), path.isEmpty() ? key : path + "." + key, line, problems);
    }

    Set<String> keys() {
        return mapping().keySet();
    }

    /** Reports keys other than the allowed ones: usually a typo that would otherwise be silently ignored. */
    void allowOnly(String... allowed) {
        if (isMissing() || !isMapping()) {
            return;
        }
        Set<String> ok = Set.of(allowed);
        for (String k : keys()) {
            if (!ok.contains(k)) {
                get(k).problem("ไม่รู้จักคีย์ \"" + k + "\" (คีย์ที่ใช้ได้: " + String.join(", ", allowed) + ")",
                        "unknown key \"" + k + "\" (allowed: " + String.join(", ", allowed) + ")");
            }
        }
    }

    List<YamlNode> list(boolean required) {
        if (isMissing()) {
            if (required) {
                problem("ต้องระบุรายการ", "a list is required here");
            }
            return List.of();
        }
        if (!(node instanceof SequenceNode seq)) {
            problem("ต้องเป็นรายการ (list)", "expected a list");
            return List.of();
        }
        List<YamlNode> out = new ArrayList<>();
        for (int i = 0; i < seq.getValue().size(); i++) {
            out.add(new YamlNode(seq.getValue().get(i), path + "[" + i + "]", line, problems));
        }
        return out;
    }

    /**
     * The entry at an index of this list, to point a problem at the entry's own line; this node itself when it is not
     * a list or has no such entry.
     */
    YamlNode at(int index) {
        if (node instanceof SequenceNode seq && index >= 0 && index < seq.getValue().size()) {
            return new YamlNode(seq.getValue().get(index), path + "[" + index + "]", line, problems);
        }
        return this;
    }

    String text(boolean required) {
        if (isMissing()) {
            if (required) {
                problem("ต้องระบุค่า", "a value is required here");
            }
            return null;
        }
        if (!(node instanceof ScalarNode s)) {
            problem("ต้องเป็นข้อความหรือตัวเลข ไม่ใช่รายการหรือแมป", "expected a single value, not a list or mapping");
            return null;
        }
        String v = s.getValue().trim();
        if (required && v.isEmpty()) {
            problem("ค่าว่างไม่ได้", "must not be empty");
            return null;
        }
        return v;
    }

    /** A number, written as a decimal (0.3) or a fraction ("1/3"). */
    Double number(boolean required) {
        String v = text(required);
        if (v == null) {
            return null;
        }
        try {
            int slash = v.indexOf('/');
            if (slash > 0) {
                double num = Double.parseDouble(v.substring(0, slash).trim());
                double den = Double.parseDouble(v.substring(slash + 1).trim());
                if (den == 0) {
                    throw new NumberFormatException("division by zero");
                }
                return num / den;
            }
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            problem("ต้องเป็นตัวเลข เช่น 0.3 หรือ 1/3 แต่พบ \"" + v + "\"",
                    "expected a number such as 0.3 or 1/3, found \"" + v + "\"");
            return null;
        }
    }

    Integer integer(boolean required) {
        String v = text(required);
        if (v == null) {
            return null;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            problem("ต้องเป็นจำนวนเต็ม แต่พบ \"" + v + "\"", "expected a whole number, found \"" + v + "\"");
            return null;
        }
    }

    boolean bool(boolean defaultValue) {
        String v = text(false);
        if (v == null) {
            return defaultValue;
        }
        if (v.equals("true") || v.equals("false")) {
            return Boolean.parseBoolean(v);
        }
        problem("ต้องเป็น true หรือ false แต่พบ \"" + v + "\"", "expected true or false, found \"" + v + "\"");
        return defaultValue;
    }

    <E extends Enum<E>> E enumValue(Class<E> type, E defaultValue, boolean required) {
        String v = text(required);
        if (v == null) {
            return defaultValue;
        }
        String normalised = v.trim().toUpperCase().replace('-', '_').replace(' ', '_');
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(normalised)) {
                return e;
            }
        }
        List<String> names = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            names.add(e.name().toLowerCase().replace('_', '-'));
        }
        problem("ค่า \"" + v + "\" ใช้ไม่ได้ ต้องเป็นหนึ่งใน " + names, "\"" + v + "\" is not one of " + names);
        return defaultValue;
    }

    /** A {th, en} mapping; {@code th} is required. */
    LocalizedText localized(boolean required) {
        if (isMissing()) {
            if (required) {
                problem("ต้องระบุข้อความภาษาไทย (th) และภาษาอังกฤษ (en)", "a text with th and en is required here");
            }
            return null;
        }
        if (!isMapping()) {
            problem("ต้องเป็นแมปที่มี th และ en", "expected a mapping with th and en");
            return null;
        }
        allowOnly("th", "en");
        String th = get("th").text(true);
        String en = get("en").text(false);
        return th == null ? null : new LocalizedText(th, en);
    }
}
