package org.openita.server.agency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.openita.server.agency.AgencyCode;
import org.openita.server.cycle.Phase;
import org.openita.server.identity.Role;
import org.openita.server.support.ServerTestSupport;
import org.openita.server.testing.Fixtures;

/** The agency administrator may change the headcount only during registration and data entry, and only for their agency. */
class AgencyDataByPhaseIT extends ServerTestSupport {


    @Test
    void headcountChangesFollowThePhaseAndTheAgency() throws Exception {
        // a calendar of a fiscal year no other test uses, with registration and data entry on one day only
        Fixtures.CalendarBuilder calendar = fixtures.cycleCalendar().phasesOnTheDay(Phase.REGISTRATION, Phase.DATA_ENTRY);
        calendar.create();
        clock.setToday(calendar.day());
        AgencyCode a = fixtures.agency().create().code();
        AgencyCode b = fixtures.agency().create().code();
        var admin = fixtures.person(Role.AGENCY_ADMIN).of(a).create().signedIn();

        mvc.perform(post("/agency/" + a + "/staff").param("staffCount", "๔๒").with(admin).with(csrf())).andExpect(redirectedUrl("/agency/" + a + "?saved"));
        assertThat(registry.find(a).orElseThrow().staffCount()).isEqualTo(42);
        mvc.perform(post("/agency/" + b + "/staff").param("staffCount", "1").with(admin).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post("/agency/" + a + "/staff").param("staffCount", "-5").with(admin).with(csrf())).andExpect(status().isBadRequest());

        // the same phases moved onto another day of the year: closed today
        calendar.on(calendar.day().plusDays(30)).create();
        String closed = mvc.perform(post("/agency/" + a + "/staff").param("staffCount", "50").with(admin).with(csrf()))
                .andExpect(status().isForbidden()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(closed).contains("แก้ไขได้เฉพาะช่วงลงทะเบียน");
        assertThat(registry.find(a).orElseThrow().staffCount()).isEqualTo(42);
        mvc.perform(post("/agency/" + a + "/staff").param("staffCount", "50").with(user("boss").roles("CENTRAL_ADMIN")).with(csrf()))
                .andExpect(redirectedUrl("/agency/" + a + "?saved"));
        assertThat(registry.find(a).orElseThrow().staffCount()).isEqualTo(50);
        assertThat(fixtures.audits("AGENCY_UPDATED", "agency:" + a)).isEqualTo(2);
    }
}
