package org.openita.server.agency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.Cookie;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openita.core.analysis.Signatory;
import org.openita.server.identity.Role;
import org.openita.server.support.ServerTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The logo and the sign-off on the agency page, through the real web layer on the embedded PostgreSQL: who may change
 * them, what is taken (judged by the bytes), what is refused (with a reason in Thai and English, nothing stored
 * changed), and the audit trail.
 */
class AgencyReportDetailsIT extends ServerTestSupport {

    /** Two agencies and their people, made afresh for every test (JUnit makes a new instance of the class per test). */
    String codeA;
    String codeB;
    RequestPostProcessor adminA;
    RequestPostProcessor adminB;
    RequestPostProcessor staffA;
    RequestPostProcessor central;

    @Autowired
    AgencyReportDetails details;

    @BeforeEach
    void twoAgenciesAndTheirPeople() {
        codeA = fixtures.agency().named("องค์การบริหารส่วนตำบลตราหนึ่ง").create().code().value();
        codeB = fixtures.agency().type(AgencyType.SUBDISTRICT_MUNICIPALITY).named("เทศบาลตำบลตราสอง").create().code().value();
        adminA = fixtures.person(Role.AGENCY_ADMIN).of(codeA).named("ผู้ดูแลเอ").create().signedIn();
        staffA = fixtures.person(Role.AGENCY_STAFF).of(codeA).named("เจ้าหน้าที่เอ").create().signedIn();
        adminB = fixtures.person(Role.AGENCY_ADMIN).of(codeB).named("ผู้ดูแลบี").create().signedIn();
        central = fixtures.person(Role.CENTRAL_ADMIN).named("ส่วนกลาง").create().signedIn();
    }

    private MockHttpServletResponse upload(String code, String name, String type, byte[] bytes, RequestPostProcessor who) throws Exception {
        return mvc.perform(multipart("/agency/" + code + "/logo").file(new MockMultipartFile("file", name, type, bytes)).with(who).with(csrf()))
                .andReturn().getResponse();
    }

    private String sha(String code) {
        return details.logoInfo(AgencyCode.of(code)).map(AgencyReportDetails.LogoInfo::sha256).orElse(null);
    }

    private long audits(String code, String action) {
        return fixtures.audits(action, "agency:" + code);
    }

    private static String text(MockHttpServletResponse r) throws Exception {
        return r.getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void aPngAndAJpegAreTakenByTheirBytesReplacedAndRemovedWithAnAuditTrail() throws Exception {
        MockHttpServletResponse first = upload(codeA, "ตรา.png", "image/png", Logos.png(1200, 600), adminA);
        assertThat(first.getStatus()).isEqualTo(302);
        assertThat(first.getRedirectedUrl()).isEqualTo("/agency/" + codeA + "?logoSaved#report-details");
        MockHttpServletResponse got = mvc.perform(get("/agency/" + codeA + "/logo").with(staffA)).andReturn().getResponse();
        assertThat(got.getStatus()).isEqualTo(200);
        assertThat(got.getContentType()).isEqualTo("image/png");
        BufferedImage kept = Logos.decode(got.getContentAsByteArray());
        assertThat(kept.getWidth()).isEqualTo(600);
        assertThat(kept.getHeight()).isEqualTo(300);
        assertThat(audits(codeA, "AGENCY_LOGO_ADDED")).isEqualTo(1);

        // a JPEG sent under a PNG name and type, then a PNG under a JPEG name and type: the bytes decide
        assertThat(upload(codeA, "logo.png", "image/png", Logos.jpeg(400, 300), central).getStatus()).isEqualTo(302);
        assertThat(details.logoInfo(AgencyCode.of(codeA)).orElseThrow()).extracting(AgencyReportDetails.LogoInfo::width, AgencyReportDetails.LogoInfo::height)
                .containsExactly(400, 300);
        assertThat(upload(codeA, "logo.jpg", "image/jpeg", Logos.png(256, 256), adminA).getStatus()).isEqualTo(302);
        assertThat(details.logoInfo(AgencyCode.of(codeA)).orElseThrow().width()).isEqualTo(256);
        assertThat(audits(codeA, "AGENCY_LOGO_REPLACED")).isEqualTo(2);
        String audit = jdbc.sql("select cast(after_data as text) from audit_event where subject = ? and action = 'AGENCY_LOGO_REPLACED' order by id desc limit 1")
                .param("agency:" + codeA).query(String.class).single();
        assertThat(audit).contains(sha(codeA), "256");

        String page = text(mvc.perform(get("/agency/" + codeA).with(adminA)).andReturn().getResponse());
        assertThat(page).contains("data-testid=\"agency-logo\"", "/agency/" + codeA + "/logo?v=" + sha(codeA).substring(0, 12), "ลบตราสัญลักษณ์",
                "ชื่อและตำแหน่งที่กรอกในส่วนนี้จะพิมพ์ในรายงานที่เผยแพร่ต่อสาธารณะด้วย");

        MockHttpServletResponse removed = mvc.perform(post("/agency/" + codeA + "/logo/remove").with(adminA).with(csrf())).andReturn().getResponse();
        assertThat(removed.getRedirectedUrl()).isEqualTo("/agency/" + codeA + "?logoRemoved#report-details");
        assertThat(mvc.perform(get("/agency/" + codeA + "/logo").with(adminA)).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(audits(codeA, "AGENCY_LOGO_REMOVED")).isEqualTo(1);
        mvc.perform(post("/agency/" + codeA + "/logo/remove").with(adminA).with(csrf()));
        assertThat(audits(codeA, "AGENCY_LOGO_REMOVED")).as("removing nothing records nothing").isEqualTo(1);
    }

    @Test
    void everyRefusalSaysWhyInThaiAndEnglishAndChangesNothing() throws Exception {
        assertThat(upload(codeB, "logo.png", "image/png", Logos.png(300, 300), adminB).getStatus()).isEqualTo(302);
        String before = sha(codeB);
        long events = fixtures.audits("agency:" + codeB);
        record Bad(String name, String type, byte[] bytes, int status, String thai) {
        }
        List<Bad> bad = List.of(
                new Bad("logo.gif", "image/gif", Logos.gif(100, 100), 400, "ไม่ใช่ภาพ PNG หรือ JPEG"),
                new Bad("logo.png", "image/png", "ไม่ใช่ภาพ แค่ข้อความ".getBytes(StandardCharsets.UTF_8), 400, "ไม่ใช่ภาพ PNG หรือ JPEG"),
                new Bad("big.png", "image/png", Arrays.copyOf(Logos.png(100, 100), 1_200_000), 413, "ไฟล์ภาพใหญ่เกิน 1 MB"),
                new Bad("bomb.png", "image/png", Logos.forgedHeader(10_000, 10_000), 400, "ภาพกว้างหรือสูงเกิน 4000 พิกเซล"),
                new Bad("half.png", "image/png", Arrays.copyOf(Logos.png(200, 200), 300), 400, "อ่านภาพนี้ไม่ได้"),
                new Bad("empty.png", "image/png", new byte[0], 400, "ไม่ได้เลือกไฟล์"));
        for (Bad b : bad) {
            MockHttpServletResponse r = upload(codeB, b.name(), b.type(), b.bytes(), adminB);
            assertThat(r.getStatus()).as(b.name()).isEqualTo(b.status());
            assertThat(text(r)).as(b.name()).contains(b.thai(), "ตราสัญลักษณ์เดิมยังอยู่เหมือนเดิม");
        }
        MockHttpServletResponse english = mvc.perform(multipart("/agency/" + codeB + "/logo")
                        .file(new MockMultipartFile("file", "logo.png", "image/png", Logos.forgedHeader(10_000, 10_000)))
                        .cookie(new Cookie("openita-lang", "en")).with(adminB).with(csrf()))
                .andReturn().getResponse();
        assertThat(text(english)).contains("The image is wider or taller than 4000 pixels", "The current logo is unchanged.");
        assertThat(sha(codeB)).isEqualTo(before);
        assertThat(fixtures.audits("agency:" + codeB)).as("audit entries about the agency").isEqualTo(events);
    }

    @Test
    void onlyTheAgencysAdministratorAndTheCentralAdministratorMayChangeIt() throws Exception {
        byte[] png = Logos.png(64, 64);
        assertThat(upload(codeA, "logo.png", "image/png", png, adminB).getStatus()).as("another agency's administrator: as if it did not exist")
                .isEqualTo(404);
        assertThat(upload(codeA, "logo.png", "image/png", png, staffA).getStatus()).as("the agency's staff may see but not change").isEqualTo(403);
        assertThat(mvc.perform(multipart("/agency/" + codeA + "/logo").file(new MockMultipartFile("file", "logo.png", "image/png", png)).with(adminA))
                .andReturn().getResponse().getStatus()).as("without the CSRF token").isEqualTo(403);
        assertThat(mvc.perform(post("/agency/" + codeA + "/sign-off").param("approvedPosition", "นายก").with(adminA))
                .andReturn().getResponse().getStatus()).as("without the CSRF token").isEqualTo(403);
        assertThat(mvc.perform(post("/agency/" + codeA + "/sign-off").param("approvedPosition", "นายก").with(staffA).with(csrf()))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(post("/agency/" + codeA + "/logo/remove").with(adminB).with(csrf())).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get("/agency/" + codeB + "/logo").with(adminA)).andReturn().getResponse().getStatus()).isEqualTo(404);
        String staffPage = text(mvc.perform(get("/agency/" + codeA).with(staffA)).andReturn().getResponse());
        assertThat(staffPage).doesNotContain("sign-off-form", "logo-upload");
    }

    @Test
    void theSignOffIsCheckedStoredInPrintingOrderAndAudited() throws Exception {
        MockHttpServletResponse ok = mvc.perform(post("/agency/" + codeA + "/sign-off").with(adminA).with(csrf())
                        .param("preparedPosition", " นักวิเคราะห์นโยบายและแผนชำนาญการ ").param("preparedName", "นางสาวใจดี มีสุข")
                        .param("reviewedPosition", "").param("reviewedName", "")
                        .param("approvedPosition", "นายกองค์การบริหารส่วนตำบลตราหนึ่ง").param("approvedName", ""))
                .andReturn().getResponse();
        assertThat(ok.getRedirectedUrl()).isEqualTo("/agency/" + codeA + "?signOffSaved#report-details");
        assertThat(details.signOff(AgencyCode.of(codeA))).containsExactly(
                new Signatory(Signatory.Role.PREPARED, "นางสาวใจดี มีสุข", "นักวิเคราะห์นโยบายและแผนชำนาญการ"),
                new Signatory(Signatory.Role.APPROVED, null, "นายกองค์การบริหารส่วนตำบลตราหนึ่ง"));
        assertThat(audits(codeA, "AGENCY_SIGN_OFF_UPDATED")).isEqualTo(1);
        String page = text(mvc.perform(get("/agency/" + codeA).with(staffA)).andReturn().getResponse());
        assertThat(page).contains("นางสาวใจดี มีสุข (นักวิเคราะห์นโยบายและแผนชำนาญการ)", "ผู้อนุมัติ");

        List<Signatory> stored = details.signOff(AgencyCode.of(codeA));
        String[][] bad = {
                {"reviewedName", "นายไม่มีตำแหน่ง", "กรอกชื่อแล้วต้องกรอกตำแหน่งด้วย"},
                {"preparedPosition", "ก".repeat(151), "ยาวเกิน 150 ตัวอักษร"},
                {"approvedName", "สองบรรทัด\nบรรทัดที่สอง", "ต้องเป็นข้อความบรรทัดเดียว"}};
        for (String[] b : bad) {
            MockHttpServletResponse r = mvc.perform(post("/agency/" + codeA + "/sign-off").with(adminA).with(csrf())
                    .param("preparedPosition", "นักวิเคราะห์").param("approvedPosition", "นายก").param(b[0], b[1])).andReturn().getResponse();
            assertThat(r.getStatus()).as(b[0]).isEqualTo(400);
            assertThat(text(r)).as(b[0]).contains(b[2]);
        }
        MockHttpServletResponse control = mvc.perform(post("/agency/" + codeA + "/sign-off").with(adminA).with(csrf())
                .param("approvedPosition", "นายก\u0007")).andReturn().getResponse();
        assertThat(control.getStatus()).isEqualTo(400);
        assertThat(details.signOff(AgencyCode.of(codeA))).isEqualTo(stored);
        assertThat(audits(codeA, "AGENCY_SIGN_OFF_UPDATED")).isEqualTo(1);

        mvc.perform(post("/agency/" + codeA + "/sign-off").with(central).with(csrf()));
        assertThat(details.signOff(AgencyCode.of(codeA))).as("every row left empty: no sign-off").isEmpty();
        assertThat(audits(codeA, "AGENCY_SIGN_OFF_UPDATED")).isEqualTo(2);
    }
}
