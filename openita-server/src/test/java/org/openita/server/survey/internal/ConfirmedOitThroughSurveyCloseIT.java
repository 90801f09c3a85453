package org.openita.server.survey.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.openita.core.framework.FiscalYear;
import org.openita.server.agency.Agency;
import org.openita.server.framework.FrameworkCatalog;
import org.openita.server.framework.internal.FrameworkVersions;
import org.openita.server.identity.Role;
import org.openita.server.support.ServerTestSupport;
import org.openita.server.testing.Fixtures.Person;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Confirmed OIT verdicts (issue 14) through the surveys' close and reopen: closing keeps them in every agency's result
 * (with survey answers or without), reopening keeps them (only the survey part is withdrawn), the next close merges them
 * again, and the agency's report (PDF and DOCX) gives the item scores, indicators 9 and 10 and the OIT score from them,
 * never the assessor's comment.
 */
class ConfirmedOitThroughSurveyCloseIT extends ServerTestSupport {

    static final String INTERNAL_COMMENT = "ความเห็นภายในของผู้ตรวจว่าแผนผังไม่ชัด";

    @Autowired
    FrameworkVersions versions;
    @Autowired
    FrameworkCatalog catalog;
    @Autowired
    SurveyWindows windows;

    private MockHttpServletResponse send(MockHttpServletRequestBuilder r, Person who) throws Exception {
        return mvc.perform(r.with(who.signedIn()).with(csrf())).andReturn().getResponse();
    }

    private void submitted(Agency a, int year, String item, String url) {
        jdbc.sql("insert into oit_submission (agency_code, fiscal_year, item_code, links, state, saved_by, submitted_at, submitted_by)"
                        + " values (?, ?, ?, cast(? as jsonb), 'SUBMITTED', 'agency-admin', now(), 'agency-admin')")
                .params(a.code().value(), year, item, "[\"" + url + "\"]").update();
        jdbc.sql("insert into oit_submitted_link (agency_code, fiscal_year, item_code, position, url) values (?, ?, ?, 0, ?)")
                .params(a.code().value(), year, item, url).update();
    }

    private String input(Agency a, int year) {
        return jdbc.sql("select cast(input as text) from agency_result where agency_code = ? and fiscal_year = ?")
                .params(a.code().value(), year).query(String.class).optional().orElse("");
    }

    private String pdfText(Agency a, int year, Person who) throws Exception {
        byte[] pdf = mvc.perform(get("/agency/" + a.code() + "/results/" + year + "/report.pdf").param("digits", "arabic")
                .with(who.signedIn())).andReturn().getResponse().getContentAsByteArray();
        try (var doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
        }
    }

    private String docxText(Agency a, int year, Person who) throws Exception {
        byte[] docx = mvc.perform(get("/agency/" + a.code() + "/results/" + year + "/report.docx").param("digits", "arabic")
                .with(who.signedIn())).andReturn().getResponse().getContentAsByteArray();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx)); XWPFWordExtractor x = new XWPFWordExtractor(doc)) {
            return x.getText().replaceAll("\\s+", "");
        }
    }

    /** One CSV line's cells (quoted cells may hold commas and doubled quotes). */
    private static java.util.List<String> cells(String line) {
        java.util.List<String> out = new java.util.ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                cell.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                out.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        out.add(cell.toString());
        return out;
    }

    /** A streamed download, as the browser gets it. */
    private String download(String path, Person who) throws Exception {
        var started = mvc.perform(get(path).with(who.signedIn())).andReturn();
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch(started)).andReturn()
                .getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The agency's row of the year's open-data CSV, by column header. */
    private java.util.Map<String, String> csvRow(int year, Agency a, Person who) throws Exception {
        String csv = download("/open-data/" + year + ".csv", who).replace("\uFEFF", "");
        java.util.List<String> lines = csv.lines().toList();
        java.util.List<String> header = cells(lines.get(0));
        String line = lines.stream().filter(l -> l.startsWith(a.code().value() + ",")).findFirst().orElseThrow();
        java.util.List<String> cells = cells(line);
        assertThat(cells).hasSameSizeAs(header);
        java.util.Map<String, String> row = new java.util.LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            row.put(header.get(i), cells.get(i));
        }
        return row;
    }

    @Test
    void confirmedOitOutlivesTheCloseAndTheReopenAndReachesTheReport() throws Exception {
        SurveyYears y = SurveyYears.make(fixtures, versions, catalog, 8);
        int be = y.year().buddhistEra();
        int ce = be - FiscalYear.BE_OFFSET;
        Person central = fixtures.person(Role.CENTRAL_ADMIN).create();
        // answered the surveys and submitted o1; the other submitted o1 only
        Agency answered = fixtures.agency().staff(40).create();
        new SurveyResponses(jdbc).iit(answered.code(), y.definition(), 10);
        new SurveyResponses(jdbc).eit(answered.code(), y.definition(), y.surveyDay(), 8);
        Agency oitOnly = fixtures.agency().staff(40).create();
        submitted(answered, be, "o1", "https://example.go.th/structure");
        submitted(oitOnly, be, "o1", "https://example.go.th/structure");
        Person assessor = fixtures.person(Role.ASSESSOR).seeing(answered.code(), oitOnly.code()).create();
        Person viewer = fixtures.person(Role.VIEWER).seeing(answered.code(), oitOnly.code()).create();

        clock.setToday(LocalDate.of(ce, 5, 10)); // OIT review
        assertThat(send(post("/oit/review/" + answered.code() + "/" + be + "/o1").param("version", "")
                .param("pass.1", "no").param("comment.1", INTERNAL_COMMENT).param("pass.2", "yes").param("comment.2", ""), assessor).getStatus())
                .isEqualTo(302);
        assertThat(send(post("/oit/review/" + oitOnly.code() + "/" + be + "/o1").param("version", "")
                .param("pass.1", "yes").param("comment.1", "").param("pass.2", "yes").param("comment.2", ""), assessor).getStatus()).isEqualTo(302);
        clock.setToday(LocalDate.of(ce, 6, 20)); // confirmation
        assertThat(send(post("/oit/review/" + answered.code() + "/" + be + "/confirm"), assessor).getStatus()).isEqualTo(302);
        assertThat(send(post("/oit/review/" + oitOnly.code() + "/" + be + "/confirm"), assessor).getStatus()).isEqualTo(302);
        String failedO1 = "\"o1\": {\"components\": {\"1\": false, \"2\": true}}";
        String passedO1 = "\"o1\": {\"components\": {\"1\": true, \"2\": true}}";
        assertThat(input(answered, be)).contains(failedO1).doesNotContain("\"questions\"");

        // the surveys close (a calendar whose survey phase runs again, as in a test year): both keep their OIT
        clock.setToday(y.surveyDay());
        windows.forget();
        assertThat(send(post("/surveys/close/" + be).param("confirm", "yes"), central).getStatus()).isEqualTo(302);
        assertThat(input(answered, be)).contains("\"questions\"").contains(failedO1);
        assertThat(input(oitOnly, be)).contains(passedO1).doesNotContain("\"questions\"");

        // the national export: indicators 9 and 10 and the OIT score from the verdicts, and where they came from
        String five = String.format(java.util.Locale.ROOT, "%.2f", 100.0 / y.definition().oitItemsOf(9).size());
        java.util.Map<String, String> row = csvRow(be, oitOnly, central);
        assertThat(row).containsEntry("ตัวชี้วัดที่ 9", five).containsEntry("ตัวชี้วัดที่ 10", "0.00")
                .containsEntry("OIT", String.format(java.util.Locale.ROOT, "%.2f", Double.parseDouble(five) / 2))
                .containsEntry("IIT", "").containsEntry("ที่มาของผล", "คำนวณโดย OpenITA จากผลการตรวจ OIT ที่ยืนยันแล้ว ยังไม่มีคะแนนจากคำตอบแบบสำรวจ");
        assertThat(csvRow(be, answered, central)).containsEntry("ตัวชี้วัดที่ 9", "0.00").containsEntry("ตัวชี้วัดที่ 10", "0.00")
                .containsEntry("OIT", "0.00").doesNotContainEntry("IIT", "");
        String json = download("/open-data/" + be + ".json", central);
        assertThat(json).contains("\"agencyCode\":\"" + oitOnly.code().value() + "\"");

        // the report: item scores, indicator 9 and 10 and the OIT score from the verdicts; no assessor comment
        int items = y.definition().oitItems().size();
        int nine = y.definition().oitItemsOf(9).size();
        int ten = y.definition().oitItemsOf(10).size();
        for (String text : new String[] {pdfText(oitOnly, be, viewer), docxText(oitOnly, be, viewer)}) {
            assertThat(text).contains("ผลการตรวจข้อOITผ่าน1ข้อจาก" + items + "ข้อที่มีผลข้อที่ผ่านได้100คะแนนข้อที่ไม่ผ่านได้0คะแนน")
                    .contains("ตัวชี้วัดที่9การเปิดเผยข้อมูลได้" + String.format(java.util.Locale.ROOT, "%.2f", 100.0 / nine) + "คะแนนผ่าน1ข้อจาก" + nine + "ข้อ")
                    .contains("ตัวชี้วัดที่10การป้องกันการทุจริตได้0.00คะแนนผ่าน0ข้อจาก" + ten + "ข้อ")
                    .contains("ข้อOITที่ผ่านเกณฑ์ได้ข้อละ100คะแนนได้แก่o1")
                    .contains("คะแนนของแบบวัดนี้เท่ากับ" + String.format(java.util.Locale.ROOT, "%.2f", 100.0 / nine * 0.5 + 0));
        }
        for (String text : new String[] {pdfText(answered, be, viewer), docxText(answered, be, viewer)}) {
            assertThat(text).contains("ผลการตรวจข้อOITผ่าน0ข้อจาก" + items + "ข้อที่มีผล").contains("ข้อOITที่ยังไม่ผ่านเกณฑ์มีดังนี้")
                    .doesNotContain(INTERNAL_COMMENT.replaceAll("\\s+", "")).doesNotContain("ความเห็นภายใน");
        }

        // reopening withdraws what came from the answers and keeps the confirmed OIT at once
        MockHttpServletResponse reopened = send(post("/surveys/close/" + be + "/reopen").param("reason", "ปิดก่อนกำหนด").param("confirm", "yes"),
                central);
        assertThat(reopened.getStatus()).isEqualTo(302);
        assertThat(input(answered, be)).as("OIT kept, survey part withdrawn").contains(failedO1).doesNotContain("\"questions\"");
        assertThat(input(oitOnly, be)).contains(passedO1);
        assertThat(fixtures.audits("RESULT_WITHDRAWN", "result:" + answered.code().value() + "/" + be)).isEqualTo(1);
        assertThat(csvRow(be, answered, central)).containsEntry("OIT", "0.00").containsEntry("IIT", "");
        assertThat(csvRow(be, oitOnly, central)).containsEntry("ตัวชี้วัดที่ 9", five);
        assertThat(mvc.perform(get("/agency/" + answered.code() + "/results/" + be).with(viewer.signedIn())).andReturn().getResponse()
                .getStatus()).isEqualTo(200);

        // the next close merges the answers and the OIT again
        assertThat(send(post("/surveys/close/" + be).param("confirm", "yes"), central).getStatus()).isEqualTo(302);
        assertThat(input(answered, be)).contains("\"questions\"").contains(failedO1);
        assertThat(input(oitOnly, be)).contains(passedO1).doesNotContain("\"questions\"");
    }
}
