package org.openita.server.agency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openita.core.framework.FiscalYear;
import org.openita.server.cycle.CycleCalendar;
import org.openita.server.cycle.CycleService;
import org.openita.server.cycle.Phase;
import org.openita.server.cycle.PhaseWindow;
import org.openita.server.identity.Role;
import org.openita.server.identity.UserAccounts;
import org.openita.server.support.ServerTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The agency administrator may change the headcount only during registration and data entry, and only for their agency. */
class AgencyDataByPhaseIT extends ServerTestSupport {

    @Autowired
    MockMvc mvc;
    @Autowired
    AgencyRegistry registry;
    @Autowired
    UserAccounts accounts;
    @Autowired
    CycleService cycles;

    /** Registration and data entry either on today only, or on a day that is not today; other phases as by default. */
    private void registrationToday(boolean open) {
        LocalDate today = clock.today();
        FiscalYear fy = FiscalYear.containing(today);
        LocalDate day = open ? today : today.equals(fy.firstDay()) ? fy.lastDay() : fy.firstDay();
        List<PhaseWindow> w = new ArrayList<>();
        for (PhaseWindow d : CycleCalendar.defaults(fy)) {
            boolean dataPhase = d.phase() == Phase.REGISTRATION || d.phase() == Phase.DATA_ENTRY;
            w.add(dataPhase ? new PhaseWindow(d.phase(), day, day) : d);
        }
        assertThat(cycles.save("test", fy, w)).isEmpty();
    }

    @Test
    void headcountChangesFollowThePhaseAndTheAgency() throws Exception {
        // a day of fiscal year 2591, which no other test uses: its calendar is this test's own
        clock.setToday(LocalDate.of(2047, 11, 15));
        registry.importFile("test", "ph.csv", new ByteArrayInputStream(
                "รหัสหน่วยงาน,ชื่อหน่วยงาน,ประเภทหน่วยงาน\nPH-A,อบต.ช่วงเวลา,อบต.\nPH-B,อบต.อื่น,อบต.\n".getBytes(StandardCharsets.UTF_8)),
                AgencyRegistry.Mode.ALL_OR_NOTHING);
        if (accounts.find("ph-admin").isEmpty()) {
            accounts.createAssigned("test", "ph-admin", "ph", Role.AGENCY_ADMIN, "irrelevant-pass", "PH-A", List.of());
        }
        var admin = user("ph-admin").roles("AGENCY_ADMIN");

        registrationToday(true);
        mvc.perform(post("/agency/PH-A/staff").param("staffCount", "๔๒").with(admin).with(csrf())).andExpect(redirectedUrl("/agency/PH-A?saved"));
        assertThat(registry.find(AgencyCode.of("PH-A")).orElseThrow().staffCount()).isEqualTo(42);
        mvc.perform(post("/agency/PH-B/staff").param("staffCount", "1").with(admin).with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post("/agency/PH-A/staff").param("staffCount", "-5").with(admin).with(csrf())).andExpect(status().isBadRequest());

        registrationToday(false);
        String closed = mvc.perform(post("/agency/PH-A/staff").param("staffCount", "50").with(admin).with(csrf()))
                .andExpect(status().isForbidden()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(closed).contains("แก้ไขได้เฉพาะช่วงลงทะเบียน");
        assertThat(registry.find(AgencyCode.of("PH-A")).orElseThrow().staffCount()).isEqualTo(42);
        mvc.perform(post("/agency/PH-A/staff").param("staffCount", "50").with(user("boss").roles("CENTRAL_ADMIN")).with(csrf()))
                .andExpect(redirectedUrl("/agency/PH-A?saved"));
        assertThat(registry.find(AgencyCode.of("PH-A")).orElseThrow().staffCount()).isEqualTo(50);
    }
}
