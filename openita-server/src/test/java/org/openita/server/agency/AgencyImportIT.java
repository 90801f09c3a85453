package org.openita.server.agency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openita.server.agency.internal.AgencyColumns;
import org.openita.server.agency.AgencyCode;
import org.openita.server.support.ServerTestSupport;
import org.openita.server.testing.Fixtures;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Importing and exporting the agency registry as the central administrator would, on the real database. */
class AgencyImportIT extends ServerTestSupport {

    static final String HEADER = "รหัสหน่วยงาน,ชื่อหน่วยงาน,ประเภทหน่วยงาน,ขนาด,จังหวัด,อำเภอ,เว็บไซต์หลัก,จำนวนบุคลากร,หน่วยงานภายใน,รหัสหน่วยงานต้นสังกัด\n";
    static final RequestPostProcessor ADMIN = user("central").roles("CENTRAL_ADMIN");


    /** The start of every agency code this test imports: no other test's code starts so (ADR 0020). */
    final String p = Fixtures.unique("AI") + "-";

    private String upload(String name, byte[] body, String mode) throws Exception {
        return mvc.perform(multipart("/agencies/import").file(new MockMultipartFile("file", name, "text/csv", body))
                        .param("mode", mode).with(ADMIN).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private long count(String prefix) {
        return jdbc.sql("select count(*) from agency where code like ?").param(prefix + "%").query(Long.class).single();
    }

    @Test
    void aValidFileIsImportedWithThaiDigitsAndUnits() throws Exception {
        String csv = HEADER
                + p + "1,องค์การบริหารส่วนตำบลสมเด็จ,อบต.,L,กาฬสินธุ์,สมเด็จ,https://www.samdet.go.th,๔๕,สำนักปลัด; กองคลัง; กองช่าง,\n"
                + p + "2,เทศบาลตำบลทดสอบ,เทศบาลตำบล,M,ขอนแก่น,เมือง,,120,,\n";
        String page = upload("registry.csv", csv.getBytes(StandardCharsets.UTF_8), "ALL_OR_NOTHING");
        assertThat(page).contains("เพิ่มหน่วยงานใหม่ 2 แห่ง");
        Agency samdet = registry.find(AgencyCode.of(p + "1")).orElseThrow();
        assertThat(samdet.type()).isEqualTo(AgencyType.SAO);
        assertThat(samdet.staffCount()).isEqualTo(45);
        assertThat(samdet.units()).containsExactly("สำนักปลัด", "กองคลัง", "กองช่าง");
        assertThat(fixtures.audits("AGENCY_CREATED", "agency:" + p + "1")).isEqualTo(1);
    }

    @Test
    void oneBadRowImportsNothingAndEveryProblemIsNamedByRowAndColumn() throws Exception {
        String csv = HEADER
                + p + "1,กรมตัวอย่าง,กรม,,กรุงเทพมหานคร,,,10,,\n"
                + ",ไม่มีรหัส,กรม,,,,,,,\n"
                + p + "3,ประเภทผิด,บริษัท,,,,,,,\n"
                + p + "4,ขนาดผิด,กระทรวง,L,,,,,,\n"
                + p + "5,เว็บผิด,กรม,,,,www.example,-3,,\n"
                + p + "1,ซ้ำ,กรม,,,,,,,\n"
                + p + "7,ต้นสังกัดไม่มี,กรม,,,,,,,ZZZ\n";
        String page = upload("bad.csv", csv.getBytes(StandardCharsets.UTF_8), "ALL_OR_NOTHING");
        assertThat(count(p)).isZero();
        assertThat(page).contains("ไม่ได้นำเข้าข้อมูลใดเลย", "พบปัญหา 7 รายการ",
                "<td>3</td>", "ต้องระบุรหัสหน่วยงาน",
                "<td>4</td>", "ไม่รู้จักประเภท &quot;บริษัท&quot;",
                "<td>5</td>", "ขนาดใช้ไม่ได้กับประเภทนี้: S, M, L ใช้กับ",
                "<td>6</td>", "เว็บไซต์ต้องเป็นที่อยู่ที่ขึ้นต้นด้วย http://", "จำนวนบุคลากรต้องเป็นจำนวนเต็มตั้งแต่ 0 ขึ้นไป",
                "<td>7</td>", "รหัส " + p + "1 ซ้ำ",
                "<td>8</td>", "ไม่พบหน่วยงานต้นสังกัดรหัส ZZZ");
    }

    @Test
    void validRowsOnlyWhenAskedAndProblemsInEnglish() throws Exception {
        String csv = HEADER + p + "1,หน่วยงานดี,กรม,,,,,,,\nC-2,หน่วยงานไม่ดี,???,,,,,,,\n";
        String page = mvc.perform(multipart("/agencies/import").file(new MockMultipartFile("file", "c.csv", "text/csv",
                                csv.getBytes(StandardCharsets.UTF_8))).param("mode", "VALID_ROWS_ONLY").param("lang", "en")
                        .with(ADMIN).with(csrf()))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(count(p)).isEqualTo(1);
        assertThat(page).contains("1 agencies added", "unknown type &quot;???&quot;");
    }

    @Test
    void aMissingColumnOrAnUnreadableFileIsExplained() throws Exception {
        String page = upload("x.csv", "ชื่อหน่วยงาน,อะไร\nก,ข\n".getBytes(StandardCharsets.UTF_8), "ALL_OR_NOTHING");
        assertThat(page).contains("ไม่มีคอลัมน์ที่ต้องมี &quot;รหัสหน่วยงาน&quot;", "ไม่รู้จักคอลัมน์ &quot;อะไร&quot;");
        String bad = upload("x.xlsx", "not a workbook".getBytes(StandardCharsets.UTF_8), "ALL_OR_NOTHING");
        assertThat(bad).contains("ไฟล์นี้ไม่ใช่สมุดงาน XLSX ที่อ่านได้");
        String wrongType = upload("x.pdf", "x".getBytes(StandardCharsets.UTF_8), "ALL_OR_NOTHING");
        assertThat(wrongType).contains("กรุณาเลือกไฟล์");
    }

    @Test
    void xlsxImportsAndTheExportImportsBackUnchanged() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            var sheet = wb.createSheet();
            String[] header = HEADER.trim().split(",");
            var h = sheet.createRow(0);
            for (int i = 0; i < header.length; i++) {
                h.createCell(i).setCellValue(header[i]);
            }
            var r = sheet.createRow(1);
            r.createCell(0).setCellValue(p + "1");
            r.createCell(1).setCellValue("มหาวิทยาลัยตัวอย่าง");
            r.createCell(2).setCellValue("มหาวิทยาลัย");
            r.createCell(7).setCellValue(1200);
            wb.write(out);
        }
        assertThat(upload("d.xlsx", out.toByteArray(), "ALL_OR_NOTHING")).contains("เพิ่มหน่วยงานใหม่ 1 แห่ง");
        assertThat(registry.find(AgencyCode.of(p + "1")).orElseThrow().staffCount()).isEqualTo(1200);

        // the export holds every test's agencies: counted from the export itself, not from the registry at another moment
        byte[] csv = mvc.perform(get("/agencies/export.csv").with(ADMIN)).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        int rows = org.apache.commons.csv.CSVFormat.DEFAULT.parse(new java.io.StringReader(new String(csv, StandardCharsets.UTF_8))).getRecords().size() - 1;
        assertThat(new String(csv, StandardCharsets.UTF_8)).contains(p + "1,มหาวิทยาลัยตัวอย่าง");
        Agency mine = registry.find(AgencyCode.of(p + "1")).orElseThrow();
        assertThat(upload("export.csv", csv, "ALL_OR_NOTHING")).contains("เพิ่มหน่วยงานใหม่ 0 แห่ง", "ปรับปรุง " + rows + " แห่ง", "พบปัญหา 0 รายการ");
        assertThat(registry.find(AgencyCode.of(p + "1"))).hasValue(mine);
        assertThat(fixtures.audits("AGENCY_UPDATED", "agency:" + p + "1")).as("an unchanged agency is not audited as changed").isZero();
        byte[] xlsx = mvc.perform(get("/agencies/export.xlsx").with(ADMIN)).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(wb.getSheetAt(0).getLastRowNum()).isEqualTo(rows);
        }
    }

    @Test
    void onlyTheCentralAdministratorReachesTheRegistry() throws Exception {
        mvc.perform(get("/agencies").with(user("clerk").roles("AGENCY_ADMIN"))).andExpect(status().isForbidden());
        mvc.perform(get("/agencies/export.csv").with(user("assessor").roles("ASSESSOR"))).andExpect(status().isForbidden());
        mvc.perform(get("/agencies")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/agencies").with(ADMIN)).andExpect(status().isOk());
    }

    @Test
    void theImportPageOffersATemplateAndListsEachColumnsAllowedValuesFromTheCheckingCode() throws Exception {
        String page = mvc.perform(get("/agencies/import").with(ADMIN)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("href=\"/agencies/template.csv\"", "href=\"/agencies/template.xlsx\"", "data-testid=\"column-help\"");
        for (AgencyColumns c : AgencyColumns.values()) {
            assertThat(page).contains("data-column=\"" + c.key + "\"", c.thai);
        }
        for (AgencyType t : AgencyType.values()) {
            assertThat(page).contains(t.thai(), t.name());
        }
        assertThat(page).contains("S, M, L ใช้กับ", "S, M, L, only for");
        String en = mvc.perform(get("/agencies/import").param("lang", "en").with(ADMIN)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(en).contains("Allowed values", "S, M, L, only for TOWN_MUNICIPALITY, SUBDISTRICT_MUNICIPALITY, SAO");

        byte[] csv = mvc.perform(get("/agencies/template.csv").with(ADMIN)).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        String text = new String(csv, StandardCharsets.UTF_8).replace("\uFEFF", "").strip();
        assertThat(text).isEqualTo(String.join(",", AgencyColumns.thaiHeaders()));
        byte[] xlsx = mvc.perform(get("/agencies/template.xlsx").with(ADMIN)).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(wb.getSheetAt(0).getLastRowNum()).isZero();
            assertThat(wb.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("รหัสหน่วยงาน");
        }
        mvc.perform(get("/agencies/template.csv").with(user("clerk").roles("AGENCY_ADMIN"))).andExpect(status().isForbidden());
        // the template, filled in, imports
        String filled = text + "\nT-1,องค์การบริหารส่วนตำบลแบบฟอร์ม,,อบต.,S,,,,,,,\n";
        assertThat(upload("t.csv", filled.getBytes(StandardCharsets.UTF_8), "ALL_OR_NOTHING")).contains("เพิ่มหน่วยงานใหม่ 1 แห่ง");
    }

    @Test
    void theRegistryAndTheImportResultLinkToEachAgencysPage() throws Exception {
        String csv = HEADER + "L-1,องค์การบริหารส่วนตำบลลิงก์,อบต.,,,,,,,\n";
        String result = upload("l.csv", csv.getBytes(StandardCharsets.UTF_8), "ALL_OR_NOTHING");
        assertThat(result).contains("data-testid=\"imported\"", "<a href=\"/agency/L-1\">L-1 องค์การบริหารส่วนตำบลลิงก์</a>");
        String list = mvc.perform(get("/agencies").with(ADMIN)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(list).contains("<a href=\"/agency/L-1\">L-1</a>", "<a href=\"/agency/L-1\">องค์การบริหารส่วนตำบลลิงก์</a>");
        mvc.perform(get("/agency/L-1").with(ADMIN)).andExpect(status().isOk());
    }
}
