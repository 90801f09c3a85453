package org.openita.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sentences of the analysis report, kept as data in {@code report/analysis-report.properties} (UTF-8) with
 * named placeholders such as {@code {agency}}. Java only chooses which sentence and fills it in.
 */
final class Phrases {

    static final String RESOURCE = "/report/analysis-report.properties";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");
    private static final Properties TEXT = load();

    private Phrases() {
    }

    private static Properties load() {
        try (InputStream in = Phrases.class.getResourceAsStream(RESOURCE)) {
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static java.util.Set<String> keys() {
        return TEXT.stringPropertyNames();
    }

    /** The sentence of a key with no placeholder. */
    static String get(String key) {
        return fill(key, Map.of());
    }

    /** The sentence of a key with its placeholders filled; a missing key or value is a programming error. */
    static String fill(String key, Map<String, String> values) {
        String text = TEXT.getProperty(key);
        if (text == null) {
            throw new IllegalArgumentException("no report phrase " + key);
        }
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = values.get(m.group(1));
            if (v == null) {
                throw new IllegalArgumentException("phrase " + key + " needs {" + m.group(1) + "}");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(v));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** "ก ข และค": a Thai list joined by spaces, the last item directly after "และ". */
    static String list(java.util.List<String> items) {
        if (items.size() <= 1) {
            return items.isEmpty() ? "" : items.get(0);
        }
        return String.join(" ", items.subList(0, items.size() - 1)) + " " + get("list.and") + items.get(items.size() - 1);
    }
}
