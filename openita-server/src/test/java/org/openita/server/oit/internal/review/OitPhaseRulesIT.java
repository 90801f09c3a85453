package org.openita.server.oit.internal.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openita.core.framework.FiscalYear;
import org.openita.server.agency.Agency;
import org.openita.server.cycle.Activity;
import org.openita.server.cycle.CycleCalendar;
import org.openita.server.cycle.Phase;
import org.openita.server.cycle.PhaseWindow;
import org.openita.server.identity.Role;
import org.openita.server.support.ServerTestSupport;
import org.openita.server.testing.Fixtures;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Every role on a day of every phase (and a day of none) against each endpoint that changes the review: judging
 * (REVIEW_OIT), clarifying (FILE_CLARIFICATION) and confirming (CONFIRM_RESULTS) are allowed exactly when
 * {@link Activity#allowed} says, and refused with 403 otherwise.
 */
class OitPhaseRulesIT extends ServerTestSupport {

    @Test
    void eachRoleMaySubmitJudgeClarifyAndConfirmOnlyInThePhasesActivityNames() throws Exception {
        var calendar = fixtures.cycleCalendar();
        List<PhaseWindow> windows = calendar.create();
        FiscalYear year = calendar.year();
        fixtures.activeFramework(year, 2569);
        int be = year.buddhistEra();
        List<LocalDate> days = new ArrayList<>();
        for (PhaseWindow w : windows) {
            days.add(w.startsOn());
        }
        days.add(LocalDate.of(be - FiscalYear.BE_OFFSET, 7, 10)); // between confirmation and the results: no phase
        List<String> wrong = new ArrayList<>();
        for (LocalDate day : days) {
            List<Phase> now = CycleCalendar.current(windows, day);
            for (Role role : Role.values()) {
                Agency a = fixtures.agency().create();
                String code = a.code().value();
                OitRows rows = new OitRows(jdbc);
                rows.submitted(code, be, "o1", "https://example.go.th/o1");
                // a preliminary verdict scoring 0, as an assessor left it
                jdbc.sql("insert into oit_review (agency_code, fiscal_year, item_code, verdicts, state, judged_by, judged_at)"
                        + " values (?, ?, 'o1', cast(? as jsonb), 'PRELIMINARY', 'assessor', now())")
                        .params(code, be, "{\"1\": {\"passes\": false, \"comment\": \"\"}, \"2\": {\"passes\": true, \"comment\": \"\"}}").update();
                Fixtures.PersonBuilder builder = fixtures.person(role);
                if (role == Role.AGENCY_ADMIN || role == Role.AGENCY_STAFF) {
                    builder.of(a.code());
                } else if (role != Role.CENTRAL_ADMIN) {
                    builder.seeing(a.code());
                }
                Fixtures.Person person = builder.create();
                clock.setToday(day);
                int clarify = status(post("/agency/" + code + "/oit/" + be + "/verdicts").param("item", "o1").param("text", "อยู่หน้า 2"), person);
                check(wrong, role, now, "clarify", clarify, Activity.FILE_CLARIFICATION.allowed(role, now));
                int version = jdbc.sql("select version from oit_review where agency_code = ?").param(code).query(Integer.class).single();
                int judge = status(post("/oit/review/" + code + "/" + be + "/o1").param("version", "" + version)
                        .param("pass.1", "yes").param("pass.2", "yes"), person);
                check(wrong, role, now, "judge", judge, Activity.REVIEW_OIT.allowed(role, now));
                int confirm = status(post("/oit/review/" + code + "/" + be + "/confirm"), person);
                check(wrong, role, now, "confirm", confirm, Activity.CONFIRM_RESULTS.allowed(role, now));
                // the agency's own submission: its administrator in the submission phase (out of it: 409, with the dates);
                // those who may not change the agency at all: 403
                int submit = status(post("/agency/" + code + "/oit/" + be + "/o2").param("links", "https://example.go.th/o2")
                        .param("version", "0").param("action", "submit"), person);
                boolean mayChange = role == Role.CENTRAL_ADMIN || role == Role.AGENCY_ADMIN;
                boolean submitAllowed = Activity.SUBMIT_OIT.allowed(role, now);
                if ((submit == 302) != submitAllowed || (!submitAllowed && submit != (mayChange ? 409 : 403))) {
                    wrong.add(role + " submit in " + now + " -> " + submit + " (expected " + (submitAllowed ? "allowed" : mayChange ? "409" : "403") + ")");
                }
                clock.reset();
            }
        }
        assertThat(wrong).isEmpty();
    }

    private int status(MockHttpServletRequestBuilder request, Fixtures.Person person) throws Exception {
        return mvc.perform(request.with(person.signedIn()).with(csrf())).andReturn().getResponse().getStatus();
    }

    private static void check(List<String> wrong, Role role, List<Phase> now, String what, int status, boolean allowed) {
        boolean done = status == 302;
        if (done != allowed || (!allowed && status != 403)) {
            wrong.add(role + " " + what + " in " + now + " -> " + status + " (expected " + (allowed ? "allowed" : "403") + ")");
        }
    }
}
