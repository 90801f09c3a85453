package org.openita.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openita.core.framework.FrameworkLoader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The openita command line, run in-process exactly as the jar runs it. */
class OpenItaCommandTest {

    @TempDir
    Path dir;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    private static Path example() {
        Path p = Path.of("..", "examples", "samdet-2568.json");
        assertThat(p).exists();
        return p;
    }

    @Test
    void noArgumentsOrSpringOptionsStartTheServerAnythingElseIsTheCommandLine() {
        assertThat(OpenItaCommand.isCommandLine(new String[0])).isFalse();
        assertThat(OpenItaCommand.isCommandLine(new String[] {"--server.port=9090"})).isFalse();
        assertThat(OpenItaCommand.isCommandLine(new String[] {"score", "--input", "x"})).isTrue();
        assertThat(OpenItaCommand.isCommandLine(new String[] {"--help"})).isTrue();
    }

    @Test
    void theRealEntryPointPrintsItsOutputAndExitCodeBeforeExiting() throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), org.openita.server.OpenItaApplication.class.getName(),
                "score", "--input", example().toString(), "--format", "table").start();
        String stdout = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor()).isZero();
        assertThat(stdout).contains("99.17", "ผ่านดี (Good pass) (ประกาศโดยสำนักงาน ป.ป.ช.)", "99.23");
        Process bad = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), org.openita.server.OpenItaApplication.class.getName(),
                "framework", "show", "--year", "2499").start();
        String stderr = new String(bad.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(bad.waitFor()).isEqualTo(2);
        assertThat(stderr).contains("no framework ships for fiscal year 2499");
    }

    @Test
    void validateAcceptsEveryShippedDefinition() throws Exception {
        for (int year : FrameworkLoader.shippedYears()) {
            CliRun r = run("framework", "validate", write("ita-" + year + ".yaml", FrameworkLoader.shippedText(year)).toString());
            assertThat(r.exit()).isZero();
            assertThat(r.out()).contains("valid", "fiscal year " + year);
        }
    }

    @Test
    void validateListsEveryProblemAndExitsTwo() throws Exception {
        String broken = FrameworkLoader.shippedText(2568).replace("weight: 0.40", "weight: 0.45").replace("code: i2\n", "code: i1\n");
        CliRun r = run("framework", "validate", write("broken.yaml", broken).toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("2 problem(s)", "tool weights add up to 1.05", "น้ำหนักของเครื่องมือ",
                "duplicate question code \"i1\"", "line ");
        assertThat(r.err()).doesNotContain("Exception", "\tat ");
    }

    @Test
    void validateExplainsAMissingFile() {
        CliRun r = run("framework", "validate", dir.resolve("nope.yaml").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("file not found");
    }

    @Test
    void showPrintsAReadableSummary() {
        CliRun r = run("framework", "show", "--year", "2568");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("ปีงบประมาณ พ.ศ. 2568", "1 ตุลาคม 2567 – 30 กันยายน 2568", "EIT_PUBLIC",
                "การปฏิบัติหน้าที่", "i3", "o26", "ผ่านดี", "provisional");
        assertThat(r.out()).contains("Response minimums", "IIT by eligible staff: <= 10: all; <= 50: 10;", "> 300: 10% *",
                "EIT part 1 by agency group, otherwise 100 *", "EIT part 2 by agency group, otherwise 5 *");
        assertThat(r.out().lines().filter(l -> l.contains("SAO/L")).toList()).singleElement()
                .satisfies(l -> assertThat(l).contains("50").doesNotContain("*"));
        assertThat(r.out().lines().filter(l -> l.contains("DEPARTMENT")).toList()).singleElement()
                .satisfies(l -> assertThat(l).contains("400").endsWith("*"));
        assertThat(run("framework", "show", "--year", "2571").exit()).isEqualTo(2);
    }

    @Test
    void scoreReproducesTheSamdetFiguresAsJson() {
        CliRun r = run("score", "--year", "2568", "--input", example().toString());
        assertThat(r.exit()).isZero();
        JsonNode json = JsonMapper.builder().build().readTree(r.out());
        // the announced overall and level are the result; the recomputation stands beside them
        assertThat(json.get("overall").decimalValue()).isEqualByComparingTo("99.17");
        assertThat(json.get("overallSource").asString()).isEqualTo("official");
        assertThat(json.get("computedOverall").decimalValue()).isEqualByComparingTo("99.23");
        assertThat(json.get("publishedOverall").decimalValue()).isEqualByComparingTo("99.17");
        assertThat(json.get("tools").get("EIT").decimalValue()).isEqualByComparingTo("97.45");
        assertThat(json.get("figureSources").get("EIT").asString()).isEqualTo("computed");
        assertThat(json.get("level").asString()).isEqualTo("ผ่านดี");
        assertThat(json.get("levelSource").asString()).isEqualTo("official");
        assertThat(json.get("computedLevel").isNull()).isTrue();
        assertThat(json.get("computedLevelReason").get("th").asString()).contains("ผ่านดี");
        assertThat(json.get("computedLevelMissing").toString()).contains("EIT_PUBLIC", "EIT_SURVEY");
        assertThat(json.get("warnings").get(0).get("code").asString()).isEqualTo("OVERALL_DIFFERS");
        assertThat(json.get("provisional").asBoolean()).isTrue();
    }

    @Test
    void scoreComputesThirtyThirtyFortyAndTheLevelForEarlierYears() throws Exception {
        Path in = write("y2566.json", "{\"year\": 2566, \"indicators\": {\"1\": 99.89, \"2\": 100, \"3\": 100, \"4\": 100, \"5\": 100,"
                + " \"6\": 96.67, \"7\": 99, \"8\": 96.67, \"9\": 100, \"10\": 100}}");
        CliRun r = run("score", "--input", in.toString(), "--format", "table");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("99.23", "ผ่านดีเยี่ยม (Excellent pass) (คำนวณ) / (computed)");
    }

    @Test
    void scoreReportsUndeterminedWhenItMust() throws Exception {
        CliRun r = run("score", "--input", write("o.json", "{\"year\": 2566, \"overall\": 96}").toString(), "--format", "table");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("undetermined", "IIT, EIT and OIT");
    }

    @Test
    void malformedInputNamesTheFieldAndExitsTwoWithoutAStackTrace() throws Exception {
        CliRun r = run("score", "--input", write("bad.json", "{\"year\": 2568, \"indicators\": {\"1\": \"abc\", \"12\": 5}, \"tools\": {\"OIT\": 101}}").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("indicators.1: expected a number", "indicators.12: unknown indicator",
                "tools.OIT: a score must be between 0 and 100", "ต้องเป็นตัวเลข");
        assertThat(r.err()).doesNotContain("Exception", "\tat ");
        CliRun notJson = run("score", "--input", write("nojson.json", "year: 2568").toString());
        assertThat(notJson.exit()).isEqualTo(2);
        assertThat(notJson.err()).contains("not valid JSON");
    }

    @Test
    void yearOptionMustMatchTheInput() {
        CliRun r = run("score", "--year", "2567", "--input", example().toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("does not match the input's year 2568");
    }

    @Test
    void unknownOptionsAndMissingFilesAreExplained() {
        CliRun r = run("score", "--input", "x.json", "--fromat", "table");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("Unknown options: '--fromat'", "openita score --help");
        assertThat(run("score").err()).contains("Missing required option: '--input=FILE'");
        CliRun missing = run("score", "--input", dir.resolve("missing.json").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("cannot read");
    }

    @Test
    void aCorrectedFrameworkFileIsUsedWithoutARelease() throws Exception {
        String corrected = FrameworkLoader.shippedText(2568)
                .replace("en: \"Quality of operations\"}\n    weight: 1/3", "en: \"Quality of operations\"}\n    weight: 3/8")
                .replace("en: \"Effectiveness of communication\"}\n    weight: 1/3", "en: \"Effectiveness of communication\"}\n    weight: 2/8")
                .replace("en: \"Improvement of work\"}\n    weight: 1/3", "en: \"Improvement of work\"}\n    weight: 3/8");
        CliRun r = run("score", "--input", example().toString(), "--framework", write("ita-2568-fix.yaml", corrected).toString());
        assertThat(r.exit()).isZero();
        JsonNode json = JsonMapper.builder().build().readTree(r.out());
        assertThat(json.get("overall").decimalValue()).isEqualByComparingTo("99.17");
        assertThat(json.get("warnings").size()).isZero();
    }
}
