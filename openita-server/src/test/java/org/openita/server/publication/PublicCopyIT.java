package org.openita.server.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.openita.core.framework.FiscalYear;
import org.openita.server.agency.AgencyCode;
import org.openita.server.agency.AgencyRegistry;
import org.openita.server.audit.AuditTrail;
import org.openita.server.identity.Role;
import org.openita.server.identity.UserAccounts;
import org.openita.server.measures.MeasureForm;
import org.openita.server.measures.MeasurePlanConfirmed;
import org.openita.server.measures.MeasurePlans;
import org.openita.server.results.ResultFile;
import org.openita.server.results.ResultImports;
import org.openita.server.support.ServerTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The public page shows the plan the agency confirmed, from publication's own copy: it stays while the agency edits and
 * follows the next confirmation through an event kept in the event publication registry until it is handled. Each test
 * has its own agency.
 */
class PublicCopyIT extends ServerTestSupport {

    static final FiscalYear YEAR = FiscalYear.of(2567);

    @Autowired
    MockMvc mvc;
    @Autowired
    AgencyRegistry registry;
    @Autowired
    UserAccounts accounts;
    @Autowired
    ResultImports imports;
    @Autowired
    MeasurePlans plans;
    @Autowired
    AuditTrail audit;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    IncompleteEventPublications incomplete;

    /** An agency with results for {@link #YEAR}, its administrator "{code}-admin" and a staff member "{code}-staff". */
    private AgencyCode agency(String code) throws Exception {
        registry.importFile("test", code + ".csv", new ByteArrayInputStream(("รหัสหน่วยงาน,ชื่อหน่วยงาน,ประเภทหน่วยงาน\n" + code
                + ",องค์การบริหารส่วนตำบลสำเนาสาธารณะ " + code + ",อบต.\n").getBytes(StandardCharsets.UTF_8)), AgencyRegistry.Mode.ALL_OR_NOTHING);
        accounts.createAssigned("test", code.toLowerCase() + "-admin", code, Role.AGENCY_ADMIN, "irrelevant-pass", code, List.of());
        accounts.createAssigned("test", code.toLowerCase() + "-staff", code, Role.AGENCY_STAFF, "irrelevant-pass", code, List.of());
        String csv = "รหัสหน่วยงาน,ปีงบประมาณ,คะแนนรวม\n" + code + ",2567,81.5\n";
        assertThat(imports.run("test", ResultFile.Format.CSV, new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), c -> true).problems())
                .isEmpty();
        return AgencyCode.of(code);
    }

    private static RequestPostProcessor admin(AgencyCode code) {
        return user(code.value().toLowerCase() + "-admin").roles("AGENCY_ADMIN");
    }

    private long measure(AgencyCode code, String title) {
        MeasureForm form = new MeasureForm();
        form.setTitle(title);
        form.setUnit("กองกลาง");
        form.setOwner("นายผู้รับผิดชอบ ไม่เปิดเผย");
        return editing.create("test", code, YEAR, form).id();
    }

    private String publicPage(AgencyCode code) throws Exception {
        return mvc.perform(get("/public/" + code + "/" + YEAR)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private void publish(AgencyCode code, boolean publish) throws Exception {
        mvc.perform(post("/agency/" + code + "/publication/" + YEAR).param("publish", Boolean.toString(publish)).with(admin(code)).with(csrf()))
                .andExpect(status().is3xxRedirection());
    }

    /** Waits (at most 20 s) until the condition holds; the listeners run after the commit, on another thread. */
    private static void eventually(String what, BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(until);
            Thread.sleep(50);
        }
    }

    /** The registry's rows for the confirmations of this agency: [listener, completed]. */
    private List<Map<String, Object>> confirmations(AgencyCode code) {
        return jdbc.sql("select listener_id, completion_date is not null as completed from event_publication where event_type = ?"
                        + " and serialized_event like ? order by publication_date")
                .params(MeasurePlanConfirmed.class.getName(), "%\"" + code + "\"%").query().listOfRows();
    }

    private boolean publicPageShows(AgencyCode code, String text) {
        try {
            return publicPage(code).contains(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void thePublicPageKeepsTheConfirmedMeasuresWhileTheAgencyEditsAndFollowsTheNextConfirmation() throws Exception {
        AgencyCode code = agency("PC-1");
        long id = measure(code, "มาตรการเปิดเผยข้อมูลฉบับยืนยัน");
        confirmation.confirm("test", code, YEAR);
        publish(code, true);
        assertThat(publicPage(code)).contains("มาตรการเปิดเผยข้อมูลฉบับยืนยัน", "กองกลาง").doesNotContain("นายผู้รับผิดชอบ");

        // the agency edits the confirmed measure: the plan is reopened, the public page keeps what was confirmed
        MeasureForm edit = new MeasureForm();
        edit.setTitle("มาตรการเปิดเผยข้อมูลฉบับแก้ไข");
        edit.setUnit("กองกลาง");
        edit.setVersion(plans.measure(code, YEAR, id).orElseThrow().version());
        assertThat(editing.update("test", code, YEAR, id, edit).ok()).isTrue();
        assertThat(plans.plan(code, YEAR).orElseThrow().confirmed()).isFalse();
        assertThat(publicPage(code)).contains("มาตรการเปิดเผยข้อมูลฉบับยืนยัน").doesNotContain("มาตรการเปิดเผยข้อมูลฉบับแก้ไข");
        mvc.perform(get("/public/" + code + "/" + YEAR + "/follow-up.html")).andExpect(status().isOk());

        // progress recorded meanwhile reaches the public page (its status), the edited text does not
        assertThat(progress.recordProgress("test", code, YEAR, id, "DONE", "บันทึกภายใน ไม่เปิดเผย", "", List.of()).ok()).isTrue();
        eventually("the public page shows the new status", () -> publicPageShows(code, "แล้วเสร็จ"));
        assertThat(publicPage(code)).contains("มาตรการเปิดเผยข้อมูลฉบับยืนยัน").doesNotContain("มาตรการเปิดเผยข้อมูลฉบับแก้ไข", "บันทึกภายใน");

        // confirming again brings the new text, through the event
        confirmation.confirm("test", code, YEAR);
        eventually("the public page shows the confirmed edit", () -> publicPageShows(code, "มาตรการเปิดเผยข้อมูลฉบับแก้ไข"));
        assertThat(publicPage(code)).doesNotContain("มาตรการเปิดเผยข้อมูลฉบับยืนยัน");
        eventually("the registry completes both confirmations", () -> confirmations(code).size() == 2
                && confirmations(code).stream().allMatch(r -> Boolean.TRUE.equals(r.get("completed"))));
        assertThat(confirmations(code)).allSatisfy(r -> assertThat((String) r.get("listener_id")).contains("PublicCopyRefresh"));
    }

    @Test
    void aFailedListenerLeavesTheEventIncompleteUntilItIsResubmitted() throws Exception {
        AgencyCode code = agency("PC-2");
        measure(code, "มาตรการก่อนความขัดข้อง");
        confirmation.confirm("test", code, YEAR);
        publish(code, true);
        eventually("the first confirmation completes", () -> confirmations(code).size() == 1
                && Boolean.TRUE.equals(confirmations(code).get(0).get("completed")));

        // the stored copy cannot be read: the listener fails on the next confirmation, and the registry keeps the event
        jdbc.sql("update publication set public_plan = '{\"confirmedAt\": \"not a time\"}'::jsonb where agency_code = ?").param(code.value()).update();
        measure(code, "มาตรการหลังความขัดข้อง");
        confirmation.confirm("test", code, YEAR);
        eventually("the second confirmation is recorded", () -> confirmations(code).size() == 2);
        Thread.sleep(1000); // time for the listener to run and fail
        assertThat(confirmations(code).get(1).get("completed")).isEqualTo(false);

        // repaired and resubmitted, the event is handled: the copy follows the confirmed plan
        jdbc.sql("update publication set public_plan = '{\"confirmedAt\": null, \"measures\": []}'::jsonb where agency_code = ?")
                .param(code.value()).update();
        incomplete.resubmitIncompletePublications(p -> p.getEvent() instanceof MeasurePlanConfirmed e && e.agency().equals(code));
        eventually("the resubmitted event completes", () -> Boolean.TRUE.equals(confirmations(code).get(1).get("completed")));
        assertThat(publicPage(code)).contains("มาตรการก่อนความขัดข้อง", "มาตรการหลังความขัดข้อง");
    }

    @Test
    void onlyTheAgencyAdministratorPublishesAndAStaleFormChangesNothing() throws Exception {
        AgencyCode code = agency("PC-3");
        agency("PC-4");
        String route = "/agency/" + code + "/publication/" + YEAR;
        // another agency's administrator: not found; the agency's staff: forbidden; without CSRF: forbidden
        mvc.perform(post(route).param("publish", "true").with(user("pc-4-admin").roles("AGENCY_ADMIN")).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post(route).param("publish", "true").with(user("pc-3-staff").roles("AGENCY_STAFF")).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post(route).param("publish", "true").with(admin(code))).andExpect(status().isForbidden());
        mvc.perform(post(route).param("publish", "perhaps").with(admin(code)).with(csrf())).andExpect(status().isBadRequest());
        mvc.perform(post("/agency/" + code + "/publication/2560").param("publish", "true").with(admin(code)).with(csrf()))
                .andExpect(status().isNotFound()); // no results that year
        assertThat(publications.published(code, YEAR)).isFalse();
        mvc.perform(get("/public/" + code + "/" + YEAR)).andExpect(status().isNotFound());

        // published once, audited once: the same form sent again (left open in another tab) records nothing
        publish(code, true);
        publish(code, true);
        assertThat(audit.search(null, "RESULTS_PUBLISHED", "public:" + code + "/" + YEAR, 10)).hasSize(1);
        String agencyPage = mvc.perform(get("/agency/" + code + "?published=" + YEAR).with(admin(code))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(agencyPage).contains("data-testid=\"publication\"", "/public/" + code + "/" + YEAR, "ยกเลิกการเผยแพร่", "เผยแพร่หน้าสาธารณะปี 2567 แล้ว");

        publish(code, false);
        publish(code, false);
        assertThat(audit.search(null, "RESULTS_WITHDRAWN", "public:" + code + "/" + YEAR, 10)).hasSize(1);
        mvc.perform(get("/public/" + code + "/" + YEAR)).andExpect(status().isNotFound());
        // withdrawing clears the copy: publishing again takes what is confirmed then
        long id = measure(code, "มาตรการหลังการถอน");
        confirmation.confirm("test", code, YEAR);
        publish(code, true);
        assertThat(publicPage(code)).contains("มาตรการหลังการถอน");
        assertThat(id).isPositive();
    }
}
