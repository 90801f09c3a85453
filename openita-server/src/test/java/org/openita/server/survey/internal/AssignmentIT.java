package org.openita.server.survey.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openita.server.agency.Agency;
import org.openita.server.identity.Role;
import org.openita.server.support.ServerTestSupport;
import org.openita.server.testing.Fixtures.Person;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;

/**
 * The central administrator assigns agencies to assessors on /surveys/assessors, on the real server and database: one
 * by one (each refusal says why in Thai and English, answers 400 or 409 and changes nothing), removed after
 * confirming, and from CSV (UTF-8 and Windows-874) and XLSX files, where a file with any bad row stores nothing and
 * lists every problem, and a good one stores all its rows once. Every change is in the audit trail. No other role opens
 * the pages or changes anything, and a change without the CSRF token is refused.
 */
class AssignmentIT extends ServerTestSupport {

    private Person central() {
        return fixtures.person(Role.CENTRAL_ADMIN).create();
    }

    private Set<String> agenciesOf(Person p) {
        return accounts.accessOf(p.username());
    }

    private MockHttpServletResponse assign(Person by, String assessor, String agency, String lang) throws Exception {
        return mvc.perform(post("/surveys/assessors" + (lang == null ? "" : "?lang=" + lang)).param("assessor", assessor).param("agency", agency)
                .with(by.signedIn()).with(csrf())).andReturn().getResponse();
    }

    private MockHttpServletResponse upload(Person by, String name, byte[] body) throws Exception {
        return mvc.perform(multipart("/surveys/assessors/import").file(new MockMultipartFile("file", name, "application/octet-stream", body))
                .with(by.signedIn()).with(csrf())).andReturn().getResponse();
    }

    private static String text(MockHttpServletResponse r) throws Exception {
        return r.getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void oneByOneEachRefusalSaysWhyAndChangesNothing() throws Exception {
        Person central = central();
        Agency a = fixtures.agency().named("องค์การบริหารส่วนตำบลโนนศิลา").create();
        Agency b = fixtures.agency().create();
        Person assessor = fixtures.person(Role.ASSESSOR).named("อาจารย์ผู้ประเมิน").create();
        Person viewer = fixtures.person(Role.VIEWER).create();

        MockHttpServletResponse ok = assign(central, assessor.username(), a.code().value(), null);
        assertThat(ok.getStatus()).isEqualTo(302);
        assertThat(ok.getRedirectedUrl()).isEqualTo("/surveys/assessors?of=" + assessor.username() + "&assigned=" + a.code());
        assertThat(agenciesOf(assessor)).containsExactly(a.code().value());
        assertThat(fixtures.audits("ASSESSOR_AGENCY_ASSIGNED", "user:" + assessor.username())).isEqualTo(1);
        String after = text(mvc.perform(get(ok.getRedirectedUrl()).with(central.signedIn())).andReturn().getResponse());
        assertThat(after).contains("มอบหมายหน่วยงาน " + a.code() + " ให้ " + assessor.username() + " แล้ว", "องค์การบริหารส่วนตำบลโนนศิลา",
                "รับผิดชอบ 1 หน่วยงาน");

        // each refusal: its status, its message in Thai and in English, and nothing stored or audited
        record Case(String assessor, String agency, int status, String th, String en) {
        }
        List<Case> cases = List.of(
                new Case(assessor.username(), "NO-SUCH-AGENCY", 400, "ไม่มีหน่วยงานรหัส &quot;NO-SUCH-AGENCY&quot; ในทะเบียน", "No agency with the code &quot;NO-SUCH-AGENCY&quot;"),
                new Case(assessor.username(), "", 400, "ยังไม่ได้กรอกรหัสหน่วยงาน", "No agency code was given"),
                new Case("nobody-here", b.code().value(), 400, "ไม่มีบัญชีผู้ใช้ &quot;nobody-here&quot;", "There is no account &quot;nobody-here&quot;"),
                new Case(viewer.username(), b.code().value(), 400, "ไม่ใช่บัญชีผู้ประเมิน", "is not an assessor account"),
                new Case(central.username(), b.code().value(), 400, "ไม่ใช่บัญชีผู้ประเมิน", "is not an assessor account"),
                new Case(assessor.username(), a.code().value(), 409, "ได้รับมอบหมายหน่วยงาน " + a.code() + " อยู่แล้ว", "already has agency " + a.code()));
        for (Case c : cases) {
            MockHttpServletResponse th = assign(central, c.assessor(), c.agency(), null);
            assertThat(th.getStatus()).as(c.toString()).isEqualTo(c.status());
            assertThat(text(th)).as(c.toString()).contains(c.th(), "ไม่มีการเปลี่ยนแปลงใด", "data-testid=\"refusal\"");
            MockHttpServletResponse en = assign(central, c.assessor(), c.agency(), "en");
            assertThat(en.getStatus()).isEqualTo(c.status());
            assertThat(text(en)).as(c.toString()).contains(c.en());
        }
        assertThat(agenciesOf(assessor)).containsExactly(a.code().value());
        assertThat(accounts.accessOf(viewer.username())).isEmpty();
        assertThat(fixtures.audits("ASSESSOR_AGENCY_ASSIGNED", "user:" + assessor.username())).isEqualTo(1);
        assertThat(fixtures.audits("user:" + viewer.username())).isEqualTo(1); // its creation only

        // the account as typed in another case is the same account
        assertThat(assign(central, assessor.username().toUpperCase(), b.code().value(), null).getStatus()).isEqualTo(302);
        assertThat(agenciesOf(assessor)).containsExactlyInAnyOrder(a.code().value(), b.code().value());

        // removal: the confirmation first, then the POST
        String confirm = text(mvc.perform(get("/surveys/assessors").param("of", assessor.username()).param("remove", b.code().value())
                .with(central.signedIn())).andReturn().getResponse());
        assertThat(confirm).contains("ยืนยันการยกเลิกการมอบหมาย", "data-testid=\"remove-submit\"");
        assertThat(agenciesOf(assessor)).hasSize(2);
        MockHttpServletResponse removed = mvc.perform(post("/surveys/assessors/remove").param("assessor", assessor.username())
                .param("agency", b.code().value()).with(central.signedIn()).with(csrf())).andReturn().getResponse();
        assertThat(removed.getStatus()).isEqualTo(302);
        assertThat(agenciesOf(assessor)).containsExactly(a.code().value());
        assertThat(fixtures.audits("ASSESSOR_AGENCY_UNASSIGNED", "user:" + assessor.username())).isEqualTo(1);
        // the event says who, which assessor, which agency
        assertThat(jdbc.sql("select actor || ' ' || (before_data ->> 'assessor') || ' ' || (before_data ->> 'agency') from audit_event"
                        + " where action = 'ASSESSOR_AGENCY_UNASSIGNED' and subject = ?").param("user:" + assessor.username())
                .query(String.class).single()).isEqualTo(central.username() + " " + assessor.username() + " " + b.code());
        MockHttpServletResponse again = mvc.perform(post("/surveys/assessors/remove").param("assessor", assessor.username())
                .param("agency", b.code().value()).with(central.signedIn()).with(csrf())).andReturn().getResponse();
        assertThat(again.getStatus()).isEqualTo(409);
        assertThat(text(again)).contains("ไม่ได้รับมอบหมายหน่วยงาน &quot;" + b.code() + "&quot;");
        assertThat(fixtures.audits("ASSESSOR_AGENCY_UNASSIGNED", "user:" + assessor.username())).isEqualTo(1);
    }

    @Test
    void theListShowsEveryAssessorWithTheirAgenciesAndCount() throws Exception {
        Person central = central();
        Agency a = fixtures.agency().named("เทศบาลตำบลหนองแวง").create();
        Person assessor = fixtures.person(Role.ASSESSOR).named("ผู้ประเมินรายการ").seeing(a.code()).create();
        String page = text(mvc.perform(get("/surveys/assessors").param("q", assessor.username()).with(central.signedIn())).andReturn().getResponse());
        assertThat(page).contains(assessor.username(), "ผู้ประเมินรายการ", a.code().value(), "เทศบาลตำบลหนองแวง", "ผู้ประเมิน 1 บัญชี");
        // the progress page links here
        assertThat(text(mvc.perform(get("/surveys").with(central.signedIn())).andReturn().getResponse())).contains("href=\"/surveys/assessors\"");
    }

    @Test
    void aGoodFileAddsAllItsRowsOnceAndCountsWhatWasThere() throws Exception {
        Person central = central();
        Agency a = fixtures.agency().create();
        Agency b = fixtures.agency().create();
        Agency c = fixtures.agency().create();
        Person one = fixtures.person(Role.ASSESSOR).seeing(a.code()).create();
        Person two = fixtures.person(Role.ASSESSOR).create();
        String csv = "รหัสหน่วยงาน,บัญชีผู้ประเมิน,ชื่อหน่วยงาน\n" + a.code() + "," + one.username() + ",already there\n"
                + b.code() + "," + one.username() + ",x\n" + " " + c.code() + " ," + two.username().toUpperCase() + ",y\n";
        MockHttpServletResponse r = upload(central, "assign.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(r.getStatus()).isEqualTo(200);
        assertThat(text(r)).contains("อ่าน 3 แถว มอบหมายใหม่ 2 คู่ มอบหมายไว้แล้ว 1 คู่", "อ่านไฟล์ CSV เป็นข้อความ UTF-8");
        assertThat(agenciesOf(one)).containsExactlyInAnyOrder(a.code().value(), b.code().value());
        assertThat(agenciesOf(two)).containsExactly(c.code().value());
        // one audit record for the import, with its counts and the pairs it added
        String audit = jdbc.sql("select cast(after_data as text) from audit_event where action = 'ASSESSOR_AGENCIES_IMPORTED' and actor = ?")
                .param(central.username()).query(String.class).single();
        assertThat(audit).contains("\"rows\": 3", "\"added\": 2", "\"alreadyAssigned\": 1", b.code().value(), c.code().value(), two.username());

        // the same file again changes nothing and says so
        MockHttpServletResponse again = upload(central, "assign.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(text(again)).contains("อ่าน 3 แถว มอบหมายใหม่ 0 คู่ มอบหมายไว้แล้ว 3 คู่");
        assertThat(agenciesOf(one)).hasSize(2);
        assertThat(agenciesOf(two)).hasSize(1);
    }

    @Test
    void aFileWithAnyBadRowStoresNothingAndListsEveryProblem() throws Exception {
        Person central = central();
        Agency a = fixtures.agency().create();
        Agency b = fixtures.agency().create();
        Person assessor = fixtures.person(Role.ASSESSOR).create();
        Person staff = fixtures.person(Role.AGENCY_STAFF).of(a.code()).create();
        String csv = "agency_code,assessor\n"
                + a.code() + "," + assessor.username() + "\n"                 // row 2: good
                + "NOPE-1," + assessor.username() + "\n"                       // row 3: unknown agency
                + b.code() + ",ghost-account\n"                               // row 4: unknown account
                + b.code() + "," + staff.username() + "\n"                     // row 5: not an assessor
                + a.code() + "," + assessor.username() + "\n"                 // row 6: the same as row 2
                + "," + assessor.username() + "\n"                             // row 7: empty code
                + b.code() + ",\n";                                           // row 8: empty account
        MockHttpServletResponse r = upload(central, "bad.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(r.getStatus()).isEqualTo(400);
        String page = text(r);
        assertThat(page).contains("ไม่ได้บันทึกข้อมูลใดเลย: อ่าน 7 แถว พบปัญหา 6 รายการ",
                "ไม่มีหน่วยงานรหัส &quot;NOPE-1&quot; ในทะเบียน", "ไม่มีบัญชีผู้ใช้ &quot;ghost-account&quot;",
                "ไม่ใช่บัญชีผู้ประเมิน", "แถวซ้ำกับแถวที่ 2", "ช่องรหัสหน่วยงานว่าง", "ช่องบัญชีผู้ประเมินว่าง");
        for (int row = 3; row <= 8; row++) {
            assertThat(page).contains("<td>" + row + "</td>");
        }
        assertThat(agenciesOf(assessor)).isEmpty();
        assertThat(accounts.accessOf(staff.username())).isEmpty();
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'ASSESSOR_AGENCIES_IMPORTED' and actor = ?")
                .param(central.username()).query(Integer.class).single()).isZero();
        // in English too
        String en = text(mvc.perform(multipart("/surveys/assessors/import?lang=en")
                .file(new MockMultipartFile("file", "bad.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                .with(central.signedIn()).with(csrf())).andReturn().getResponse());
        assertThat(en).contains("Nothing was stored: 7 rows read, 6 problems found", "the same as row 2", "is not an assessor");

        // a header without the columns, a file of another kind, an empty file
        assertThat(text(upload(central, "cols.csv", "id,who\nA,b\n".getBytes(StandardCharsets.UTF_8))))
                .contains("ไม่มีคอลัมน์ &quot;รหัสหน่วยงาน&quot;", "ไม่มีคอลัมน์ &quot;บัญชีผู้ประเมิน&quot;");
        MockHttpServletResponse pdf = upload(central, "x.pdf", "%PDF".getBytes(StandardCharsets.UTF_8));
        assertThat(pdf.getStatus()).isEqualTo(400);
        assertThat(text(pdf)).contains("กรุณาเลือกไฟล์ .csv หรือ .xlsx");
        MockHttpServletResponse broken = upload(central, "x.xlsx", "not a workbook".getBytes(StandardCharsets.UTF_8));
        assertThat(broken.getStatus()).isEqualTo(400);
        assertThat(text(broken)).contains("ไฟล์นี้ไม่ใช่สมุดงาน XLSX ที่อ่านได้");
        assertThat(agenciesOf(assessor)).isEmpty();
    }

    @Test
    void aWindows874CsvAsThaiExcelSavesItImports() throws Exception {
        Person central = central();
        Agency a = fixtures.agency().create();
        Person assessor = fixtures.person(Role.ASSESSOR).create();
        byte[] cp874 = ("รหัสหน่วยงาน,บัญชีผู้ประเมิน\r\n" + a.code() + "," + assessor.username() + "\r\n").getBytes(Charset.forName("x-windows-874"));
        MockHttpServletResponse r = upload(central, "excel.csv", cp874);
        assertThat(r.getStatus()).isEqualTo(200);
        assertThat(text(r)).contains("อ่าน 1 แถว มอบหมายใหม่ 1 คู่", "Windows-874");
        assertThat(agenciesOf(assessor)).containsExactly(a.code().value());
    }

    @Test
    void theXlsxTemplateFilledInImports() throws Exception {
        Person central = central();
        Agency a = fixtures.agency().create();
        Agency b = fixtures.agency().create();
        Person assessor = fixtures.person(Role.ASSESSOR).create();
        byte[] template = mvc.perform(get("/surveys/assessors/template.xlsx").with(central.signedIn())).andReturn().getResponse().getContentAsByteArray();
        byte[] filled;
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(template)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("รหัสหน่วยงาน");
            assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("บัญชีผู้ประเมิน");
            for (int i = 0; i < 2; i++) {
                var row = sheet.createRow(i + 1);
                row.createCell(0).setCellValue((i == 0 ? a : b).code().value());
                row.createCell(1).setCellValue(assessor.username());
            }
            wb.write(out);
            filled = out.toByteArray();
        }
        MockHttpServletResponse r = upload(central, "filled.xlsx", filled);
        assertThat(r.getStatus()).isEqualTo(200);
        assertThat(text(r)).contains("อ่าน 2 แถว มอบหมายใหม่ 2 คู่");
        assertThat(agenciesOf(assessor)).containsExactlyInAnyOrder(a.code().value(), b.code().value());

        // English headers in a workbook as well
        Agency c = fixtures.agency().create();
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = wb.createSheet("x");
            sheet.createRow(0).createCell(0).setCellValue("Assessor");
            sheet.getRow(0).createCell(1).setCellValue("agency_code");
            sheet.createRow(1).createCell(0).setCellValue(assessor.username());
            sheet.getRow(1).createCell(1).setCellValue(c.code().value());
            wb.write(out);
            assertThat(upload(central, "en.xlsx", out.toByteArray()).getStatus()).isEqualTo(200);
        }
        assertThat(agenciesOf(assessor)).contains(c.code().value());

        String csvTemplate = mvc.perform(get("/surveys/assessors/template.csv").with(central.signedIn())).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(csvTemplate).isEqualTo("\uFEFFรหัสหน่วยงาน,บัญชีผู้ประเมิน\r\n");
    }

    @Test
    void noOtherRoleOpensOrChangesAnythingAndChangesNeedTheCsrfToken() throws Exception {
        Agency a = fixtures.agency().create();
        Person assessor = fixtures.person(Role.ASSESSOR).seeing(a.code()).create();
        Agency b = fixtures.agency().create();
        List<Person> others = List.of(fixtures.person(Role.AGENCY_ADMIN).of(a.code()).create(), fixtures.person(Role.AGENCY_STAFF).of(a.code()).create(),
                fixtures.person(Role.VIEWER).seeing(a.code()).create(), assessor);
        for (Person p : others) {
            for (String path : List.of("/surveys/assessors", "/surveys/assessors/template.csv", "/surveys/assessors/template.xlsx")) {
                assertThat(mvc.perform(get(path).with(p.signedIn())).andReturn().getResponse().getStatus()).as(p.username() + " " + path).isEqualTo(403);
            }
            assertThat(assign(p, assessor.username(), b.code().value(), null).getStatus()).isEqualTo(403);
            assertThat(mvc.perform(post("/surveys/assessors/remove").param("assessor", assessor.username()).param("agency", a.code().value())
                    .with(p.signedIn()).with(csrf())).andReturn().getResponse().getStatus()).isEqualTo(403);
            assertThat(upload(p, "x.csv", ("agency_code,assessor\n" + b.code() + "," + assessor.username() + "\n").getBytes(StandardCharsets.UTF_8))
                    .getStatus()).isEqualTo(403);
        }
        Person central = central();
        assertThat(mvc.perform(post("/surveys/assessors").param("assessor", assessor.username()).param("agency", b.code().value())
                .with(central.signedIn())).andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(post("/surveys/assessors/remove").param("assessor", assessor.username()).param("agency", a.code().value())
                .with(central.signedIn())).andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(agenciesOf(assessor)).containsExactly(a.code().value());
        assertThat(fixtures.audits("ASSESSOR_AGENCY_ASSIGNED", "user:" + assessor.username())).isZero();
    }
}
