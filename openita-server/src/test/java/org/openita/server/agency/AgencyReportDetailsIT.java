package org.openita.server.agency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
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

    static final String A = "LOGO-A";
    static final String B = "LOGO-B";
    static final RequestPostProcessor ADMIN_A = user("logo-admin-a").roles("AGENCY_ADMIN");
    static final RequestPostProcessor ADMIN_B = user("logo-admin-b").roles("AGENCY_ADMIN");
    static final RequestPostProcessor STAFF_A = user("logo-staff-a").roles("AGENCY_STAFF");
    static final RequestPostProcessor CENTRAL = user("logo-central").roles("CENTRAL_ADMIN");

    @Autowired
    AgencyReportDetails details;

    @BeforeEach
    void twoAgenciesAndTheirPeople() throws Exception {
        if (registry.find(AgencyCode.of(A)).isPresent()) {
            return;
        }
        String csv = "รหัสหน่วยงาน,ชื่อหน่วยงาน,ประเภทหน่วยงาน\n" + A + ",องค์การบริหารส่วนตำบลตราหนึ่ง,อบต.\n" + B + ",เทศบาลตำบลตราสอง,เทศบาลตำบล\n";
        registry.importFile("test", "logo.csv", new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), AgencyRegistry.Mode.ALL_OR_NOTHING);
        accounts.createAssigned("test", "logo-admin-a", "ผู้ดูแลเอ", Role.AGENCY_ADMIN, "irrelevant-pass", A, List.of());
        accounts.createAssigned("test", "logo-staff-a", "เจ้าหน้าที่เอ", Role.AGENCY_STAFF, "irrelevant-pass", A, List.of());
        accounts.createAssigned("test", "logo-admin-b", "ผู้ดูแลบี", Role.AGENCY_ADMIN, "irrelevant-pass", B, List.of());
        accounts.createAssigned("test", "logo-central", "ส่วนกลาง", Role.CENTRAL_ADMIN, "irrelevant-pass", null, List.of());
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
        MockHttpServletResponse first = upload(A, "ตรา.png", "image/png", Logos.png(1200, 600), ADMIN_A);
        assertThat(first.getStatus()).isEqualTo(302);
        assertThat(first.getRedirectedUrl()).isEqualTo("/agency/" + A + "?logoSaved#report-details");
        MockHttpServletResponse got = mvc.perform(get("/agency/" + A + "/logo").with(STAFF_A)).andReturn().getResponse();
        assertThat(got.getStatus()).isEqualTo(200);
        assertThat(got.getContentType()).isEqualTo("image/png");
        BufferedImage kept = Logos.decode(got.getContentAsByteArray());
        assertThat(kept.getWidth()).isEqualTo(600);
        assertThat(kept.getHeight()).isEqualTo(300);
        assertThat(audits(A, "AGENCY_LOGO_ADDED")).isEqualTo(1);

        // a JPEG sent under a PNG name and type, then a PNG under a JPEG name and type: the bytes decide
        assertThat(upload(A, "logo.png", "image/png", Logos.jpeg(400, 300), CENTRAL).getStatus()).isEqualTo(302);
        assertThat(details.logoInfo(AgencyCode.of(A)).orElseThrow()).extracting(AgencyReportDetails.LogoInfo::width, AgencyReportDetails.LogoInfo::height)
                .containsExactly(400, 300);
        assertThat(upload(A, "logo.jpg", "image/jpeg", Logos.png(256, 256), ADMIN_A).getStatus()).isEqualTo(302);
        assertThat(details.logoInfo(AgencyCode.of(A)).orElseThrow().width()).isEqualTo(256);
        assertThat(audits(A, "AGENCY_LOGO_REPLACED")).isEqualTo(2);
        String audit = jdbc.sql("select cast(after_data as text) from audit_event where subject = ? and action = 'AGENCY_LOGO_REPLACED' order by id desc limit 1")
                .param("agency:" + A).query(String.class).single();
        assertThat(audit).contains(sha(A), "256");

        String page = text(mvc.perform(get("/agency/" + A).with(ADMIN_A)).andReturn().getResponse());
        assertThat(page).contains("data-testid=\"agency-logo\"", "/agency/" + A + "/logo?v=" + sha(A).substring(0, 12), "ลบตราสัญลักษณ์",
                "ชื่อและตำแหน่งที่กรอกในส่วนนี้จะพิมพ์ในรายงานที่เผยแพร่ต่อสาธารณะด้วย");

        MockHttpServletResponse removed = mvc.perform(post("/agency/" + A + "/logo/remove").with(ADMIN_A).with(csrf())).andReturn().getResponse();
        assertThat(removed.getRedirectedUrl()).isEqualTo("/agency/" + A + "?logoRemoved#report-details");
        assertThat(mvc.perform(get("/agency/" + A + "/logo").with(ADMIN_A)).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(audits(A, "AGENCY_LOGO_REMOVED")).isEqualTo(1);
        mvc.perform(post("/agency/" + A + "/logo/remove").with(ADMIN_A).with(csrf()));
        assertThat(audits(A, "AGENCY_LOGO_REMOVED")).as("removing nothing records nothing").isEqualTo(1);
    }

    @Test
    void everyRefusalSaysWhyInThaiAndEnglishAndChangesNothing() throws Exception {
        assertThat(upload(B, "logo.png", "image/png", Logos.png(300, 300), ADMIN_B).getStatus()).isEqualTo(302);
        String before = sha(B);
        long events = fixtures.audits("agency:" + B);
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
            MockHttpServletResponse r = upload(B, b.name(), b.type(), b.bytes(), ADMIN_B);
            assertThat(r.getStatus()).as(b.name()).isEqualTo(b.status());
            assertThat(text(r)).as(b.name()).contains(b.thai(), "ตราสัญลักษณ์เดิมยังอยู่เหมือนเดิม");
        }
        MockHttpServletResponse english = mvc.perform(multipart("/agency/" + B + "/logo")
                        .file(new MockMultipartFile("file", "logo.png", "image/png", Logos.forgedHeader(10_000, 10_000)))
                        .cookie(new Cookie("openita-lang", "en")).with(ADMIN_B).with(csrf()))
                .andReturn().getResponse();
        assertThat(text(english)).contains("The image is wider or taller than 4000 pixels", "The current logo is unchanged.");
        assertThat(sha(B)).isEqualTo(before);
        assertThat(fixtures.audits("agency:" + B)).as("audit entries about the agency").isEqualTo(events);
    }

    @Test
    void onlyTheAgencysAdministratorAndTheCentralAdministratorMayChangeIt() throws Exception {
        byte[] png = Logos.png(64, 64);
        assertThat(upload(A, "logo.png", "image/png", png, ADMIN_B).getStatus()).as("another agency's administrator: as if it did not exist")
                .isEqualTo(404);
        assertThat(upload(A, "logo.png", "image/png", png, STAFF_A).getStatus()).as("the agency's staff may see but not change").isEqualTo(403);
        assertThat(mvc.perform(multipart("/agency/" + A + "/logo").file(new MockMultipartFile("file", "logo.png", "image/png", png)).with(ADMIN_A))
                .andReturn().getResponse().getStatus()).as("without the CSRF token").isEqualTo(403);
        assertThat(mvc.perform(post("/agency/" + A + "/sign-off").param("approvedPosition", "นายก").with(ADMIN_A))
                .andReturn().getResponse().getStatus()).as("without the CSRF token").isEqualTo(403);
        assertThat(mvc.perform(post("/agency/" + A + "/sign-off").param("approvedPosition", "นายก").with(STAFF_A).with(csrf()))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(post("/agency/" + A + "/logo/remove").with(ADMIN_B).with(csrf())).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get("/agency/" + B + "/logo").with(ADMIN_A)).andReturn().getResponse().getStatus()).isEqualTo(404);
        String staffPage = text(mvc.perform(get("/agency/" + A).with(STAFF_A)).andReturn().getResponse());
        assertThat(staffPage).doesNotContain("sign-off-form", "logo-upload");
    }

    @Test
    void theSignOffIsCheckedStoredInPrintingOrderAndAudited() throws Exception {
        MockHttpServletResponse ok = mvc.perform(post("/agency/" + A + "/sign-off").with(ADMIN_A).with(csrf())
                        .param("preparedPosition", " นักวิเคราะห์นโยบายและแผนชำนาญการ ").param("preparedName", "นางสาวใจดี มีสุข")
                        .param("reviewedPosition", "").param("reviewedName", "")
                        .param("approvedPosition", "นายกองค์การบริหารส่วนตำบลตราหนึ่ง").param("approvedName", ""))
                .andReturn().getResponse();
        assertThat(ok.getRedirectedUrl()).isEqualTo("/agency/" + A + "?signOffSaved#report-details");
        assertThat(details.signOff(AgencyCode.of(A))).containsExactly(
                new Signatory(Signatory.Role.PREPARED, "นางสาวใจดี มีสุข", "นักวิเคราะห์นโยบายและแผนชำนาญการ"),
                new Signatory(Signatory.Role.APPROVED, null, "นายกองค์การบริหารส่วนตำบลตราหนึ่ง"));
        assertThat(audits(A, "AGENCY_SIGN_OFF_UPDATED")).isEqualTo(1);
        String page = text(mvc.perform(get("/agency/" + A).with(STAFF_A)).andReturn().getResponse());
        assertThat(page).contains("นางสาวใจดี มีสุข (นักวิเคราะห์นโยบายและแผนชำนาญการ)", "ผู้อนุมัติ");

        List<Signatory> stored = details.signOff(AgencyCode.of(A));
        String[][] bad = {
                {"reviewedName", "นายไม่มีตำแหน่ง", "กรอกชื่อแล้วต้องกรอกตำแหน่งด้วย"},
                {"preparedPosition", "ก".repeat(151), "ยาวเกิน 150 ตัวอักษร"},
                {"approvedName", "สองบรรทัด\nบรรทัดที่สอง", "ต้องเป็นข้อความบรรทัดเดียว"}};
        for (String[] b : bad) {
            MockHttpServletResponse r = mvc.perform(post("/agency/" + A + "/sign-off").with(ADMIN_A).with(csrf())
                    .param("preparedPosition", "นักวิเคราะห์").param("approvedPosition", "นายก").param(b[0], b[1])).andReturn().getResponse();
            assertThat(r.getStatus()).as(b[0]).isEqualTo(400);
            assertThat(text(r)).as(b[0]).contains(b[2]);
        }
        MockHttpServletResponse control = mvc.perform(post("/agency/" + A + "/sign-off").with(ADMIN_A).with(csrf())
                .param("approvedPosition", "นายก\u0007")).andReturn().getResponse();
        assertThat(control.getStatus()).isEqualTo(400);
        assertThat(details.signOff(AgencyCode.of(A))).isEqualTo(stored);
        assertThat(audits(A, "AGENCY_SIGN_OFF_UPDATED")).isEqualTo(1);

        mvc.perform(post("/agency/" + A + "/sign-off").with(CENTRAL).with(csrf()));
        assertThat(details.signOff(AgencyCode.of(A))).as("every row left empty: no sign-off").isEmpty();
        assertThat(audits(A, "AGENCY_SIGN_OFF_UPDATED")).isEqualTo(2);
    }
}
