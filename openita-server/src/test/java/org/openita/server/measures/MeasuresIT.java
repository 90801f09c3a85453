package org.openita.server.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.openita.core.framework.FiscalYear;
import org.openita.server.agency.AgencyCode;
import org.openita.server.identity.Role;
import org.openita.server.support.ServerTestSupport;
import org.openita.server.testing.Fixtures.Person;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The measures plan through the year: drafts, edits, checks, progress, reminders, reports and the audit trail. */
class MeasuresIT extends ServerTestSupport {

    @Autowired
    MeasurePlans plans;

    /** This test's own agency (with 2568 results below the pass mark, so the analysis drafts measures), its administrator and staff. */
    private record Tenant(AgencyCode code, Person admin, Person staff) {
        RequestPostProcessor asAdmin() {
            return admin.signedIn();
        }
    }

    private Tenant agencyWithResults() {
        AgencyCode code = fixtures.agency().named("องค์การบริหารส่วนตำบลมาตรการ").units("สำนักปลัด", "กองคลัง", "กองช่าง").create().code();
        fixtures.officialResults(code, 2568).scoring(72).create();
        return new Tenant(code, fixtures.person(Role.AGENCY_ADMIN).of(code).create(), fixtures.person(Role.AGENCY_STAFF).of(code).create());
    }

    private String page(String path, RequestPostProcessor who) throws Exception {
        return mvc.perform(get(path).with(who)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private MockHttpServletRequestBuilder form(Tenant t, String path) {
        return post(path).with(t.asAdmin()).with(csrf());
    }

    /** Audit entries of this action about the test's own agency's 2568 plan (its code is the test's own). */
    private long audits(Tenant t, String action) {
        return jdbc.sql("select count(*) from audit_event where action = ? and subject like ?").params(action, "%" + t.code().value() + "/2568%")
                .query(Long.class).single();
    }

    @Test
    void aPlanThroughTheYear() throws Exception {
        Tenant t = agencyWithResults();
        AgencyCode code = t.code();
        String base = "/agency/" + code + "/measures/2568";
        assertThat(page(base, t.asAdmin())).contains("data-testid=\"start-from-drafts\"");
        mvc.perform(form(t, base + "/drafts")).andExpect(status().is3xxRedirection());
        org.openita.server.measures.MeasurePlan plan = plans.plan(code, FiscalYear.of(2568)).orElseThrow();
        assertThat(plan.measures()).isNotEmpty();
        // the first measure with a progress check (a measure of a month or two may have none)
        Measure first = plan.measures().stream().filter(m -> !m.milestones().isEmpty()).findFirst().orElseThrow();
        // a draft's progress check lies within its months; a measure of a month or two may have none
        assertThat(plan.measures()).anyMatch(m -> !m.milestones().isEmpty());
        assertThat(plan.measures()).allSatisfy(m -> assertThat(m.milestones()).allSatisfy(x -> {
            assertThat(x.label()).isEqualTo("รายงานความก้าวหน้า");
            assertThat(x.dueOn()).isBetween(m.startsOn(), m.dueOn());
        }));
        assertThat(plan.measures().get(0).unit()).isEqualTo("สำนักปลัด");
        // the drafts carry their success indicators and start no earlier than today
        assertThat(plan.measures()).anyMatch(m -> m.success() != null && !m.success().isBlank());
        assertThat(plan.measures()).allMatch(m -> m.dueOn() == null || !m.dueOn().isBefore(clock.today()));
        // drafts are added once
        mvc.perform(form(t, base + "/drafts"));
        assertThat(plans.plan(code, FiscalYear.of(2568)).orElseThrow().measures()).hasSameSizeAs(plan.measures());

        // bad input: every problem named, nothing stored
        long measuresBefore = plans.plan(code, FiscalYear.of(2568)).orElseThrow().measures().size();
        String bad = mvc.perform(form(t, base).param("title", " ").param("startsOn", "2026-10-01").param("dueOn", "2026-09-01")
                        .param("oitItems", "o8, o999").param("milestoneLabel", "ประชุม").param("milestoneDue", ""))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(bad).contains("กรุณาใส่ชื่อมาตรการ", "วันแล้วเสร็จต้องไม่ก่อนวันเริ่ม", "ไม่มีข้อ OIT &quot;o999&quot;", "ต้องมีทั้งหัวข้อและวันที่");
        String badDate = mvc.perform(form(t, base).param("title", "x").param("dueOn", "31/13/2569"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(badDate).contains("ไม่มีวันที่ &quot;31/13/2569&quot; ในปฏิทิน");
        assertThat(plans.plan(code, FiscalYear.of(2568)).orElseThrow().measures()).hasSize((int) measuresBefore);

        // a new measure that is already overdue, with a milestone
        mvc.perform(form(t, base).param("title", "มาตรการจัดทำคู่มือการให้บริการ").param("steps", "ยกร่าง\nประกาศใช้").param("unit", "กองช่าง")
                        .param("owner", "นายช่าง ตัวอย่าง").param("startsOn", "2025-10-01").param("dueOn", "2025-12-31").param("oitItems", "o8, o9")
                        .param("milestoneLabel", "ยกร่างเสร็จ").param("milestoneDue", "2025-11-30"))
                .andExpect(status().is3xxRedirection());
        Measure added = plans.plan(code, FiscalYear.of(2568)).orElseThrow().measures().stream().filter(m -> m.title().startsWith("มาตรการจัดทำคู่มือ")).findFirst().orElseThrow();
        assertThat(added.oitItems()).containsExactly("o8", "o9");
        assertThat(added.overdue(clock.today())).isTrue();
        assertThat(page(base, t.asAdmin())).contains("data-testid=\"overdue\"");
        String agencyPage = page("/agency/" + code, t.asAdmin());
        assertThat(agencyPage).contains("data-testid=\"reminders\"", "มาตรการจัดทำคู่มือการให้บริการ", "เลยกำหนดแล้วเสร็จ:");
        assertThat(page("/agency/" + code, t.staff().signedIn())).doesNotContain("data-testid=\"reminders\"");

        // edit with the current version, then an edit on a stale copy is refused
        mvc.perform(form(t, base + "/" + added.id()).param("title", "มาตรการจัดทำและเผยแพร่คู่มือการให้บริการ").param("unit", "กองช่าง").param("owner", "นายช่าง ตัวอย่าง").param("steps", "ยกร่าง\nประกาศใช้")
                        .param("dueOn", "2027-09-30").param("version", Integer.toString(added.version()))
                        .param("success", "ผู้รับบริการร้อยละ 90 ได้รับคู่มือ")
                        .param("milestoneLabel", "ยกร่างเสร็จ").param("milestoneDue", "2025-11-30"))
                .andExpect(status().is3xxRedirection());
        String stale = mvc.perform(form(t, base + "/" + added.id()).param("title", "ชื่อที่จะทับ").param("version", Integer.toString(added.version())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(stale).contains("มีผู้อื่นแก้ไขมาตรการนี้");
        Measure edited = plans.measure(code, FiscalYear.of(2568), added.id()).orElseThrow();
        assertThat(edited.title()).isEqualTo("มาตรการจัดทำและเผยแพร่คู่มือการให้บริการ");
        assertThat(edited.success()).isEqualTo("ผู้รับบริการร้อยละ 90 ได้รับคู่มือ");
        assertThat(edited.overdue(clock.today())).isFalse();

        // progress: refused without a reason for dropping or with a bad link; recorded otherwise
        String noReason = mvc.perform(form(t, base + "/" + first.id() + "/progress").param("status", "DROPPED"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(noReason).contains("ต้องระบุเหตุผล");
        String badLink = mvc.perform(form(t, base + "/" + first.id() + "/progress").param("status", "IN_PROGRESS").param("evidence", "javascript:alert(1)"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(badLink).contains("ต้องขึ้นต้นด้วย http://");
        assertThat(plans.measure(code, FiscalYear.of(2568), first.id()).orElseThrow().progress()).isEmpty();
        mvc.perform(form(t, base + "/" + first.id() + "/progress").param("status", "IN_PROGRESS").param("note", "ประกาศขั้นตอนบริการแล้ว 8 งาน")
                        .param("evidence", "https://example.go.th/services").param("reached", Long.toString(first.milestones().get(0).id())))
                .andExpect(status().is3xxRedirection());
        mvc.perform(form(t, base + "/" + added.id() + "/progress").param("status", "DONE").param("note", "ประกาศใช้คู่มือแล้ว"))
                .andExpect(status().is3xxRedirection());
        Measure progressed = plans.measure(code, FiscalYear.of(2568), first.id()).orElseThrow();
        assertThat(progressed.status()).isEqualTo(MeasureStatus.IN_PROGRESS);
        assertThat(progressed.milestones().get(0).reachedOn()).isEqualTo(clock.today());
        assertThat(page(base + "/" + first.id(), t.staff().signedIn())).contains("https://example.go.th/services")
                .doesNotContain("data-testid=\"record-progress\"");

        // confirm; the analysis report prints the confirmed measures, the follow-up report the progress
        mvc.perform(form(t, base + "/confirm")).andExpect(status().is3xxRedirection());
        byte[] docx = mvc.perform(get("/agency/" + code + "/results/2568/report.docx").with(t.asAdmin())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (XWPFWordExtractor ex = new XWPFWordExtractor(new XWPFDocument(new ByteArrayInputStream(docx)))) {
            assertThat(ex.getText()).contains("มาตรการจัดทำและเผยแพร่คู่มือการให้บริการ", "กองช่าง (นายช่าง ตัวอย่าง)",
                            "ผู้รับบริการร้อยละ ๙๐ ได้รับคู่มือ")
                    .contains("หน่วยงานกำหนดมาตรการต่อไปนี้");
        }
        byte[] followUp = mvc.perform(get(base + "/follow-up.docx").with(t.staff().signedIn())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (XWPFWordExtractor ex = new XWPFWordExtractor(new XWPFDocument(new ByteArrayInputStream(followUp)))) {
            assertThat(ex.getText()).contains("รายงานผลการดำเนินการตามมาตรการ", "ประกาศขั้นตอนบริการแล้ว ๘ งาน", "https://example.go.th/services",
                    "ดำเนินการแล้วเสร็จ", "อยู่ระหว่างดำเนินการ");
        }
        byte[] pdf = mvc.perform(get(base + "/follow-up.pdf").with(t.asAdmin())).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

        // delete
        mvc.perform(form(t, base + "/" + added.id() + "/delete")).andExpect(status().is3xxRedirection());
        assertThat(plans.measure(code, FiscalYear.of(2568), added.id())).isEmpty();

        assertThat(audits(t, "MEASURE_CREATED")).isGreaterThanOrEqualTo(plan.measures().size() + 1L);
        assertThat(audits(t, "MEASURE_UPDATED")).isEqualTo(1);
        assertThat(audits(t, "MEASURE_PROGRESS")).isEqualTo(2);
        assertThat(audits(t, "MEASURES_CONFIRMED")).isEqualTo(1);
        assertThat(audits(t, "MEASURE_DELETED")).isEqualTo(1);
    }

    @Test
    void onlyTheAgencysAdministratorChangesItsPlan() throws Exception {
        Tenant t = agencyWithResults();
        AgencyCode code = t.code();
        Person other = fixtures.person(Role.AGENCY_ADMIN).of(fixtures.agency().create()).create();
        String base = "/agency/" + code + "/measures/2568";
        mvc.perform(post(base + "/drafts").with(t.staff().signedIn()).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post(base + "/drafts").with(other.signedIn()).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(get(base).with(other.signedIn())).andExpect(status().isNotFound());
        mvc.perform(get(base + "/follow-up.pdf").with(other.signedIn())).andExpect(status().isNotFound());
        mvc.perform(post(base + "/drafts").with(t.asAdmin())).andExpect(status().isForbidden()); // no CSRF token
        mvc.perform(get("/agency/" + code + "/measures/2567").with(t.asAdmin())).andExpect(status().isNotFound()); // no results that year
    }

    @Test
    void editingOrRemovingAConfirmedMeasureWaitsForTheAgencyToConfirmAgain() {
        int year = 2569;
        Tenant t = agencyWithResults();
        AgencyCode code = t.code();
        String admin = t.admin().username();
        MeasureForm form = new MeasureForm();
        form.setTitle("มาตรการที่ยืนยันแล้ว");
        form.setUnit("สำนักปลัด");
        form.setSteps("จัดทำประกาศ");
        long first = editing.create(admin, code, FiscalYear.of(year), form).id();
        confirmation.confirm(admin, code, FiscalYear.of(year));

        // a measure added after confirming stays out of the confirmed plan, which stays confirmed
        form.setTitle("มาตรการที่เพิ่มภายหลัง");
        long later = editing.create(admin, code, FiscalYear.of(year), form).id();
        assertThat(plans.plan(code, FiscalYear.of(year)).orElseThrow().confirmed()).isTrue();
        assertThat(plans.confirmedPlan(code, FiscalYear.of(year)).orElseThrow().measures()).extracting(Measure::id).containsExactly(first);
        assertThat(plans.confirmedMeasures(code, FiscalYear.of(year)).orElseThrow()).hasSize(1);

        // editing what was confirmed reopens the plan: neither the report nor the public sees the unconfirmed edit
        long reopened = fixtures.audits("MEASURES_REOPENED", "measures:" + code + "/" + year);
        MeasureForm edit = new MeasureForm();
        edit.setTitle("มาตรการที่แก้ไขหลังยืนยัน");
        edit.setUnit("สำนักปลัด");
        edit.setSteps("จัดทำประกาศ");
        edit.setVersion(plans.measure(code, FiscalYear.of(year), first).orElseThrow().version());
        assertThat(editing.update(admin, code, FiscalYear.of(year), first, edit).ok()).isTrue();
        assertThat(plans.plan(code, FiscalYear.of(year)).orElseThrow().confirmed()).isFalse();
        assertThat(plans.confirmedPlan(code, FiscalYear.of(year))).isEmpty();
        assertThat(plans.confirmedMeasures(code, FiscalYear.of(year))).isEmpty();
        assertThat(fixtures.audits("MEASURES_REOPENED", "measures:" + code + "/" + year)).isEqualTo(reopened + 1);

        // confirming again takes both in; removing a confirmed one reopens it again, progress does not
        confirmation.confirm(admin, code, FiscalYear.of(year));
        assertThat(plans.confirmedPlan(code, FiscalYear.of(year)).orElseThrow().measures()).hasSize(2);
        assertThat(progress.recordProgress(admin, code, FiscalYear.of(year), later, "IN_PROGRESS", "", "", List.of()).ok()).isTrue();
        assertThat(plans.plan(code, FiscalYear.of(year)).orElseThrow().confirmed()).isTrue();
        assertThat(editing.delete(admin, code, FiscalYear.of(year), later)).isTrue();
        assertThat(plans.plan(code, FiscalYear.of(year)).orElseThrow().confirmed()).isFalse();
    }
}
