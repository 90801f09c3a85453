package org.openita.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The sentences a report prints live in data (report/*.properties, the core's text/sentences*.properties, the
 * framework and knowledge-base YAML), not in Java (issue 10, item 6). This reads the main Java sources of the core
 * and of this module and fails on any string literal holding a Thai character (U+0E00-U+0E7F) outside the classes
 * listed below, whose Thai is not report text.
 */
class ReportSentencesAreDataTest {

    private static final List<Path> ROOTS = List.of(Path.of("src", "main", "java"), Path.of("..", "openita-core", "src", "main", "java"));

    /** Classes allowed Thai literals, by file name, each with why its Thai never reaches a report. */
    private static final Map<String, String> ALLOWED = Map.ofEntries(
            // Problems found in an edited or imported framework, knowledge base, score input or measures file:
            // error messages shown to the person who gave the file (Thai and English), never printed in a report.
            Map.entry("DefinitionChecks.java", "framework definition problems"),
            Map.entry("DefinitionReader.java", "framework definition problems"),
            Map.entry("ResponseMinimumChecks.java", "problems of a definition's response minimums"),
            Map.entry("AnswerCheck.java", "problems of a submitted survey answer, shown by the question"),
            Map.entry("FrameworkLoader.java", "framework file problems"),
            Map.entry("YamlNode.java", "YAML problems of definition and knowledge-base files"),
            Map.entry("YamlSyntax.java", "YAML syntax errors of definition and knowledge-base files"),
            Map.entry("KnowledgeBaseLoader.java", "knowledge-base file problems"),
            Map.entry("ScoreInputReader.java", "score input problems"),
            Map.entry("MeasuresReader.java", "measures file problems"),
            // dates typed in forms: the era words it reads (พ.ศ., ค.ศ.) and month names it accepts; it writes none
            Map.entry("DateEntry.java", "reading dates typed in forms"),
            // The framework's own description of what an edited definition changes (its provenance labels), shown
            // on the framework pages of the server.
            Map.entry("FrameworkDefinition.java", "labels of framework parts on the framework pages"),
            // The plain-text score summary of the command line (openita score), bilingual by design; not a report.
            Map.entry("ScoreResultWriter.java", "command-line score summary"),
            // Scoring warnings and the rules of recomputed figures: the results page's check table and the score
            // output's warnings, not a report. (A report prints announced figures and the level's meaning only.)
            Map.entry("Scorer.java", "score warnings and figure-check rules"),
            // Why a level is or is not yet decided: the results and public pages and the score output, not a report.
            Map.entry("LevelReasons.java", "level reasons on the results pages"));

    @Test
    void noThaiLiteralReachesAReportFromJava() throws IOException {
        List<String> found = new ArrayList<>();
        TreeSet<String> allowedSeen = new TreeSet<>();
        for (Path root : ROOTS) {
            assertThat(root).isDirectory();
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                    String name = file.getFileName().toString();
                    for (JavaLiterals.Literal lit : JavaLiterals.of(Files.readString(file))) {
                        if (lit.text().codePoints().anyMatch(c -> c >= 0x0E00 && c <= 0x0E7F)) {
                            if (ALLOWED.containsKey(name)) {
                                allowedSeen.add(name);
                            } else {
                                found.add(file + ":" + lit.line() + ": \"" + lit.text() + "\"");
                            }
                        }
                    }
                }
            }
        }
        assertThat(found).as("Thai string literals in Java; put the sentence in report/*.properties (Phrases) or the "
                + "core's text/sentences*.properties (Sentences)").isEmpty();
        // an allow-list entry whose class no longer holds Thai is dropped, so the list stays the truth
        assertThat(allowedSeen).as("allow-listed classes that still hold Thai literals").isEqualTo(new TreeSet<>(ALLOWED.keySet()));
    }

    @Test
    void theScannerSeesLiteralsNotComments() {
        List<JavaLiterals.Literal> lits = JavaLiterals.of("""
                // "ไม่ใช่" in a comment
                /* "ไม่ใช่" either */ String a = "ก\\"ข"; char c = '"'; String b = \"""
                    บล็อก
                    \""";
                """);
        assertThat(lits).extracting(JavaLiterals.Literal::text).containsExactly("ก\\\"ข", "\n    บล็อก\n    ");
        assertThat(lits.get(0).line()).isEqualTo(2);
    }
}
