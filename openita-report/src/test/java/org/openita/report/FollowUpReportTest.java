package org.openita.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.openita.core.analysis.AgencyProfile;
import org.openita.core.framework.FiscalYear;
import org.openita.core.thai.DigitStyle;

/** The follow-up report from recorded progress, read back from its PDF and DOCX. */
class FollowUpReportTest {

    static FollowUp followUp() {
        LocalDate asOf = LocalDate.of(2026, 11, 24);
        FollowUp.Measure done = new FollowUp.Measure("มาตรการยกระดับคุณภาพการให้บริการ", List.of("ประกาศขั้นตอนการให้บริการ", "สำรวจความพึงพอใจ"),
                "สำนักปลัด", "นางสาวตัวอย่าง ใจดี", LocalDate.of(2025, 10, 1), LocalDate.of(2026, 8, 30), "ตัวชี้วัดที่ 6 คุณภาพการดำเนินงาน",
                FollowUp.Status.DONE, List.of(new FollowUp.Milestone("รายงานความก้าวหน้า", LocalDate.of(2026, 3, 31), LocalDate.of(2026, 3, 25))),
                List.of(new FollowUp.Update(LocalDate.of(2026, 3, 25), FollowUp.Status.IN_PROGRESS, "ประกาศขั้นตอนแล้ว 12 งานบริการ",
                                List.of("https://example.go.th/services"), "admin"),
                        new FollowUp.Update(LocalDate.of(2026, 8, 20), FollowUp.Status.DONE, "สำรวจผู้รับบริการ 240 ราย", List.of(), "admin")));
        FollowUp.Measure late = new FollowUp.Measure("มาตรการปรับปรุงการทำงานโดยการมีส่วนร่วมของประชาชน", List.of(), "กองช่าง", null,
                LocalDate.of(2025, 10, 1), LocalDate.of(2026, 9, 30), "", FollowUp.Status.IN_PROGRESS, List.of(), List.of());
        FollowUp.Measure dropped = new FollowUp.Measure("มาตรการพัฒนา E-Service", List.of(), "กองคลัง", null, null, LocalDate.of(2026, 9, 30), "",
                FollowUp.Status.DROPPED, List.of(), List.of(new FollowUp.Update(LocalDate.of(2026, 5, 1), FollowUp.Status.DROPPED,
                "จังหวัดจัดทำระบบกลางให้แล้ว", List.of(), "admin")));
        return new FollowUp(new AgencyProfile("องค์การบริหารส่วนตำบลสมเด็จ", "สมเด็จ", "กาฬสินธุ์", List.of()), FiscalYear.of(2568), 2569,
                99.17, "ผ่านดี", List.of(done, late, dropped), asOf);
    }

    @Test
    void thePdfSaysWhatWasRecorded() throws Exception {
        PdfReportTest.requirePoppler();
        Path pdf = Path.of("target", "samples", "follow-up-2569.pdf");
        Files.createDirectories(pdf.getParent());
        Files.write(pdf, ReportFormat.PDF.render(followUp(), ReportOptions.defaults(LocalDate.of(2026, 11, 24))));
        // the same report in the other two formats, for docs/samples (scripts/regenerate-samples.sh copies them)
        Files.write(pdf.resolveSibling("follow-up-2569.docx"), ReportFormat.DOCX.render(followUp(), ReportOptions.defaults(LocalDate.of(2026, 11, 24))));
        Files.write(pdf.resolveSibling("follow-up-2569.html"), ReportFormat.HTML.render(followUp(), ReportOptions.defaults(LocalDate.of(2026, 11, 24))));
        Process p = new ProcessBuilder("pdftotext", "-enc", "UTF-8", pdf.toString(), "-").redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).isZero();
        assertThat(text).contains("รายงานผลการดำเนินการตามมาตรการ", "ปีงบประมาณ พ.ศ. ๒๕๖๙", "๒๔ พฤศจิกายน ๒๕๖๙",
                "๙๙.๑๗", "ผ่านดี", "ดำเนินการแล้วเสร็จ", "เลยกำหนด", "จังหวัดจัดทำระบบกลางให้แล้ว", "https://example.go.th/services",
                "ประกาศขั้นตอนแล้ว ๑๒ งานบริการ", "นางสาวตัวอย่าง ใจดี");
    }

    @Test
    void theDocxUsesArabicDigitsWhenAsked() throws Exception {
        byte[] docx = ReportFormat.DOCX.render(followUp(), new ReportOptions(DigitStyle.ARABIC, LocalDate.of(2026, 11, 24), null, true));
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx)); XWPFWordExtractor ex = new XWPFWordExtractor(doc)) {
            String text = ex.getText();
            assertThat(text).contains("ปีงบประมาณ พ.ศ. 2569", "ยกเลิก เนื่องจากจังหวัดจัดทำระบบกลางให้แล้ว", "ยังไม่แล้วเสร็จตามกำหนด 30 กันยายน 2569",
                    "รายงานความก้าวหน้า", "ดำเนินการแล้ว 25 มีนาคม 2569");
            assertThat(text).doesNotContain("๒๕๖๙");
        }
        String html = new String(ReportFormat.HTML.render(followUp(), ReportOptions.defaults(LocalDate.of(2026, 11, 24))), StandardCharsets.UTF_8);
        assertThat(html).contains("มาตรการยกระดับคุณภาพการให้บริการ", "<table");
    }

    /** A plan with a measure in every status, one never reported on and one overdue: the status rows add up to the total. */
    @Test
    void theStatusCountsAddUpToTheTotal() {
        FollowUp base = followUp();
        FollowUp.Measure untouched = new FollowUp.Measure("มาตรการจัดทำคู่มือการปฏิบัติงาน", List.of(), "สำนักปลัด", null,
                LocalDate.of(2025, 10, 1), LocalDate.of(2027, 3, 31), "", FollowUp.Status.NOT_STARTED, List.of(), List.of());
        FollowUp.Measure lateNotStarted = new FollowUp.Measure("มาตรการเผยแพร่ข้อมูลการจัดซื้อจัดจ้าง", List.of(), "กองคลัง", null,
                LocalDate.of(2025, 10, 1), LocalDate.of(2026, 6, 30), "", FollowUp.Status.NOT_STARTED, List.of(), List.of());
        List<FollowUp.Measure> measures = new java.util.ArrayList<>(base.measures());
        measures.add(untouched);
        measures.add(lateNotStarted);
        FollowUp plan = new FollowUp(base.agency(), base.assessmentYear(), base.measuresYear(), base.overall(), base.level(), measures,
                base.asOf());
        ReportDocument doc = FollowUpReportBuilder.build(plan, new ReportOptions(DigitStyle.ARABIC, base.asOf(), null, true));
        Block.Table summary = doc.blocks().stream().filter(b -> b instanceof Block.Table t && t.header().equals(List.of("สถานะ", "จำนวนมาตรการ")))
                .map(Block.Table.class::cast).findFirst().orElseThrow();
        int sum = 0;
        int total = -1;
        java.util.Map<String, Integer> byStatus = new java.util.HashMap<>();
        for (List<String> row : summary.rows()) {
            int n = Integer.parseInt(row.get(1));
            if (row.get(0).equals("รวม")) {
                total = n;
            } else {
                sum += n;
                byStatus.put(row.get(0), n);
            }
        }
        assertThat(total).isEqualTo(5);
        assertThat(sum).as("the status rows add up to the total").isEqualTo(total);
        assertThat(byStatus).containsEntry("ยังไม่เริ่ม", 2).containsEntry("อยู่ระหว่างดำเนินการ", 1)
                .containsEntry("ดำเนินการแล้วเสร็จ", 1).containsEntry("ยกเลิก", 1).hasSize(4);
        // the overdue ones (one in progress, one not started) are said beside the table, not counted twice in it
        assertThat(doc.blocks()).contains(new Block.Paragraph("ในจำนวนนี้ มี 2 มาตรการที่เลยกำหนดแล้วเสร็จแต่ยังดำเนินการไม่แล้วเสร็จ"));
    }
}
