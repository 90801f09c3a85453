package org.openita.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** openita report, as a clerk or a script runs it. */
class ReportCommandTest {

    @TempDir
    Path dir;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    private static String example(String name) {
        return Path.of("..", "examples", name).toString();
    }

    @Test
    void writesEachFormatFromTheSameInput() throws Exception {
        for (String ext : new String[] {"pdf", "docx", "html"}) {
            Path out = dir.resolve("report." + ext);
            CliRun r = run("report", "--input", example("samdet-2568.json"), "--previous", example("samdet-2567.json"),
                    "--out", out.toString(), "--date", "2025-10-15");
            assertThat(r.exit()).as(r.err()).isZero();
            byte[] bytes = Files.readAllBytes(out);
            switch (ext) {
                case "pdf" -> assertThat(new String(bytes, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
                case "docx" -> assertThat(new String(bytes, 0, 2, StandardCharsets.US_ASCII)).isEqualTo("PK");
                default -> assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("๙๙.๑๗", "๑๕ ตุลาคม ๒๕๖๘", "๙๔.๖๐");
            }
        }
    }

    @Test
    void arabicDigitsAndConfirmedMeasures() throws Exception {
        Path out = dir.resolve("report.html");
        CliRun r = run("report", "--input", example("samdet-2568.json"), "--measures", example("samdet-measures-2569.json"),
                "--digits", "arabic", "--out", out.toString(), "--date", "2025-10-15");
        assertThat(r.exit()).as(r.err()).isZero();
        String html = Files.readString(out);
        assertThat(html).contains("99.17", "15 ตุลาคม 2568", "กองช่าง", "เปิดบริการยื่นคำร้องออนไลน์", "หน่วยงานกำหนดมาตรการต่อไปนี้");
        assertThat(html).doesNotContain("ร่างมาตรการต่อไปนี้");
    }

    @Test
    void theLogoGoesOnTheCover() throws Exception {
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(64, 64, java.awt.image.BufferedImage.TYPE_INT_RGB);
        Path logo = dir.resolve("logo.png");
        javax.imageio.ImageIO.write(img, "png", logo.toFile());
        Path docx = dir.resolve("with-logo.docx");
        assertThat(run("report", "--input", example("samdet-2568.json"), "--logo", logo.toString(), "--out", docx.toString()).exit()).isZero();
        try (var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(Files.newInputStream(docx))) {
            byte[] logoBytes = Files.readAllBytes(logo);
            assertThat(doc.getAllPictures()).anySatisfy(p -> assertThat(p.getData()).isEqualTo(logoBytes));
        }
        Path pdf = dir.resolve("with-logo.pdf");
        assertThat(run("report", "--input", example("samdet-2568.json"), "--logo", logo.toString(), "--out", pdf.toString()).exit()).isZero();
        assertThat(Files.size(pdf)).isPositive();
        CliRun bad = run("report", "--input", example("samdet-2568.json"), "--logo", example("samdet-2567.json"), "--out", dir.resolve("x.docx").toString());
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("--logo");
    }

    @Test
    void badInputsAreExplainedWithTheirFieldAndExitTwo() throws Exception {
        CliRun ext = run("report", "--input", example("samdet-2568.json"), "--out", dir.resolve("r.txt").toString());
        assertThat(ext.exit()).isEqualTo(2);
        assertThat(ext.err()).contains(".docx, .pdf or .html");

        Path noName = Files.writeString(dir.resolve("n.json"), "{\"year\": 2568, \"overall\": 90}");
        CliRun name = run("report", "--input", noName.toString(), "--out", dir.resolve("r.pdf").toString());
        assertThat(name.exit()).isEqualTo(2);
        assertThat(name.err()).contains("agency: the report needs the agency's name");

        Path measures = Files.writeString(dir.resolve("m.json"), "{\"measures\": [{\"measure\": \"x\", \"steps\": [\"a\"],"
                + " \"unit\": \"กองคลัง\", \"progressDate\": \"2025-03-31\", \"dueDate\": \"31/08/2569\"}]}");
        CliRun m = run("report", "--input", example("samdet-2568.json"), "--measures", measures.toString(), "--out", dir.resolve("r.pdf").toString());
        assertThat(m.exit()).isEqualTo(2);
        assertThat(m.err()).contains("measures[0].progressDate: must fall inside fiscal year 2569",
                "measures[0].dueDate: expected an ISO date such as 2026-03-31");

        CliRun later = run("report", "--input", example("samdet-2567.json"), "--previous", example("samdet-2568.json"),
                "--out", dir.resolve("r.pdf").toString());
        assertThat(later.exit()).isEqualTo(2);
        assertThat(later.err()).contains("earlier year");
        assertThat(dir.resolve("r.pdf")).doesNotExist();
        assertThat(m.err() + name.err() + later.err()).doesNotContain("Exception", "\tat ");
    }
}
