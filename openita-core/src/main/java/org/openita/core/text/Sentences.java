package org.openita.core.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openita.core.framework.LocalizedText;

/**
 * The sentences the core builds into an analysis (the level explanation, what a draft measure addresses), kept as
 * data in {@code text/sentences.properties} (Thai) and {@code text/sentences_en.properties} (English), both UTF-8,
 * with named placeholders such as {@code {level}}. Java only chooses the sentence and fills it in; a
 * {@link LocalizedText} value fills the Thai sentence with its Thai and the English one with its English.
 */
public final class Sentences {

    public static final String THAI = "/text/sentences.properties";
    public static final String ENGLISH = "/text/sentences_en.properties";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");
    private static final Properties TH = load(THAI);
    private static final Properties EN = load(ENGLISH);

    private Sentences() {
    }

    private static Properties load(String resource) {
        try (InputStream in = Sentences.class.getResourceAsStream(resource)) {
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The keys of one language's file. */
    public static Set<String> keys(boolean english) {
        return (english ? EN : TH).stringPropertyNames();
    }

    /** The unfilled sentence of a key in one language. */
    public static String template(String key, boolean english) {
        String text = (english ? EN : TH).getProperty(key);
        if (text == null) {
            throw new IllegalArgumentException("no sentence " + key + (english ? " in English" : " in Thai"));
        }
        return text;
    }

    /** The placeholder names a template uses. */
    public static Set<String> placeholders(String template) {
        Set<String> names = new java.util.TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** The sentence of a key with no placeholder. */
    public static LocalizedText get(String key) {
        return fill(key);
    }

    /**
     * The sentence of a key with its placeholders filled from name-value pairs. A value is a {@link LocalizedText}
     * (its Thai goes into the Thai sentence, its English into the English one) or anything else, printed as it is in
     * both. A missing key or value is a programming error.
     */
    public static LocalizedText fill(String key, Object... pairs) {
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            values.put((String) pairs[i], pairs[i + 1]);
        }
        return LocalizedText.of(fill(key, values, false), fill(key, values, true));
    }

    private static String fill(String key, Map<String, Object> values, boolean english) {
        Matcher m = PLACEHOLDER.matcher(template(key, english));
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Object v = values.get(m.group(1));
            if (v == null) {
                throw new IllegalArgumentException("sentence " + key + " needs {" + m.group(1) + "}");
            }
            String s = v instanceof LocalizedText t ? (english ? t.en() : t.th()) : v.toString();
            m.appendReplacement(out, Matcher.quoteReplacement(s));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * The one joiner of a list in running text. Thai: items separated by spaces, "และ" before the last one with a
     * space before it, and a space after it too when the last item starts with something other than a Thai letter
     * ("IIT EIT และ OIT", "ตัวชี้วัดที่ 2 และตัวชี้วัดที่ 5"). English: "a and b", "a, b and c".
     */
    public static String and(java.util.List<String> items, boolean english) {
        if (items.size() <= 1) {
            return items.isEmpty() ? "" : items.get(0);
        }
        String last = items.get(items.size() - 1);
        java.util.List<String> head = items.subList(0, items.size() - 1);
        String and = template("list.and", english);
        if (english) {
            return String.join(", ", head) + " " + and + " " + last;
        }
        return String.join(" ", head) + " " + and + (startsThai(last) ? "" : " ") + last;
    }

    private static boolean startsThai(String s) {
        return !s.isEmpty() && Character.UnicodeBlock.of(s.codePointAt(0)) == Character.UnicodeBlock.THAI
                && !(s.charAt(0) >= '\u0E50' && s.charAt(0) <= '\u0E59');
    }
}
