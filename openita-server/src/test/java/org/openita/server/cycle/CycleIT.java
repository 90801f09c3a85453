package org.openita.server.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.openita.core.framework.FiscalYear;
import org.openita.server.support.ServerTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Creating the current fiscal year's cycle, moving a phase onto today, and seeing it on every page. */
class CycleIT extends ServerTestSupport {

    @Autowired
    CycleService cycles;

    @Test
    void theCurrentPhaseIsShownToEveryone() throws Exception {
        // a day of a fiscal year no other test uses: the phase is moved onto this day, not onto the real today
        FiscalYear fy = fixtures.unusedCalendarYear();
        LocalDate today = fy.firstDay().plusDays(45);
        clock.setToday(today);
        int year = fy.buddhistEra();
        mvc.perform(post("/cycles").param("year", Integer.toString(year)).with(user("central").roles("CENTRAL_ADMIN")).with(csrf()))
                .andExpect(redirectedUrl("/cycles/" + year));
        assertThat(cycles.windows(year)).isPresent();

        MockHttpServletRequestBuilder save = post("/cycles/" + year).with(user("central").roles("CENTRAL_ADMIN")).with(csrf());
        for (PhaseWindow w : cycles.windows(year).orElseThrow()) {
            LocalDate start = w.startsOn();
            LocalDate end = w.endsOn();
            if (w.phase() == Phase.REGISTRATION) {
                start = today.minusDays(1).isBefore(fy.firstDay()) ? fy.firstDay() : today.minusDays(1);
                end = today.plusDays(1).isAfter(fy.lastDay()) ? fy.lastDay() : today.plusDays(1);
            }
            save.param(w.phase() + ".start", start.toString()).param(w.phase() + ".end", end.toString());
        }
        mvc.perform(save).andExpect(redirectedUrl("/cycles/" + year + "?saved"));

        String home = mvc.perform(get("/")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(home).contains("data-testid=\"cycle-banner\"", "ปีงบประมาณ พ.ศ. " + year, "ลงทะเบียน ถึง");
    }

    @Test
    void aBadCalendarIsExplainedAndNothingChanges() throws Exception {
        var calendar = fixtures.cycleCalendar();
        calendar.create();
        int year = calendar.year().buddhistEra();
        var before = cycles.windows(year).orElseThrow();
        MockHttpServletRequestBuilder save = post("/cycles/" + year).with(user("central").roles("CENTRAL_ADMIN")).with(csrf());
        for (PhaseWindow w : before) {
            String end = w.phase() == Phase.OIT_REVIEW ? w.startsOn().minusDays(3).toString() : w.endsOn().toString();
            save.param(w.phase() + ".start", w.startsOn().toString()).param(w.phase() + ".end", end);
        }
        String page = mvc.perform(save).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("ขั้นตอน &quot;ตรวจประเมิน OIT&quot; วันสิ้นสุดอยู่ก่อนวันเริ่ม");
        assertThat(cycles.windows(year).orElseThrow()).isEqualTo(before);
        mvc.perform(get("/cycles/" + year).with(user("clerk").roles("AGENCY_ADMIN"))).andExpect(status().isForbidden());
    }
}
