package org.openita.server.oit.internal.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openita.core.framework.FiscalYear;
import org.openita.server.agency.Agency;
import org.openita.server.cycle.Phase;
import org.openita.server.identity.Role;
import org.openita.server.support.ServerTestSupport;
import org.openita.server.testing.Fixtures;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The agency's OIT submission on the server: drafts and submissions stored and audited, the links checked line by line,
 * a second person's stale form refused, the links queued for the pre-check, and the phase and role rules.
 */
class OitSubmissionIT extends ServerTestSupport {

    FiscalYear year;
    Agency agency;
    Fixtures.Person admin;

    @BeforeEach
    void anAgencyDuringOitSubmission() {
        var calendar = fixtures.cycleCalendar().phasesOnTheDay(Phase.OIT_SUBMISSION);
        calendar.create();
        year = calendar.year();
        clock.setToday(calendar.day());
        fixtures.activeFramework(year, 2569);
        agency = fixtures.agency().named("เทศบาลตำบลทดลองส่ง OIT").create();
        admin = fixtures.person(Role.AGENCY_ADMIN).of(agency.code().value()).create();
    }

    String base() {
        return "/agency/" + agency.code().value() + "/oit/" + year.buddhistEra();
    }

    MockHttpServletResponse send(RequestPostProcessor who, String item, String links, String note, int version, String action) throws Exception {
        return mvc.perform(post(base() + "/" + item).param("links", links).param("note", note).param("version", Integer.toString(version))
                .param("action", action).with(csrf()).with(who)).andReturn().getResponse();
    }

    String state(String item) {
        return jdbc.sql("select state from oit_submission where agency_code = ? and fiscal_year = ? and item_code = ?")
                .params(agency.code().value(), year.buddhistEra(), item).query(String.class).optional().orElse("none");
    }

    long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    @Test
    void aDraftThenASubmissionAreStoredAuditedAndQueuedForThePrecheck() throws Exception {
        String page = mvc.perform(get(base()).with(admin.signedIn())).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("ส่งแล้ว 0 จาก 26 ข้อ", "o23 แผนปฏิบัติการป้องกันการทุจริต", "9.1 ข้อมูลพื้นฐาน", "ยังไม่ได้กรอก");

        String links = "https://www.example.go.th/ita/o23-plan.pdf\n\n  https://www.example.go.th/ita/o23  \n";
        MockHttpServletResponse saved = send(admin.signedIn(), "o23", links, "แผนปี 2569 หน้า 3", 0, "save");
        assertThat(saved.getStatus()).isEqualTo(302);
        assertThat(saved.getRedirectedUrl()).endsWith("/o23?done=saved");
        assertThat(state("o23")).isEqualTo("DRAFT");
        assertThat(count("select count(*) from oit_fetch_job where agency_code = ? and item_code = 'o23' and reason = 'SAVED'",
                agency.code().value())).isEqualTo(2);
        String item = mvc.perform(get(base() + "/o23").with(admin.signedIn())).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(item).contains("บันทึกร่างไว้ ยังไม่ได้ส่ง", "ต้องเป็นข้อมูลของปีงบประมาณ พ.ศ. " + year.buddhistEra(),
                "กำลังเปิดลิงก์นี้เพื่อตรวจ", "https://www.example.go.th/ita/o23-plan.pdf");

        MockHttpServletResponse submitted = send(admin.signedIn(), "o23", links, "แผนปี 2569 หน้า 3", 1, "submit");
        assertThat(submitted.getStatus()).isEqualTo(302);
        assertThat(jdbc.sql("select url from oit_submitted_link where agency_code = ? and item_code = 'o23' order by position")
                .param(agency.code().value()).query(String.class).list())
                .containsExactly("https://www.example.go.th/ita/o23-plan.pdf", "https://www.example.go.th/ita/o23");
        assertThat(jdbc.sql("select action from audit_event where subject = ? order by id")
                .param("oit:" + agency.code().value() + "/" + year.buddhistEra() + "/o23").query(String.class).list())
                .containsExactly("OIT_SAVED", "OIT_SUBMITTED");
        item = mvc.perform(get(base() + "/o23").with(admin.signedIn())).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(item).contains("ส่งแล้ว", "ส่งล่าสุดเมื่อ", "โดย " + admin.account().displayName()).doesNotContain("แก้ไขหลังส่ง");

        // changed after submitting: the assessor still has the submitted copy until it is submitted again
        assertThat(send(admin.signedIn(), "o23", "https://www.example.go.th/ita/o23-new.pdf", "", 2, "save").getStatus()).isEqualTo(302);
        item = mvc.perform(get(base() + "/o23").with(admin.signedIn())).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(item).contains("ส่งแล้ว แต่แก้ไขหลังส่งและยังไม่ได้ส่งฉบับแก้ไข");
        assertThat(count("select count(*) from oit_submitted_link where agency_code = ? and item_code = 'o23'", agency.code().value())).isEqualTo(2);
        page = mvc.perform(get(base()).with(admin.signedIn())).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("ส่งแล้ว 1 จาก 26 ข้อ");
    }

    @Test
    void badLinksAreRefusedLineByLineAndNothingIsStored() throws Exception {
        MockHttpServletResponse r = send(admin.signedIn(), "o1", "https://www.example.go.th/ok\nwww.example.go.th/no-scheme\n"
                + "file:///etc/passwd\nhttps://www.example.go.th/ok\nhttps://user:pw@example.go.th/", "", 0, "save");
        assertThat(r.getStatus()).isEqualTo(400);
        String body = r.getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).contains("ไม่ได้บันทึก พบปัญหา 4 รายการ", "บรรทัดที่ 2", "บรรทัดที่ 3", "บรรทัดที่ 4: ลิงก์นี้ใส่ซ้ำกับบรรทัดก่อนหน้า", "บรรทัดที่ 5")
                .contains("www.example.go.th/no-scheme"); // what was typed is kept in the box
        assertThat(state("o1")).isEqualTo("none");
        assertThat(send(admin.signedIn(), "o1", "", "", 0, "submit").getContentAsString(StandardCharsets.UTF_8))
                .contains("ใส่ลิงก์อย่างน้อยหนึ่งลิงก์ก่อนส่ง");
        assertThat(send(admin.signedIn(), "o1", "https://a.go.th/" + "x".repeat(2100), "", 0, "save").getStatus()).isEqualTo(400);
        assertThat(send(admin.signedIn(), "o1", "https://a.go.th/", "ย".repeat(1001), 0, "save").getStatus()).isEqualTo(400);
        // a Thai path typed as it is read is kept, encoded
        assertThat(send(admin.signedIn(), "o1", "https://www.example.go.th/ข้อมูล/โครงสร้าง", "", 0, "save").getStatus()).isEqualTo(302);
        assertThat(count("select count(*) from oit_fetch_job where agency_code = ?", agency.code().value())).isEqualTo(1);
        assertThat(count("select count(*) from audit_event where subject like ?", "oit:" + agency.code().value() + "%")).isEqualTo(1);
        // an unknown item is not found
        assertThat(send(admin.signedIn(), "o99", "https://a.go.th/", "", 0, "save").getStatus()).isEqualTo(404);
    }

    @Test
    void aSecondPersonsStaleFormIsRefusedAndTheFirstSaveKept() throws Exception {
        Fixtures.Person central = fixtures.person(Role.CENTRAL_ADMIN).create();
        assertThat(send(admin.signedIn(), "o2", "https://www.example.go.th/executives", "", 0, "save").getStatus()).isEqualTo(302);
        // the central administrator had opened the item before that save (version 0)
        MockHttpServletResponse stale = send(central.signedIn(), "o2", "https://www.example.go.th/other", "", 0, "save");
        assertThat(stale.getStatus()).isEqualTo(409);
        assertThat(stale.getContentAsString(StandardCharsets.UTF_8)).contains("ไม่ได้บันทึก เพราะ " + admin.account().displayName() + " บันทึกข้อนี้ไปก่อนแล้ว",
                "https://www.example.go.th/other");
        assertThat(jdbc.sql("select cast(links as text) from oit_submission where agency_code = ? and item_code = 'o2'")
                .param(agency.code().value()).query(String.class).single()).contains("executives").doesNotContain("other");
    }

    @Test
    void onlyTheAgencysManagersChangeItAndOnlyDuringTheSubmissionPhase() throws Exception {
        Agency other = fixtures.agency().create();
        Fixtures.Person staff = fixtures.person(Role.AGENCY_STAFF).of(agency.code().value()).create();
        Fixtures.Person outsider = fixtures.person(Role.AGENCY_ADMIN).of(other.code().value()).create();
        Fixtures.Person assessor = fixtures.person(Role.ASSESSOR).seeing(agency.code()).create();
        String link = "https://www.example.go.th/news";
        // staff see the page but may not change it
        assertThat(mvc.perform(get(base() + "/o4").with(staff.signedIn())).andReturn().getResponse().getStatus()).isEqualTo(200);
        assertThat(send(staff.signedIn(), "o4", link, "", 0, "save").getStatus()).isEqualTo(403);
        assertThat(send(assessor.signedIn(), "o4", link, "", 0, "save").getStatus()).isEqualTo(403);
        // another agency's administrator: not found, as if it did not exist
        assertThat(mvc.perform(get(base()).with(outsider.signedIn())).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(send(outsider.signedIn(), "o4", link, "", 0, "save").getStatus()).isEqualTo(404);
        assertThat(state("o4")).isEqualTo("none");

        // the day after the phase: the agency is refused with its own message; the central administrator may still
        clock.setToday(clock.today().plusDays(1));
        MockHttpServletResponse late = send(admin.signedIn(), "o4", link, "", 0, "save");
        assertThat(late.getStatus()).isEqualTo(409);
        assertThat(late.getContentAsString(StandardCharsets.UTF_8)).contains("ไม่อยู่ในช่วงส่งข้อมูล OIT", "หมดเวลาส่งข้อมูล OIT แล้ว");
        assertThat(mvc.perform(get(base() + "/o4").with(admin.signedIn())).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .doesNotContain("data-testid=\"oit-form\"").contains("ขณะนี้แก้ไขข้อมูล OIT ไม่ได้");
        assertThat(state("o4")).isEqualTo("none");
        Fixtures.Person central = fixtures.person(Role.CENTRAL_ADMIN).create();
        assertThat(send(central.signedIn(), "o4", link, "", 0, "save").getStatus()).isEqualTo(302);
        List<String> actors = jdbc.sql("select actor from audit_event where subject like ?").param("oit:" + agency.code().value() + "%")
                .query(String.class).list();
        assertThat(actors).containsExactly(central.username());
    }
}
