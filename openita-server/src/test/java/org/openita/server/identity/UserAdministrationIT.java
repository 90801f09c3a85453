package org.openita.server.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openita.server.support.ServerTestSupport;
import org.springframework.test.web.servlet.MockMvc;

class UserAdministrationIT extends ServerTestSupport {


    @Test
    void theCentralAdministratorCreatesAPersonOfEachRole() throws Exception {
        String agency = fixtures.agency().type(org.openita.server.agency.AgencyType.DEPARTMENT).create().code().value();
        String prefix = org.openita.server.testing.Fixtures.unique("person"); // usernames no other test has
        for (Role role : Role.values()) {
            String name = prefix + "-" + role.name().toLowerCase().replace('_', '-');
            boolean agencyRole = role == Role.AGENCY_ADMIN || role == Role.AGENCY_STAFF;
            String page = mvc.perform(post("/users").param("username", name).param("displayName", "คน " + role)
                            .param("role", role.name()).param(agencyRole ? "agency" : "access", role == Role.CENTRAL_ADMIN ? "" : agency)
                            .with(user("central").roles("CENTRAL_ADMIN")).with(csrf()))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            Matcher m = Pattern.compile("รหัสผ่านใช้ครั้งเดียว: (\\w{16})").matcher(page);
            assertThat(m.find()).as(page).isTrue();
            assertThat(accounts.find(name).orElseThrow().role()).isEqualTo(role);
            if (agencyRole) {
                assertThat(accounts.agencyOf(name)).hasValue(agency);
            } else if (role != Role.CENTRAL_ADMIN) {
                assertThat(accounts.accessOf(name)).containsExactly(agency);
            }
            mvc.perform(formLogin("/login").user(name).password(m.group(1))).andExpect(redirectedUrl("/account/password"));
        }
    }

    @Test
    void badOrDuplicateNamesAreExplainedAndOthersCannotCreateAccounts() throws Exception {
        String bad = mvc.perform(post("/users").param("username", "ส").param("displayName", "x").param("role", "VIEWER")
                        .with(user("central").roles("CENTRAL_ADMIN")).with(csrf()))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(bad).contains("ชื่อผู้ใช้ต้องมี 3 ถึง 40 ตัว");
        String taken = fixtures.person(Role.VIEWER).create().username();
        String dup = mvc.perform(post("/users").param("username", taken).param("displayName", "x").param("role", "VIEWER")
                        .with(user("central").roles("CENTRAL_ADMIN")).with(csrf()))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(dup).contains("มีชื่อผู้ใช้นี้อยู่แล้ว");
        String noAgency = mvc.perform(post("/users").param("username", org.openita.server.testing.Fixtures.unique("clerk")).param("displayName", "x").param("role", "AGENCY_STAFF")
                        .with(user("central").roles("CENTRAL_ADMIN")).with(csrf()))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(noAgency).contains("ต้องระบุรหัสหน่วยงาน");
        String clerkY = org.openita.server.testing.Fixtures.unique("clerk");
        String unknown = mvc.perform(post("/users").param("username", clerkY).param("displayName", "y").param("role", "AGENCY_STAFF")
                        .param("agency", "NOPE").with(user("central").roles("CENTRAL_ADMIN")).with(csrf()))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(unknown).contains("ไม่พบรหัสหน่วยงานที่ระบุ");
        assertThat(accounts.find(clerkY)).isEmpty(); // all or nothing
        String sneaky = org.openita.server.testing.Fixtures.unique("sneaky");
        mvc.perform(post("/users").param("username", sneaky).param("displayName", "x").param("role", "CENTRAL_ADMIN")
                .with(user("clerk").roles("AGENCY_ADMIN")).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(get("/users").with(user("clerk").roles("AGENCY_STAFF"))).andExpect(status().isForbidden());
        assertThat(accounts.find(sneaky)).isEmpty();
    }
}
