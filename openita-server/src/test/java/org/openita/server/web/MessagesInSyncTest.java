package org.openita.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every user-visible string lives in the Thai and English bundles, and both have the same keys. */
class MessagesInSyncTest {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Pattern MESSAGE_KEY = Pattern.compile("#\\{([a-zA-Z0-9_.]+)");
    private static final Pattern ELEMENT_TEXT = Pattern.compile("<([a-zA-Z0-9]+)([^<>]*)>([^<>]*)</\\1>");

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessagesInSyncTest.class.getResourceAsStream("/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    private static List<Path> templates() throws IOException {
        try (Stream<Path> s = Files.walk(TEMPLATES)) {
            return s.filter(p -> p.toString().endsWith(".html")).toList();
        }
    }

    @Test
    void thaiAndEnglishHaveTheSameKeys() throws IOException {
        assertThat(load("messages_en.properties").stringPropertyNames())
                .containsExactlyInAnyOrderElementsOf(load("messages.properties").stringPropertyNames());
    }

    @Test
    void everyKeyUsedInATemplateExists() throws IOException {
        Properties th = load("messages.properties");
        List<String> missing = new ArrayList<>();
        for (Path t : templates()) {
            Matcher m = MESSAGE_KEY.matcher(Files.readString(t));
            while (m.find()) {
                if (!th.containsKey(m.group(1))) {
                    missing.add(t.getFileName() + ": " + m.group(1));
                }
            }
        }
        assertThat(templates()).isNotEmpty();
        assertThat(missing).isEmpty();
    }

    @Test
    void templatesHoldNoLiteralTextThatIsShownToUsers() throws IOException {
        List<String> literals = new ArrayList<>();
        for (Path t : templates()) {
            Matcher m = ELEMENT_TEXT.matcher(Files.readString(t));
            while (m.find()) {
                String attrs = m.group(2);
                String text = m.group(3).trim();
                boolean replaced = attrs.contains("th:text") || attrs.contains("th:utext") || attrs.contains("th:replace");
                if (!replaced && text.codePoints().anyMatch(Character::isLetter)) {
                    literals.add(t.getFileName() + ": <" + m.group(1) + ">" + text);
                }
            }
        }
        assertThat(literals).isEmpty();
    }
}
