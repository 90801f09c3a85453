package org.openita.server.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openita.core.framework.FrameworkLoader;
import org.openita.core.interchange.ScoreInputReader;
import org.openita.core.interchange.ScoreResultWriter;
import org.openita.core.scoring.ScoringEngine;
import org.openita.server.agency.AgencyCode;
import org.openita.server.agency.Agency;
import org.openita.server.agency.AgencyType;
import org.openita.server.identity.Role;
import org.openita.server.support.ServerTestSupport;
import org.openita.server.testing.Fixtures;
import org.openita.server.testing.Fixtures.Person;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Official results imported from CSV, XLSX and the JSON of openita score, through the progress page, read
 * back on the agency's results page and in its report; bad files are refused whole with the row, column
 * and reason of every problem.
 */
class OfficialResultsIT extends ServerTestSupport {

    static final String HEADER = "รหัสหน่วยงาน,ปีงบประมาณ,คะแนนรวม,ระดับผลการประเมิน,IIT,EIT,EIT ส่วนที่ 1,EIT ส่วนที่ 2,OIT,"
            + "ตัวชี้วัดที่ 1,ตัวชี้วัดที่ 2,ตัวชี้วัดที่ 3,ตัวชี้วัดที่ 4,ตัวชี้วัดที่ 5,ตัวชี้วัดที่ 6,ตัวชี้วัดที่ 7,ตัวชี้วัดที่ 8,ตัวชี้วัดที่ 9,ตัวชี้วัดที่ 10\n";
    static final RequestPostProcessor CENTRAL = user("central").roles("CENTRAL_ADMIN");

    /** An agency of this test's own, with a name no other agency has (results files may name an agency instead of giving its code). */
    private Agency agency(AgencyType type, String name) {
        return fixtures.agency().type(type).named(name + " " + Fixtures.unique("R")).create();
    }

    /** Uploads a file, follows the import to its end and returns the finished progress page. */
    private String upload(String path, String fileName, byte[] content, RequestPostProcessor who) throws Exception {
        String job = mvc.perform(multipart(path).file(new MockMultipartFile("file", fileName, "application/octet-stream", content))
                        .with(who).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(job).startsWith("/imports/");
        for (int i = 0; i < 200; i++) {
            String page = mvc.perform(get(job).with(who)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            if (page.contains("data-testid=\"results-report\"")) {
                String partial = mvc.perform(get(job).with(who).header("HX-Request", "true")).andReturn().getResponse()
                        .getContentAsString(StandardCharsets.UTF_8);
                assertThat(partial).contains("import-progress").doesNotContain("<html");
                return page;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("import did not finish");
    }

    private String upload(String csv) throws Exception {
        return upload("/results/import", "results.csv", csv.getBytes(StandardCharsets.UTF_8), CENTRAL);
    }

    /** Results stored for these agencies (the test's own). */
    private long stored(Agency... agencies) {
        return jdbc.sql("select count(*) from agency_result where agency_code in (:codes)")
                .param("codes", Arrays.stream(agencies).map(x -> x.code().value()).toList()).query(Long.class).single();
    }

    /** A code or a year in a page's address that is not one names no page: "not found", never a server failure (ADR 0018). */
    @Test
    void anAddressWhoseAgencyCodeOrYearIsNotOneIsNotFound() throws Exception {
        String existing = fixtures.agency().create().code().value(); // a code that is one: only the year is wrong
        String tooLong = "R".repeat(AgencyCode.MAX_LENGTH + 1);
        for (String code : List.of("not a code", "รหัสไทย", tooLong, "R-1!x")) {
            mvc.perform(get("/agency/{code}", code).with(CENTRAL)).andExpect(status().isNotFound());
            mvc.perform(get("/agency/{code}/results/{year}", code, "2568").with(CENTRAL)).andExpect(status().isNotFound());
            mvc.perform(get("/agency/{code}/results/{year}/report.pdf", code, "2568").with(CENTRAL)).andExpect(status().isNotFound());
            mvc.perform(get("/agency/{code}/results/import", code).with(CENTRAL)).andExpect(status().isNotFound());
            mvc.perform(multipart("/agency/{code}/results/import", code).file(new MockMultipartFile("file", "r.csv", "text/csv",
                    HEADER.getBytes(StandardCharsets.UTF_8))).with(CENTRAL).with(csrf())).andExpect(status().isNotFound());
            // a module that turns the text into a code itself (AgencyCode.of) answers the same
            mvc.perform(get("/agency/{code}/measures/{year}", code, "2568").with(CENTRAL)).andExpect(status().isNotFound());
        }
        for (String year : List.of("abc", "99999", "2499", "-1", "๒๕๖๘x")) {
            mvc.perform(get("/agency/{code}/results/{year}", existing, year).with(CENTRAL)).andExpect(status().isNotFound());
            mvc.perform(get("/agency/{code}/results/{year}/report.docx", existing, year).with(CENTRAL)).andExpect(status().isNotFound());
            mvc.perform(get("/agency/{code}/measures/{year}", existing, year).with(CENTRAL)).andExpect(status().isNotFound());
        }
        // a request parameter of the wrong type is still a bad request, not a missing page
        mvc.perform(get("/agency/{code}/results/import", existing).param("year", "abc").with(CENTRAL)).andExpect(status().isBadRequest());
    }

    @Test
    void importReadAndReport() throws Exception {
        String r1 = fixtures.agency().create().code().value();
        Person otherAdmin = fixtures.person(Role.AGENCY_ADMIN).of(fixtures.agency().create()).create();
        String none = fixtures.agency().create().code().value();
        String page = upload(HEADER
                + r1 + ",๒๕๖๘,๙๙.๑๗,ผ่านดี,,,,,,99.89,100,100,100,100,96.67,99.00,96.67,100,100\n"
                + r1 + ",2567,94.60,,,,,,,,,,,,,,,,\n");
        assertThat(page).contains("บันทึกผลการประเมิน 2 รายการ");
        String results = mvc.perform(get("/agency/" + r1 + "/results/2568").with(CENTRAL))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        // the imported level is the result (it was "undetermined" before issue 10)
        assertThat(results).contains("99.17", "99.89", "การปฏิบัติหน้าที่", "ผ่านดี", "ประกาศโดยสำนักงาน ป.ป.ช.", "data-testid=\"indicator-chart\"",
                "data-testid=\"yoy-chart\"", "94.60");
        // 2567 was imported with its overall alone: no empty last-year columns in the indicator and tool tables
        assertThat(results).doesNotContain("<th scope=\"col\" class=\"num\">2567</th>");
        // the published overall beside the recomputed one, flagged with the rule
        assertThat(results).contains("data-testid=\"result-checks\"", "99.23", "\u22120.06", "IIT×0.3 + EIT×0.3 + OIT×0.4");
        byte[] pdf = mvc.perform(get("/agency/" + r1 + "/results/2568/report.pdf").with(CENTRAL))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        mvc.perform(get("/agency/" + r1 + "/results/2568").with(otherAdmin.signedIn())).andExpect(status().isNotFound());
        mvc.perform(get("/agency/" + r1 + "/results/2568/report.pdf").with(otherAdmin.signedIn())).andExpect(status().isNotFound());
        mvc.perform(get("/agency/" + none + "/results/2563").with(CENTRAL)).andExpect(status().isNotFound()); // none imported
        String audit = jdbc.sql("select cast(after_data as text) from audit_event where action = 'RESULT_IMPORTED' and subject = ?"
                + " order by id desc limit 1").param("result:" + r1 + "/2568").query(String.class).single();
        assertThat(audit).contains("๙๙.๑๗");
    }

    @Test
    void anXlsxFileWithPerQuestionAndPerItemColumnsAndAgenciesNamedExactly() throws Exception {
        Agency x = agency(AgencyType.SAO, "องค์การบริหารส่วนตำบลเอ็กซ์");
        byte[] xlsx;
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = wb.createSheet("ผล");
            String[] head = {"ชื่อหน่วยงาน", "ปีงบประมาณ", "คะแนนรวม", "i1", "o1", "o2"};
            XSSFRow h = sheet.createRow(0);
            for (int i = 0; i < head.length; i++) {
                h.createCell(i).setCellValue(head[i]);
            }
            XSSFRow r = sheet.createRow(1);
            r.createCell(0).setCellValue(x.nameTh());
            r.createCell(1).setCellValue(2568);
            r.createCell(2).setCellValue(87.5);
            r.createCell(3).setCellValue(91.25);
            r.createCell(4).setCellValue(100);
            r.createCell(5).setCellValue(0);
            wb.write(out);
            xlsx = out.toByteArray();
        }
        assertThat(upload("/results/import", "results.xlsx", xlsx, CENTRAL)).contains("บันทึกผลการประเมิน 1 รายการ");
        String page = mvc.perform(get("/agency/" + x.code() + "/results/2568").with(CENTRAL)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("87.50", "data-testid=\"result-questions\"", "91.25", "data-testid=\"result-oit\"", "o2");
    }

    @Test
    void theJsonOfOpenitaScoreImportsByName() throws Exception {
        Agency r2 = agency(AgencyType.SUBDISTRICT_MUNICIPALITY, "เทศบาลตำบลอื่น");
        var read = ScoreInputReader.read("{\"agency\":\"" + r2.nameTh() + "\",\"year\":2567,\"indicators\":{\"1\":90,\"2\":91,\"3\":92,\"4\":93,\"5\":94,"
                + "\"6\":95,\"7\":96,\"8\":97,\"9\":98,\"10\":99}}", y -> java.util.Optional.of(FrameworkLoader.shipped(y)));
        String json = "[" + ScoreResultWriter.json(ScoringEngine.score(read.framework(), read.input())) + "]";
        assertThat(upload("/results/import", "score.json", json.getBytes(StandardCharsets.UTF_8), CENTRAL)).contains("บันทึกผลการประเมิน 1 รายการ");
        String page = mvc.perform(get("/agency/" + r2.code() + "/results/2567").with(CENTRAL)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("99.00", r2.nameTh());
        // the tool scores openita score recomputed are not imported as announced ones: only the indicators were given
        String api = mvc.perform(get("/api/v1/agencies/" + r2.code() + "/results/2567").with(CENTRAL)).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        var sources = tools.jackson.databind.json.JsonMapper.builder().build().readTree(api).get("figureSources");
        assertThat(sources.get("1").asString()).isEqualTo("official");
        assertThat(sources.get("IIT").asString()).isEqualTo("computed");
        assertThat(sources.get("OIT").asString()).isEqualTo("computed");
        assertThat(upload("/results/import", "score.json", "{\"year\": ".getBytes(StandardCharsets.UTF_8), CENTRAL))
                .contains("อ่านไฟล์ JSON ไม่ได้");
    }

    @Test
    void badRowsAreNamedByRowAndColumnAndNothingIsSaved() throws Exception {
        Agency r1 = agency(AgencyType.SAO, "องค์การบริหารส่วนตำบลผลลัพธ์");
        Agency r2 = agency(AgencyType.SUBDISTRICT_MUNICIPALITY, "เทศบาลตำบลอื่น");
        String twinName = "เทศบาลตำบลชื่อซ้ำ " + Fixtures.unique("R");
        Agency twin = fixtures.agency().type(AgencyType.SUBDISTRICT_MUNICIPALITY).named(twinName).create();
        Agency otherTwin = fixtures.agency().type(AgencyType.SUBDISTRICT_MUNICIPALITY).named(twinName).create();
        String c1 = r1.code().value();
        String c2 = r2.code().value();
        long before = stored(r1, r2, twin, otherTwin);
        String page = upload(HEADER.replace("\n", ",ชื่อหน่วยงาน,o1,i99\n")
                + c2 + ",2568,90,,,,,,,,,,,,,,,,,,,\n"
                + "NOPE,2568,90,,,,,,,,,,,,,,,,,,,\n"
                + c2 + ",2568,,,,,,,,120,,,,,,,,,,,,\n"
                + c2 + ",2565,,,,,88,,,,,,,,,,,,,,,\n"
                + c2 + ",2698,90,,,,,,,,,,,,,,,,,,,\n" // a year no test defines
                + c2 + ",2568,91,,,,,,,,,,,,,,,,,,,\n"
                + c1 + ",2568,90,,,,,,,,,,,,,,,,," + r2.nameTh() + ",,\n"
                + ",2568,90,,,,,,,,,,,,,,,,,ไม่มีชื่อนี้,,\n"
                + ",2568,90,,,,,,,,,,,,,,,,," + twinName + ",,\n"
                + c1 + ",2568,90,,,,,,,,,,,,,,,,,,50,\n"
                + c1 + ",2567,90,,,,,,,,,,,,,,,,,,,70\n"
                + c1 + ",2568,90,ดีมากเลย,,,,,,,,,,,,,,,,,,\n"
                + c1 + ",2568,abc,,,,,,,,,,,,,,,,,,,\n");
        assertThat(page).contains("ไม่ได้นำเข้าข้อมูลใดเลย",
                "<td>3</td>", "ไม่พบหน่วยงานรหัส &quot;NOPE&quot;",
                "<td>4</td>", "<td>ตัวชี้วัดที่ 1</td>",
                "<td>5</td>", "<td>EIT ส่วนที่ 1</td>",
                "<td>6</td>", "<td>ปีงบประมาณ</td>",
                "<td>7</td>", "มากกว่าหนึ่งแถว",
                "<td>8</td>", "เป็นของ &quot;" + r1.nameTh() + "&quot;",
                "<td>9</td>", "ไม่พบหน่วยงานชื่อ &quot;ไม่มีชื่อนี้&quot;",
                "<td>10</td>", "มากกว่าหนึ่งแห่ง",
                "<td>11</td>", "<td>o1</td>", "0 หรือ 100",
                "<td>12</td>", "<td>i99</td>",
                "<td>13</td>", "<td>ระดับผลการประเมิน</td>",
                "<td>14</td>", "<td>คะแนนรวม</td>",
                "data-testid=\"results-unmatched\"");
        assertThat(stored(r1, r2, twin, otherTwin)).isEqualTo(before);
        String unknownColumn = upload("รหัสหน่วยงาน,ปีงบประมาณ,คะแนนรวมทั้งหมด\n" + c2 + ",2568,90\n");
        assertThat(unknownColumn).contains("ไม่รู้จักคอลัมน์ &quot;คะแนนรวมทั้งหมด&quot;");
        String noYear = upload("รหัสหน่วยงาน,คะแนนรวม\n" + c2 + ",90\n");
        assertThat(noYear).contains("ไม่มีคอลัมน์ที่ต้องมี &quot;ปีงบประมาณ&quot;");
        assertThat(upload("/results/import", "results.xlsx", "not a workbook".getBytes(StandardCharsets.UTF_8), CENTRAL))
                .contains("ไม่ใช่สมุดงาน XLSX");
        String wrongType = mvc.perform(multipart("/results/import").file(new MockMultipartFile("file", "results.txt", "text/plain",
                        "x".getBytes(StandardCharsets.UTF_8))).with(CENTRAL).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(wrongType).contains("กรุณาเลือกไฟล์ .csv .xlsx หรือ .json");
        assertThat(stored(r1, r2, twin, otherTwin)).isEqualTo(before);
    }

    @Test
    void anAgencyAdministratorImportsForTheirOwnAgencyOnly() throws Exception {
        Agency r1 = fixtures.agency().create();
        Agency r2 = agency(AgencyType.SUBDISTRICT_MUNICIPALITY, "เทศบาลตำบลอื่น");
        String c2 = r2.code().value();
        RequestPostProcessor admin = fixtures.person(Role.AGENCY_ADMIN).of(r2).create().signedIn();
        RequestPostProcessor staff = fixtures.person(Role.AGENCY_STAFF).of(r2).create().signedIn();
        String template = mvc.perform(get("/agency/" + c2 + "/results/template.csv").param("year", "2568").with(admin))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String[] lines = template.split("\r\n");
        assertThat(lines[0]).startsWith("\uFEFFรหัสหน่วยงาน,ชื่อหน่วยงาน,ปีงบประมาณ,คะแนนรวม").contains(",i1,", ",o1,");
        assertThat(lines[1]).startsWith(c2 + "," + r2.nameTh() + ",2568,");
        String filled = lines[0].substring(1) + "\n" + lines[1].replaceFirst("2568,", "2568,88.5") + "\n";
        assertThat(upload("/agency/" + c2 + "/results/import", "mine.csv", filled.getBytes(StandardCharsets.UTF_8), admin))
                .contains("บันทึกผลการประเมิน 1 รายการ", "data-testid=\"to-results\"");
        long before = stored(r1, r2);
        String other = HEADER + r1.code() + ",2566,70,,,,,,,,,,,,,,,,\n";
        assertThat(upload("/agency/" + c2 + "/results/import", "other.csv", other.getBytes(StandardCharsets.UTF_8), admin))
                .contains("ไม่ใช่หน่วยงานของคุณ");
        assertThat(stored(r1, r2)).isEqualTo(before);
        mvc.perform(get("/agency/" + r1.code() + "/results/import").with(admin)).andExpect(status().isNotFound());
        mvc.perform(get("/agency/" + c2 + "/results/import").with(staff)).andExpect(status().isForbidden());
        mvc.perform(get("/results/import").with(admin)).andExpect(status().isForbidden());
        byte[] xlsx = mvc.perform(get("/agency/" + c2 + "/results/template.xlsx").with(admin)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(wb.getSheetAt(0).getRow(1).getCell(1).getStringCellValue()).isEqualTo(r2.nameTh());
        }
        // someone else's import job is not theirs to see
        String job = mvc.perform(multipart("/results/import").file(new MockMultipartFile("file", "r.csv", "text/csv",
                        (HEADER + c2 + ",2566,70,,,,,,,,,,,,,,,,\n").getBytes(StandardCharsets.UTF_8))).with(CENTRAL).with(csrf()))
                .andReturn().getResponse().getRedirectedUrl();
        mvc.perform(get(job).with(admin)).andExpect(status().isNotFound());
    }

    static Map<String, String> none() {
        return Map.of();
    }

    @Test
    void theToolTableNamesBothYearsAndMarksLastYearsRecomputedFigures() throws Exception {
        var agency = fixtures.agency().create();
        // indicators and overall announced, tools not: every tool figure of both years is recomputed
        fixtures.officialResults(agency.code(), 2568).scoring(84).create();
        fixtures.officialResults(agency.code(), 2569).scoring(88).create();
        String page = mvc.perform(get("/agency/" + agency.code() + "/results/2569").with(CENTRAL)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String tools = page.substring(page.indexOf("data-testid=\"result-tools\""));
        tools = tools.substring(0, tools.indexOf("</table>"));
        assertThat(tools).contains(">2569</th>", ">2568</th>");
        String iit = tools.substring(tools.indexOf("<td>IIT</td>"));
        iit = iit.substring(0, iit.indexOf("</tr>"));
        assertThat(iit).contains("88.00", "84.00");
        assertThat(iit.split("\\(คำนวณ\\)", -1)).as("the mark beside this year's and last year's figure").hasSize(3);
    }
}
