package org.openita.server.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openita.server.agency.AgencyCode;
import org.openita.server.agency.AgencyRegistry;
import org.openita.server.identity.Role;
import org.openita.server.identity.UserAccounts;
import org.openita.server.support.ServerTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The pre-filled results template of an agency whose name holds a quote and a comma: as many cells as headers,
 * the name intact, and the unchanged template imported back through the import page without a complaint about
 * its structure (its only complaint: no scores yet), and saved once a score is entered.
 */
class ResultTemplateIT extends ServerTestSupport {

    static final String NAME = "อบต. \"ทดสอบ\", เมือง";
    /** This test's own agency (a quote and a comma in its name) and its administrator, made for every test. */
    String code;
    RequestPostProcessor admin;

    @Autowired
    MockMvc mvc;
    @Autowired
    AgencyRegistry registry;
    @Autowired
    UserAccounts accounts;

    @BeforeEach
    void agencyWithAQuoteAndACommaInItsName() {
        // the builder writes the name as a quoted CSV cell, so the registry reads the quote and the comma back
        code = fixtures.agency().named(NAME).create().code().value();
        assertThat(registry.find(AgencyCode.of(code)).orElseThrow().nameTh()).isEqualTo(NAME);
        admin = fixtures.person(Role.AGENCY_ADMIN).of(code).create().signedIn();
    }

    private byte[] template(String format) throws Exception {
        return template(format, 2568);
    }

    private byte[] template(String format, int year) throws Exception {
        return mvc.perform(get("/agency/" + code + "/results/template." + format).param("year", Integer.toString(year)).with(admin))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    }

    /** Uploads the file through the agency's import page, follows the import to its end and returns the finished page. */
    private String importThroughThePage(String fileName, byte[] content) throws Exception {
        String job = mvc.perform(multipart("/agency/" + code + "/results/import")
                        .file(new MockMultipartFile("file", fileName, "application/octet-stream", content)).with(admin).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(job).startsWith("/imports/");
        for (int i = 0; i < 200; i++) {
            String page = mvc.perform(get(job).with(admin)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            if (page.contains("data-testid=\"results-report\"")) {
                return page;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("import did not finish");
    }

    /**
     * The import read the unchanged template's one row and matched the agency by its code and name: its only
     * complaint is that no score has been entered yet, and nothing is saved.
     */
    private static void readAsATemplateWithoutScores(String page) {
        assertThat(page).contains("ไม่ได้นำเข้าข้อมูลใดเลย: อ่าน 1 แถว พบปัญหา 1 รายการ", "แถวนี้ยังไม่มีคะแนน");
    }

    /** With a score entered, the same template is saved. */
    private static void acceptedAsATemplate(String page) {
        assertThat(page).contains("อ่าน 1 แถว", "บันทึกผลการประเมิน 1 รายการ", "data-testid=\"to-results\"");
    }

    @Test
    void the2569TemplateListsThe2569OitItemsAndItsFilledRowImports() throws Exception {
        String text = new String(template("csv", 2569), StandardCharsets.UTF_8);
        List<CSVRecord> records = CSVFormat.DEFAULT.parse(new StringReader(text.substring(1))).getRecords();
        List<String> header = records.get(0).toList();
        assertThat(header).contains("i15", "e9", "o1", "o25", "o26").doesNotContain("o27", "i16");
        List<String> filled = new ArrayList<>(records.get(1).toList());
        assertThat(filled.subList(0, 3)).containsExactly(code, NAME, "2569");
        filled.set(header.indexOf("คะแนนรวม"), "90.03");
        filled.set(header.indexOf("o25"), "0");
        StringBuilder csv = new StringBuilder();
        try (org.apache.commons.csv.CSVPrinter out = new org.apache.commons.csv.CSVPrinter(csv, CSVFormat.DEFAULT)) {
            out.printRecord(header);
            out.printRecord(filled);
        }
        acceptedAsATemplate(importThroughThePage("template-2569.csv", csv.toString().getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theTemplatesHaveOneCellPerHeaderAndImportBackUnchanged() throws Exception {
        byte[] csv = template("csv");
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        List<CSVRecord> records = CSVFormat.DEFAULT.parse(new StringReader(text.substring(1))).getRecords();
        assertThat(records).hasSize(2);
        List<String> header = records.get(0).toList();
        assertThat(header).startsWith("รหัสหน่วยงาน", "ชื่อหน่วยงาน", "ปีงบประมาณ").contains("i1", "o1");
        List<String> row = records.get(1).toList();
        assertThat(row).hasSameSizeAs(header);
        assertThat(row.subList(0, 3)).containsExactly(code, NAME, "2568");
        assertThat(row.subList(3, row.size())).allMatch(String::isEmpty);

        readAsATemplateWithoutScores(importThroughThePage("template.csv", csv));
        List<String> filled = new ArrayList<>(row);
        filled.set(header.indexOf("คะแนนรวม"), "88.5");
        StringBuilder withScore = new StringBuilder();
        try (org.apache.commons.csv.CSVPrinter out = new org.apache.commons.csv.CSVPrinter(withScore, CSVFormat.DEFAULT)) {
            out.printRecord(header);
            out.printRecord(filled);
        }
        acceptedAsATemplate(importThroughThePage("template.csv", withScore.toString().getBytes(StandardCharsets.UTF_8)));

        // the workbook: the same headers, the same three cells
        byte[] xlsx = template("xlsx");
        List<String> sheetHeader = new ArrayList<>();
        List<String> sheetRow = new ArrayList<>();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(wb.getSheetAt(0).getLastRowNum()).isEqualTo(1);
            for (Cell c : wb.getSheetAt(0).getRow(0)) {
                sheetHeader.add(c.getStringCellValue());
            }
            Row second = wb.getSheetAt(0).getRow(1);
            for (int i = 0; i < second.getLastCellNum(); i++) {
                sheetRow.add(second.getCell(i) == null ? "" : second.getCell(i).getStringCellValue());
            }
        }
        assertThat(sheetHeader).isEqualTo(header);
        assertThat(sheetRow).containsExactly(code, NAME, "2568");
        readAsATemplateWithoutScores(importThroughThePage("template.xlsx", xlsx));
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx)); java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
            wb.getSheetAt(0).getRow(1).createCell(header.indexOf("คะแนนรวม")).setCellValue("88.5");
            wb.write(out);
            acceptedAsATemplate(importThroughThePage("template.xlsx", out.toByteArray()));
        }
    }

    @Test
    void theImportPageOffersTheLatestYearWhoseResultsCanExistNotTheYearBeingAssessed() throws Exception {
        var agency = fixtures.agency().create();
        var admin = fixtures.person(Role.AGENCY_ADMIN).of(agency).create().signedIn();
        // 30 November 2026 is in fiscal year 2570, whose assessment has only begun: 2569 is the year to import
        clock.setToday(java.time.LocalDate.of(2026, 11, 30));
        String page = mvc.perform(get("/agency/" + agency.code() + "/results/import").with(admin)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("แบบฟอร์ม CSV ปี 2569").doesNotContain("แบบฟอร์ม CSV ปี 2570");
        // a year asked for is still given
        String asked = mvc.perform(get("/agency/" + agency.code() + "/results/import").param("year", "2570").with(admin))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(asked).contains("แบบฟอร์ม CSV ปี 2570");
    }
}
