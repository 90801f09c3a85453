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
 * The sentences of the reports, kept as data with named placeholders such as {@code {agency}}: the analysis report's
 * (and those both reports share) in {@code report/analysis-report.properties}, the follow-up report's in
 * {@code report/follow-up-report.properties}, both UTF-8. Java only chooses which sentence and fills it in.
 */
final class Phrases {

    static final String RESOURCE = "/report/analysis-report.properties";
    static final String FOLLOW_UP = "/report/follow-up-report.properties";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");
    private static final Properties TEXT = load();

    private Phrases() {
    }

    private static Properties load() {
        Properties p = new Properties();
        for (String resource : new String[] {RESOURCE, FOLLOW_UP}) {
            try (InputStream in = Phrases.class.getResourceAsStream(resource)) {
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return p;
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

    /** The agency's place, "อำเภอก จังหวัดข", from whichever parts are known; empty when neither is. */
    static String place(String district, String province) {
        java.util.List<String> parts = new java.util.ArrayList<>();
        if (district != null) {
            parts.add(fill("place.district", Map.of("district", district)));
        }
        if (province != null) {
            parts.add(fill("place.province", Map.of("province", province)));
        }
        return String.join(" ", parts);
    }

    /** A Thai list through the core's one joiner: "IIT EIT และ OIT", "ตัวชี้วัดที่ ๒ และตัวชี้วัดที่ ๕". */
    static String list(java.util.List<String> items) {
        return org.openita.core.text.Sentences.and(items, false);
    }
}
