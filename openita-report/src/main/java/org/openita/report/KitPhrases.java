package org.openita.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words of the survey kits and slips, kept as data: {@code report/survey-kit.properties} (Thai) and
 * {@code report/survey-kit_en.properties} (English), both UTF-8, with named placeholders such as {@code {year}}.
 */
final class KitPhrases {

    static final String THAI = "/report/survey-kit.properties";
    static final String ENGLISH = "/report/survey-kit_en.properties";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");
    private static final KitPhrases TH = new KitPhrases(load(THAI));
    private static final KitPhrases EN = new KitPhrases(load(ENGLISH));

    private final Properties text;

    private KitPhrases(Properties text) {
        this.text = text;
    }

    /** English for a locale whose language is English, Thai for every other. */
    static KitPhrases of(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? EN : TH;
    }

    private static Properties load(String resource) {
        Properties p = new Properties();
        try (InputStream in = KitPhrases.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the application");
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    Set<String> keys() {
        return text.stringPropertyNames();
    }

    String get(String key) {
        return fill(key, Map.of());
    }

    /** The phrase of a key with its placeholders filled; a missing key or value is a programming error. */
    String fill(String key, Map<String, String> values) {
        String phrase = text.getProperty(key);
        if (phrase == null) {
            throw new IllegalArgumentException("no kit phrase " + key);
        }
        Matcher m = PLACEHOLDER.matcher(phrase);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = values.get(m.group(1));
            if (v == null) {
                throw new IllegalArgumentException("kit phrase " + key + " needs {" + m.group(1) + "}");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(v));
        }
        m.appendTail(out);
        return out.toString();
    }
}
