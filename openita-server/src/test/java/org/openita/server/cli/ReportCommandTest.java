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
    void the2569ExampleGivesItsAnalysisReportWithThe2569Items() throws Exception {
        Path out = dir.resolve("report-2569.html");
        CliRun r = run("report", "--input", example("example-sao-2569.json"), "--digits", "arabic", "--out", out.toString(),
                "--date", "2026-10-20");
        assertThat(r.exit()).as(r.err()).isZero();
        String html = Files.readString(out).replaceAll("<[^>]+>", "");
        assertThat(html).contains("องค์การบริหารส่วนตำบลตัวอย่าง", "ปีงบประมาณ พ.ศ. 2569", "90.03", "ผ่านดี",
                "o25", "การนำผลการประเมิน ITA", "o11", "o18", "ปีงบประมาณ พ.ศ. 2570");
        // the items it passed are named only among those passed, never as failures; no internal note reaches the agency's document
        assertThat(html).containsPattern("ข้อ OIT ที่ผ่านเกณฑ์ ได้ข้อละ 100 คะแนน ได้แก่ [^\\n]*o26");
        assertThat(html.substring(html.indexOf("ข้อ OIT ที่ยังไม่ผ่านเกณฑ์"), html.indexOf("ข้อ OIT ที่ผ่านเกณฑ์"))).doesNotContain("o26");
        assertThat(html).doesNotContain("provisional", "ยังไม่ยืนยัน");
    }

    @Test
    void arabicDigitsAndConfirmedMeasures() throws Exception {
        Path out = dir.resolve("report.html");
        CliRun r = run("report", "--input", example("samdet-2568.json"), "--measures", example("samdet-measures-2569.json"),
                "--digits", "arabic", "--out", out.toString(), "--date", "2025-10-15");
        assertThat(r.exit()).as(r.err()).isZero();
        // the text a reader sees: table cells wrap each Thai word in its own span so that no word is broken
        String html = Files.readString(out).replaceAll("<[^>]+>", "");
        assertThat(html).contains("99.17", "15 ตุลาคม 2568", "กองช่าง", "เปิดบริการยื่นคำร้องออนไลน์", "หน่วยงานกำหนดมาตรการต่อไปนี้");
        assertThat(html).doesNotContain("ร่างมาตรการต่อไปนี้");
    }

    @Test
    void theLogoGoesOnTheCoverCheckedAndReEncodedAsOnTheAgencyPage() throws Exception {
        Path logo = Files.write(dir.resolve("logo.jpg"), org.openita.server.agency.Logos.png(1200, 800));
        Path docx = dir.resolve("with-logo.docx");
        CliRun ok = run("report", "--input", example("samdet-2568.json"), "--logo", logo.toString(), "--out", docx.toString());
        assertThat(ok.exit()).as(ok.err()).isZero();
        try (var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(Files.newInputStream(docx))) {
            assertThat(doc.getAllPictures()).anySatisfy(p -> {
                java.awt.image.BufferedImage img = org.openita.server.agency.Logos.decode(p.getData());
                assertThat(img.getWidth()).as("scaled to 600 px on the long side").isEqualTo(600);
                assertThat(img.getHeight()).isEqualTo(400);
            });
        }
        Path pdf = dir.resolve("with-logo.pdf");
        assertThat(run("report", "--input", example("samdet-2568.json"), "--logo", logo.toString(), "--out", pdf.toString()).exit()).isZero();
        assertThat(Files.size(pdf)).isPositive();
        CliRun notImage = run("report", "--input", example("samdet-2568.json"), "--logo", example("samdet-2567.json"), "--out", dir.resolve("x.docx").toString());
        assertThat(notImage.exit()).isEqualTo(2);
        assertThat(notImage.err()).contains("--logo", "not a PNG or JPEG", "ไม่ใช่ภาพ PNG หรือ JPEG");
        Path bomb = Files.write(dir.resolve("bomb.png"), org.openita.server.agency.Logos.forgedHeader(10_000, 10_000));
        CliRun tooMany = run("report", "--input", example("samdet-2568.json"), "--logo", bomb.toString(), "--out", dir.resolve("y.docx").toString());
        assertThat(tooMany.exit()).isEqualTo(2);
        assertThat(tooMany.err()).contains("wider or taller than 4000 pixels", "4000 พิกเซล");
        Path big = Files.write(dir.resolve("big.png"), java.util.Arrays.copyOf(org.openita.server.agency.Logos.png(10, 10), 1_100_000));
        CliRun tooLarge = run("report", "--input", example("samdet-2568.json"), "--logo", big.toString(), "--out", dir.resolve("z.docx").toString());
        assertThat(tooLarge.exit()).isEqualTo(2);
        assertThat(tooLarge.err()).contains("larger than 1 MB");
        assertThat(Files.exists(dir.resolve("x.docx")) || Files.exists(dir.resolve("y.docx")) || Files.exists(dir.resolve("z.docx"))).isFalse();
    }

    @Test
    void theInputsSignOffReachesTheReport() throws Exception {
        String input = Files.readString(Path.of(example("samdet-2568.json")));
        tools.jackson.databind.json.JsonMapper json = tools.jackson.databind.json.JsonMapper.builder().build();
        tools.jackson.databind.node.ObjectNode root = (tools.jackson.databind.node.ObjectNode) json.readTree(input);
        tools.jackson.databind.node.ObjectNode agency = root.get("agency").isObject() ? (tools.jackson.databind.node.ObjectNode) root.get("agency")
                : json.createObjectNode().put("name", root.get("agency").asString());
        agency.putArray("signOff").add(json.createObjectNode().put("role", "approved").put("position", "นายกองค์การบริหารส่วนตำบลสมเด็จ"))
                .add(json.createObjectNode().put("role", "signed").put("position", "x"));
        root.set("agency", agency);
        Path bad = Files.writeString(dir.resolve("signoff.json"), json.writeValueAsString(root));
        CliRun r = run("report", "--input", bad.toString(), "--out", dir.resolve("s.html").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("agency.signOff[1].role", "unknown role \"signed\"", "ไม่รู้จักบทบาท");
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
