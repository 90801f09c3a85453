package org.openita.server.survey.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openita.server.agency.Agency;
import org.openita.server.framework.FrameworkCatalog;
import org.openita.server.framework.internal.FrameworkVersions;
import org.openita.server.identity.Role;
import org.openita.server.support.ServerTestSupport;
import org.openita.server.testing.Fixtures.Person;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The contact lists of EIT part 2 on the real server and database (ADR 0031): sealed at rest (the stored bytes hold
 * neither the name nor the phone), shown to the agency's assigned assessors only and never back to the agency, files
 * checked row by row (a bad file stores nothing), status changes audited without the person's details, and every list
 * of the year deleted by the close, audited per agency, with uploads refused after it until the year is reopened.
 */
class FieldContactsIT extends ServerTestSupport {

    static final Charset TIS = Charset.forName("windows-874");
    static final String HEADER = "ชื่อ-นามสกุล,หน่วยงาน/องค์กร,โทรศัพท์,อีเมล,ลักษณะการติดต่อ\n";

    @Autowired
    FrameworkVersions versions;
    @Autowired
    FrameworkCatalog catalog;
    @Autowired
    SurveyWindows windows;
    @Autowired
    SurveyClosing closing;

    private SurveyYears openYear() {
        SurveyYears y = SurveyYears.make(fixtures, versions, catalog, 8);
        clock.setToday(y.surveyDay());
        windows.forget();
        return y;
    }

    private String html(MockHttpServletRequestBuilder r, RequestPostProcessor who) throws Exception {
        return mvc.perform(r.with(who)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private MockHttpServletResponse addOne(Agency a, int year, Person who, String name, String phone, String email, String kind) throws Exception {
        return mvc.perform(post("/agency/" + a.code() + "/contacts/" + year + "/add").param("name", name).param("organisation", "ชุมชนทดสอบ")
                .param("phone", phone).param("email", email).param("kind", kind).with(who.signedIn()).with(csrf())).andReturn().getResponse();
    }

    private MockHttpServletResponse upload(Agency a, int year, Person who, String fileName, byte[] bytes, String lang) throws Exception {
        var r = multipart("/agency/" + a.code() + "/contacts/" + year + "/upload")
                .file(new MockMultipartFile("file", fileName, "application/octet-stream", bytes)).with(who.signedIn()).with(csrf());
        if (lang != null) {
            r.param("lang", lang);
        }
        return mvc.perform(r).andReturn().getResponse();
    }

    private int stored(Agency a, int year) {
        return jdbc.sql("select count(*) from field_contact where agency_code = ? and fiscal_year = ?").params(a.code().value(), year)
                .query(Integer.class).single();
    }

    private static boolean holds(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    @Test
    void theListIsSealedAtRestAndShownOnlyToTheAssignedAssessors() throws Exception {
        SurveyYears y = openYear();
        int year = y.year().buddhistEra();
        Agency a = fixtures.agency().create();
        Agency other = fixtures.agency().create();
        Person admin = fixtures.person(Role.AGENCY_ADMIN).of(a).create();
        Person assessor = fixtures.person(Role.ASSESSOR).seeing(a.code()).create();
        Person elsewhere = fixtures.person(Role.ASSESSOR).seeing(other.code()).create();
        Person central = fixtures.person(Role.CENTRAL_ADMIN).create();
        String name = "นางสมหญิง ผนึกแน่น";

        assertThat(addOne(a, year, admin, name, "089-765-4321", "somying@example.com", "SERVICE").getStatus()).isEqualTo(302);

        var raw = jdbc.sql("select id, sealed, key_id, kind from field_contact where agency_code = ?").param(a.code().value())
                .query((rs, i) -> new Object[] {rs.getObject(1, UUID.class), rs.getBytes(2), rs.getString(3), rs.getString(4)}).single();
        byte[] sealed = (byte[]) raw[1];
        assertThat(holds(sealed, name.getBytes(StandardCharsets.UTF_8))).as("the name is not in the stored bytes").isFalse();
        assertThat(holds(sealed, "089-765-4321".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(holds(sealed, "0897654321".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(holds(sealed, "somying".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(raw[2]).isEqualTo(ContactSeal.id(java.util.Base64.getDecoder().decode("b3Blbml0YS10ZXN0LWNvbnRhY3Qta2V5LTMyLWJ5dGU=")));
        assertThat(raw[3]).as("the kind stays readable").isEqualTo("SERVICE");
        assertThat(jdbc.sql("select cast(after_data as text) from audit_event where action = 'FIELD_CONTACTS_ADDED' and subject = ?")
                .param("field-contacts:" + a.code() + ":" + year).query(String.class).single()).contains("\"added\": 1").doesNotContain(name);

        String seen = html(get("/field"), assessor.signedIn());
        assertThat(seen).contains(name, "href=\"tel:0897654321\"", "somying@example.com", "ผู้รับบริการ", "รอติดต่อ")
                .contains("คำตอบ EIT ส่วนที่ 2: 0 ชุด").contains("href=\"/field/app?agency=" + a.code() + "&amp;year=" + year + "\"");
        assertThat(html(get("/field"), elsewhere.signedIn())).doesNotContain(name).doesNotContain(a.nameTh());
        String agencyPage = html(get("/agency/" + a.code() + "/contacts/" + year), admin.signedIn());
        assertThat(agencyPage).contains("ส่งรายชื่อแล้ว 1 รายการ").doesNotContain(name).doesNotContain("089-765-4321");
        assertThat(html(get("/agency/" + a.code() + "/contacts/" + year), central.signedIn())).doesNotContain(name);
        assertThat(mvc.perform(get("/field").with(central.signedIn())).andReturn().getResponse().getStatus())
                .as("the central administrator does not see contacts").isEqualTo(403);
        assertThat(mvc.perform(get("/field").with(admin.signedIn())).andReturn().getResponse().getStatus()).isEqualTo(403);

        UUID id = (UUID) raw[0];
        MockHttpServletResponse stranger = mvc.perform(post("/field/contacts/" + id + "/status").param("status", "REACHED")
                .with(elsewhere.signedIn()).with(csrf())).andReturn().getResponse();
        assertThat(stranger.getStatus()).as("another agency's assessor: not found").isEqualTo(404);
        assertThat(mvc.perform(post("/field/contacts/" + UUID.randomUUID() + "/status").param("status", "REACHED")
                .with(assessor.signedIn()).with(csrf())).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(post("/field/contacts/" + id + "/status").param("status", "REACHED").with(assessor.signedIn()))
                .andReturn().getResponse().getStatus()).as("no CSRF token").isEqualTo(403);

        // a row sealed under another key, or moved to another row, is reported and not shown as garbage
        jdbc.sql("update field_contact set key_id = 'deadbeef' where id = ?").param(id).update();
        assertThat(html(get("/field"), assessor.signedIn())).contains("มี 1 รายชื่อที่เปิดอ่านไม่ได้").doesNotContain(name);
        jdbc.sql("update field_contact set key_id = ? where id = ?").params(raw[2], id).update();
        assertThat(addOne(a, year, admin, "นายสอง ทดสอบ", "02-123-4567", "", "PARTNER").getStatus()).isEqualTo(302);
        jdbc.sql("update field_contact set sealed = ? where agency_code = ? and position = 2").params(sealed, a.code().value()).update();
        assertThat(html(get("/field"), assessor.signedIn())).as("a sealed value copied to another row does not open")
                .contains("มี 1 รายชื่อที่เปิดอ่านไม่ได้").contains(name);
    }

    @Test
    void filesAreCheckedRowByRowAndABadFileStoresNothing() throws Exception {
        SurveyYears y = openYear();
        int year = y.year().buddhistEra();
        Agency a = fixtures.agency().create();
        Person admin = fixtures.person(Role.AGENCY_ADMIN).of(a).create();

        String good = HEADER + "นายหนึ่ง ทดสอบ,ร้านค้า,081-111-2222,,คู่สัญญาหรือผู้ประกอบการ\n"
                + "นางสอง ทดสอบ,,02-222-3333,two@example.com,ผู้รับบริการ\n"
                + "นายสาม ทดสอบ,โรงเรียน,,three@example.com,PARTNER\n";
        assertThat(upload(a, year, admin, "list.csv", good.getBytes(TIS), null).getStatus()).isEqualTo(302);
        assertThat(stored(a, year)).isEqualTo(3);
        String page = html(get("/agency/" + a.code() + "/contacts/" + year), admin.signedIn());
        assertThat(page).contains("ส่งรายชื่อแล้ว 3 รายการ").doesNotContain("นายหนึ่ง");

        String bad = HEADER + ",ไม่มีชื่อ,081-111-2222,,ผู้รับบริการ\n"     // row 2: no name
                + "นายไม่มีเบอร์,,,,ผู้รับบริการ\n"                        // row 3: neither phone nor e-mail
                + "นายเบอร์ผิด,,12345,,ผู้รับบริการ\n"                      // row 4: not a Thai number
                + "นายอีเมลผิด,,,not-an-email,ผู้รับบริการ\n"               // row 5: bad e-mail
                + "นายชนิดผิด,,081-999-8888,,เพื่อนบ้าน\n"                  // row 6: unknown kind
                + "นายหนึ่ง ทดสอบ,ร้านค้า,0811112222,,ผู้รับบริการ\n"         // row 7: already on the list
                + "นาย" + "ก".repeat(250) + ",,081-777-6666,,ผู้รับบริการ\n"  // row 8: too long
                + "นายถูกต้อง ทดสอบ,,081-555-4444,,ผู้รับบริการ\n";          // row 9: fine, but the file is refused
        MockHttpServletResponse refused = upload(a, year, admin, "bad.csv", bad.getBytes(StandardCharsets.UTF_8), null);
        assertThat(refused.getStatus()).isEqualTo(400);
        String body = refused.getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).contains("ยังไม่ได้บันทึก: พบปัญหา 7 รายการ").contains("ไม่มีชื่อ")
                .contains("ไม่มีทั้งโทรศัพท์และอีเมล").contains("โทรศัพท์ไม่ใช่หมายเลขในประเทศไทย").contains("อีเมลไม่ถูกต้อง")
                .contains("ไม่รู้จักลักษณะการติดต่อ &quot;เพื่อนบ้าน&quot;").contains("ซ้ำกับรายชื่อก่อนหน้า").contains("ยาวเกิน 200 ตัวอักษร");
        for (int row = 2; row <= 8; row++) {
            assertThat(body).contains("<td data-label=\"แถว\">" + row + "</td>");
        }
        assertThat(body).doesNotContain("<td data-label=\"แถว\">9</td>");
        assertThat(stored(a, year)).as("a bad file stores nothing").isEqualTo(3);
        assertThat(upload(a, year, admin, "bad.csv", bad.getBytes(StandardCharsets.UTF_8), "en").getContentAsString(StandardCharsets.UTF_8))
                .contains("Nothing was stored: 7 problems found").contains("the phone is not a Thai number");
        assertThat(upload(a, year, admin, "dup.csv", (HEADER + "นายซ้ำ,,081-123-0000,,OTHER\nนายซ้ำ,,081 123 0000,,OTHER\n")
                .getBytes(StandardCharsets.UTF_8), null).getContentAsString(StandardCharsets.UTF_8)).contains("ซ้ำกับรายชื่อก่อนหน้า");
        assertThat(upload(a, year, admin, "no-kind.csv", "ชื่อ-นามสกุล,โทรศัพท์\nนายก,0811111111\n".getBytes(StandardCharsets.UTF_8), null)
                .getContentAsString(StandardCharsets.UTF_8)).contains("ไม่มีคอลัมน์ &quot;ลักษณะการติดต่อ&quot;");
        assertThat(upload(a, year, admin, "x.xlsx", "not a workbook".getBytes(StandardCharsets.UTF_8), null).getStatus()).isEqualTo(400);
        assertThat(stored(a, year)).isEqualTo(3);

        // the XLSX template, filled in, is read back
        byte[] template = mvc.perform(get("/agency/" + a.code() + "/contacts/template.xlsx").with(admin.signedIn())).andReturn().getResponse()
                .getContentAsByteArray();
        byte[] filled;
        try (XSSFWorkbook wb = new XSSFWorkbook(new java.io.ByteArrayInputStream(template)); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("ชื่อ-นามสกุล");
            var row = sheet.createRow(1);
            List<String> cells = List.of("นางสี่ ทดสอบ", "วิสาหกิจชุมชน", "+66 89 123 4567", "", "หน่วยงานที่ทำงานร่วมกัน");
            for (int i = 0; i < cells.size(); i++) {
                row.createCell(i).setCellValue(cells.get(i));
            }
            wb.write(out);
            filled = out.toByteArray();
        }
        assertThat(upload(a, year, admin, "list.xlsx", filled, null).getStatus()).isEqualTo(302);
        assertThat(stored(a, year)).isEqualTo(4);
        assertThat(html(get("/agency/" + a.code() + "/contacts/" + year), admin.signedIn())).contains("ส่งรายชื่อแล้ว 4 รายการ");
        String csvTemplate = mvc.perform(get("/agency/" + a.code() + "/contacts/template.csv").with(admin.signedIn())).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(csvTemplate).contains("ชื่อ-นามสกุล,หน่วยงาน/องค์กร,โทรศัพท์,อีเมล,ลักษณะการติดต่อ");

        // the agency withdraws its list, after confirming
        assertThat(mvc.perform(post("/agency/" + a.code() + "/contacts/" + year + "/delete").with(admin.signedIn()).with(csrf()))
                .andReturn().getResponse().getStatus()).isEqualTo(400);
        assertThat(stored(a, year)).isEqualTo(4);
        assertThat(mvc.perform(post("/agency/" + a.code() + "/contacts/" + year + "/delete").param("confirm", "yes").with(admin.signedIn()).with(csrf()))
                .andReturn().getResponse().getRedirectedUrl()).endsWith("?deleted=4");
        assertThat(stored(a, year)).isZero();
        assertThat(fixtures.audits("FIELD_CONTACTS_WITHDRAWN", "field-contacts:" + a.code() + ":" + year)).isEqualTo(1);
    }

    @Test
    void statusChangesAreAuditedWithoutThePersonsDetails() throws Exception {
        SurveyYears y = openYear();
        int year = y.year().buddhistEra();
        Agency a = fixtures.agency().create();
        Person admin = fixtures.person(Role.AGENCY_ADMIN).of(a).create();
        Person assessor = fixtures.person(Role.ASSESSOR).seeing(a.code()).create();
        addOne(a, year, admin, "นายสถานะ ทดสอบ", "089-000-1111", "", "CONTACTED");
        UUID id = jdbc.sql("select id from field_contact where agency_code = ?").param(a.code().value()).query(UUID.class).single();

        assertThat(mvc.perform(post("/field/contacts/" + id + "/status").param("status", "NOT_A_STATUS").with(assessor.signedIn()).with(csrf()))
                .andReturn().getResponse().getStatus()).isEqualTo(400);
        MockHttpServletResponse r = mvc.perform(post("/field/contacts/" + id + "/status").param("status", "DECLINED").with(assessor.signedIn()).with(csrf()))
                .andReturn().getResponse();
        assertThat(r.getRedirectedUrl()).isEqualTo("/field?year=" + year + "#agency-" + a.code());
        assertThat(jdbc.sql("select status from field_contact where id = ?").param(id).query(String.class).single()).isEqualTo("DECLINED");
        String audit = jdbc.sql("select cast(before_data as text) || cast(after_data as text) from audit_event where action = 'FIELD_CONTACT_STATUS' and subject = ?")
                .param("field-contact:" + id).query(String.class).single();
        assertThat(audit).contains("TO_CONTACT", "DECLINED").doesNotContain("นายสถานะ").doesNotContain("089");
        assertThat(html(get("/field"), assessor.signedIn())).contains("data-status=\"DECLINED\"").contains("ปฏิเสธ 1");
    }

    @Test
    void theAssessorSeesThePartTwoResponsesAgainstTheMinimumOfTheDefinition() throws Exception {
        SurveyYears y = SurveyYears.make(fixtures, versions, catalog, 8, 4, java.util.function.UnaryOperator.identity());
        clock.setToday(y.surveyDay());
        windows.forget();
        int year = y.year().buddhistEra();
        Agency a = fixtures.agency().create();
        Person assessor = fixtures.person(Role.ASSESSOR).seeing(a.code()).create();
        SurveyResponses responses = new SurveyResponses(jdbc);
        for (int i = 0; i < 3; i++) {
            responses.survey(a.code(), year, y.surveyDay(), SurveyResponses.answers(y.definition(), SurveyPart.EIT_SURVEY, i));
        }
        responses.eit(a.code(), y.definition(), y.surveyDay(), 5); // part 1 answers are not part 2's
        assertThat(html(get("/field"), assessor.signedIn())).contains("คำตอบ EIT ส่วนที่ 2: 3 จากขั้นต่ำ 4 ชุด", "ยังขาดอีก 1 ชุด")
                .contains("data-testid=\"field-no-contacts\"");
        responses.survey(a.code(), year, y.surveyDay(), SurveyResponses.answers(y.definition(), SurveyPart.EIT_SURVEY, 3));
        assertThat(html(get("/field").param("lang", "en"), assessor.signedIn())).contains("EIT part 2 responses: 4 of the minimum 4", "Minimum reached");
    }

    @Test
    void theCloseDeletesEveryListOfTheYearAuditsEachAgencyAndRefusesLaterUploadsUntilReopened() throws Exception {
        SurveyYears y = openYear();
        int year = y.year().buddhistEra();
        Agency a = fixtures.agency().create();
        Agency b = fixtures.agency().create();
        Person adminA = fixtures.person(Role.AGENCY_ADMIN).of(a).create();
        Person adminB = fixtures.person(Role.AGENCY_ADMIN).of(b).create();
        Person central = fixtures.person(Role.CENTRAL_ADMIN).create();
        addOne(a, year, adminA, "นายเอ หนึ่ง", "081-000-0001", "", "SERVICE");
        addOne(a, year, adminA, "นายเอ สอง", "081-000-0002", "", "SERVICE");
        addOne(b, year, adminB, "นายบี หนึ่ง", "081-000-0003", "", "OTHER");
        assertThat(stored(a, year) + stored(b, year)).isEqualTo(3);
        // the closing page says first what closing will delete
        assertThat(html(get("/surveys/close/" + year), central.signedIn()))
                .contains("การปิดรับจะลบรายชื่อผู้ติดต่อสำหรับ EIT ส่วนที่ 2 ทั้งหมด 3 รายการของ 2 หน่วยงานทันทีและถาวร");
        Person assessor = fixtures.person(Role.ASSESSOR).seeing(a.code()).create();
        assertThat(html(get("/field").param("year", Integer.toString(year)), assessor.signedIn())).contains("data-testid=\"field-app\"");

        assertThat(mvc.perform(post("/surveys/close/" + year).param("confirm", "yes").with(central.signedIn()).with(csrf()))
                .andReturn().getResponse().getStatus()).isEqualTo(302);
        assertThat(jdbc.sql("select count(*) from field_contact where fiscal_year = ?").param(year).query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select rows_purged from field_contact_purge where fiscal_year = ?").param(year).query(Integer.class).single()).isEqualTo(3);
        String auditA = jdbc.sql("select cast(before_data as text) from audit_event where action = 'FIELD_CONTACTS_DELETED' and subject = ?")
                .param("field-contacts:" + a.code() + ":" + year).query(String.class).single();
        assertThat(auditA).contains("\"count\": 2");
        assertThat(fixtures.audits("FIELD_CONTACTS_DELETED", "field-contacts:" + b.code() + ":" + year)).isEqualTo(1);
        assertThat(html(get("/audit").param("action", "FIELD_CONTACTS_DELETED"), central.signedIn())).contains("field-contacts:" + a.code() + ":" + year);

        MockHttpServletResponse late = addOne(a, year, adminA, "นายมาช้า", "081-000-0009", "", "SERVICE");
        assertThat(late.getStatus()).isEqualTo(409);
        assertThat(late.getContentAsString(StandardCharsets.UTF_8)).contains("ไม่ได้บันทึก: การสำรวจของปี " + year + " ปิดแล้ว");
        assertThat(upload(a, year, adminA, "late.csv", (HEADER + "นายมาช้า,,0810000009,,OTHER\n").getBytes(StandardCharsets.UTF_8), null).getStatus())
                .isEqualTo(409);
        assertThat(stored(a, year)).isZero();
        // the assessor's list says the list is gone, and offers no questionnaire and no shortfall for a closed year
        assertThat(html(get("/field").param("year", Integer.toString(year)), assessor.signedIn())).contains("data-testid=\"field-purged\"")
                .doesNotContain("data-testid=\"field-app\"").doesNotContain("data-testid=\"field-no-contacts\"").doesNotContain("ยังขาดอีก");
        assertThat(html(get("/agency/" + a.code() + "/contacts/" + year), adminA.signedIn())).contains("data-testid=\"contacts-purged\"")
                .doesNotContain("data-testid=\"contact-form\"");

        assertThat(html(get("/surveys/close/" + year + "/reopen"), central.signedIn()))
                .contains("รายชื่อผู้ติดต่อ EIT ส่วนที่ 2 ของทุกหน่วยงานถูกลบไปแล้วเมื่อปิดการสำรวจ");
        assertThat(mvc.perform(post("/surveys/close/" + year + "/reopen").param("reason", "ทดสอบ").param("confirm", "yes")
                .with(central.signedIn()).with(csrf())).andReturn().getResponse().getStatus()).isEqualTo(302);
        assertThat(jdbc.sql("select count(*) from field_contact_purge where fiscal_year = ?").param(year).query(Integer.class).single()).isZero();
        assertThat(addOne(a, year, adminA, "นายเอ หนึ่ง", "081-000-0001", "", "SERVICE").getStatus()).as("given again after reopening").isEqualTo(302);
    }

    @Test
    void theScheduledCloseAtTheEndOfThePhaseDeletesTheListsToo() throws Exception {
        SurveyYears y = openYear();
        int year = y.year().buddhistEra();
        Agency a = fixtures.agency().create();
        Person admin = fixtures.person(Role.AGENCY_ADMIN).of(a).create();
        addOne(a, year, admin, "นายตามกำหนด", "081-000-0101", "", "SERVICE");
        assertThat(stored(a, year)).isEqualTo(1);

        clock.setToday(y.endsOn().plusDays(1));
        windows.forget();
        assertThat(closing.scoreIfEnded(year)).isTrue();
        assertThat(stored(a, year)).isZero();
        assertThat(fixtures.audits("FIELD_CONTACTS_DELETED", "field-contacts:" + a.code() + ":" + year)).isEqualTo(1);
        assertThat(jdbc.sql("select actor from audit_event where action = 'FIELD_CONTACTS_DELETED' and subject = ?")
                .param("field-contacts:" + a.code() + ":" + year).query(String.class).single()).isEqualTo("system");
        assertThat(addOne(a, year, admin, "นายมาช้า", "081-000-0102", "", "SERVICE").getStatus()).isEqualTo(409);
    }
}
