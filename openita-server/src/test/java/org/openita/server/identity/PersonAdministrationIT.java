package org.openita.server.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openita.server.agency.AgencyRegistry;
import org.openita.server.support.ServerTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The central administrator changes a person's role and agencies, disables and re-enables the account and
 * starts a password reset, on the real server and database; each change is audited and holds at once.
 */
class PersonAdministrationIT extends ServerTestSupport {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserAccounts accounts;
    @Autowired
    ApiTokens tokens;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AgencyRegistry registry;

    @BeforeEach
    void twoAgencies() throws Exception {
        if (jdbc.sql("select count(*) from agency where code = 'PA-1'").query(Long.class).single() == 0) {
            registry.importFile("test", "pa.csv", new ByteArrayInputStream(
                    "รหัสหน่วยงาน,ชื่อหน่วยงาน,ประเภทหน่วยงาน\nPA-1,กรมทดสอบบุคคลหนึ่ง,กรม\nPA-2,กรมทดสอบบุคคลสอง,กรม\n".getBytes(StandardCharsets.UTF_8)),
                    AgencyRegistry.Mode.ALL_OR_NOTHING);
        }
    }

    private static MockHttpServletRequestBuilder asCentral(MockHttpServletRequestBuilder request) {
        return request.with(user("pa-central").roles("CENTRAL_ADMIN")).with(csrf());
    }

    private Cookie signIn(String username, String password, String address) throws Exception {
        Cookie session = mvc.perform(post("/login").param("username", username).param("password", password).with(csrf())
                .with(SignInIT.from(address))).andExpect(redirectedUrl("/agency")).andReturn().getResponse().getCookie("SESSION");
        assertThat(session).isNotNull();
        return session;
    }

    private boolean signedIn(Cookie session) throws Exception {
        return mvc.perform(get("/account/tokens").cookie(session)).andReturn().getResponse().getStatus() == 200;
    }

    private long audited(String action, String username) {
        return jdbc.sql("select count(*) from audit_event where action = ? and subject = ?").params(action, "user:" + username)
                .query(Long.class).single();
    }

    private int api(String token) throws Exception {
        return mvc.perform(get("/api/v1/agencies/PA-1/results").header("Authorization", "Bearer " + token)).andReturn().getResponse().getStatus();
    }

    @Test
    void aRoleAndAgencyChangeIsSavedAuditedAndEndsThePersonsSessions() throws Exception {
        accounts.createAssigned("test", "pa-viewer", "ผู้ดู", Role.VIEWER, "viewer-pass-1", null, List.of("PA-1"));
        accounts.changePassword("pa-viewer", "viewer-pass-2");
        Cookie session = signIn("pa-viewer", "viewer-pass-2", "198.51.100.11");
        assertThat(signedIn(session)).isTrue();

        mvc.perform(asCentral(post("/users/pa-viewer")).param("role", "AGENCY_ADMIN").param("agency", "PA-2"))
                .andExpect(redirectedUrl("/users/pa-viewer?done=saved"));

        assertThat(accounts.find("pa-viewer").orElseThrow().role()).isEqualTo(Role.AGENCY_ADMIN);
        assertThat(accounts.agencyOf("pa-viewer")).hasValue("PA-2");
        assertThat(accounts.accessOf("pa-viewer")).as("an agency role has no list of other agencies").isEmpty();
        assertThat(audited("USER_ROLE_CHANGED", "pa-viewer")).isEqualTo(1);
        assertThat(jdbc.sql("select actor from audit_event where action = 'USER_ROLE_CHANGED' and subject = 'user:pa-viewer'")
                .query(String.class).single()).isEqualTo("pa-central");
        assertThat(signedIn(session)).as("the session signed in as a viewer").isFalse();
        String page = mvc.perform(get("/users/pa-viewer?done=saved").with(user("pa-central").roles("CENTRAL_ADMIN")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("บันทึกบทบาทและหน่วยงานแล้ว").contains("value=\"PA-2\"");

        // back to an assessor of both agencies
        mvc.perform(asCentral(post("/users/pa-viewer")).param("role", "ASSESSOR").param("access", "PA-1, PA-2"))
                .andExpect(redirectedUrl("/users/pa-viewer?done=saved"));
        assertThat(accounts.agencyOf("pa-viewer")).isEmpty();
        assertThat(accounts.accessOf("pa-viewer")).containsExactlyInAnyOrder("PA-1", "PA-2");
    }

    @Test
    void badChoicesAreExplainedAndChangeNothing() throws Exception {
        accounts.createAssigned("test", "pa-staff", "เจ้าหน้าที่", Role.AGENCY_STAFF, "staff-pass-1", "PA-1", List.of());
        long events = jdbc.sql("select count(*) from audit_event").query(Long.class).single();
        String unknown = mvc.perform(asCentral(post("/users/pa-staff")).param("role", "AGENCY_ADMIN").param("agency", "NO-SUCH"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(unknown).contains("ไม่พบรหัสหน่วยงานที่ระบุ");
        String noAgency = mvc.perform(asCentral(post("/users/pa-staff")).param("role", "AGENCY_ADMIN"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(noAgency).contains("ต้องระบุรหัสหน่วยงาน");
        String english = mvc.perform(asCentral(post("/users/pa-staff")).param("role", "AGENCY_ADMIN").param("agency", "bad code!")
                        .cookie(new Cookie("openita-lang", "en")))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(english).contains("An agency code given is not in the registry.");
        mvc.perform(asCentral(post("/users/pa-staff")).param("role", "KING")).andExpect(status().isBadRequest());
        mvc.perform(asCentral(post("/users/nobody-here")).param("role", "VIEWER")).andExpect(status().isNotFound());
        mvc.perform(get("/users/nobody-here").with(user("pa-central").roles("CENTRAL_ADMIN"))).andExpect(status().isNotFound());
        assertThat(accounts.find("pa-staff").orElseThrow().role()).isEqualTo(Role.AGENCY_STAFF);
        assertThat(accounts.agencyOf("pa-staff")).hasValue("PA-1");
        assertThat(jdbc.sql("select count(*) from audit_event").query(Long.class).single()).isEqualTo(events);
    }

    @Test
    void aDisabledPersonCannotSignInTheirSessionsAndTokensStopAndReEnablingLetsThemBackIn() throws Exception {
        accounts.createAssigned("test", "pa-leaver", "ผู้ย้าย", Role.VIEWER, "leaver-pass-1", null, List.of("PA-1"));
        accounts.changePassword("pa-leaver", "leaver-pass-2");
        Cookie session = signIn("pa-leaver", "leaver-pass-2", "198.51.100.21");
        String token = tokens.create("pa-leaver", "ระบบสารบรรณ");
        assertThat(api(token)).isEqualTo(200);

        mvc.perform(asCentral(post("/users/pa-leaver/disable"))).andExpect(redirectedUrl("/users/pa-leaver?done=disabled"));

        assertThat(accounts.find("pa-leaver").orElseThrow().enabled()).isFalse();
        assertThat(signedIn(session)).as("the open session").isFalse();
        assertThat(api(token)).as("the API token").isEqualTo(401);
        mvc.perform(post("/login").param("username", "pa-leaver").param("password", "leaver-pass-2").with(csrf())
                .with(SignInIT.from("198.51.100.22"))).andExpect(redirectedUrl("/login?error"));
        assertThat(audited("USER_DISABLED", "pa-leaver")).isEqualTo(1);
        assertThat(audited("API_TOKENS_REVOKED", "pa-leaver")).isEqualTo(1);
        assertThat(audited("SESSIONS_ENDED", "pa-leaver")).isEqualTo(1);
        String list = mvc.perform(get("/users").with(user("pa-central").roles("CENTRAL_ADMIN")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(list).containsPattern("pa-leaver</a></td>\\s*<td>ผู้ย้าย</td>\\s*<td>ผู้ดูข้อมูล</td>\\s*<td>ระงับการใช้งาน</td>");

        mvc.perform(asCentral(post("/users/pa-leaver/enable"))).andExpect(redirectedUrl("/users/pa-leaver?done=enabled"));
        assertThat(audited("USER_ENABLED", "pa-leaver")).isEqualTo(1);
        assertThat(signedIn(signIn("pa-leaver", "leaver-pass-2", "198.51.100.23"))).isTrue();
        assertThat(api(token)).as("a revoked token stays revoked").isEqualTo(401);
    }

    @Test
    void theAdministratorStartsAResetThatMailsThePersonALinkOnly() throws Exception {
        accounts.createAssigned("test", "pa-forgot", "ผู้ลืม", Role.VIEWER, "forgot-pass-1", null, List.of("PA-1"));
        accounts.setEmail("test", "pa-forgot", "pa-forgot@example.go.th");
        mvc.perform(asCentral(post("/users/pa-forgot/reset"))).andExpect(redirectedUrl("/users/pa-forgot?done=reset"));
        String body = jdbc.sql("select body from outbox_message where recipient = 'pa-forgot@example.go.th' order by id desc limit 1")
                .query(String.class).single();
        Matcher link = Pattern.compile("/account/reset/([A-Za-z0-9_-]{43})").matcher(body);
        assertThat(link.find()).isTrue();
        mvc.perform(post("/account/reset/" + link.group(1)).param("new", "chosen-after-reset").param("confirm", "chosen-after-reset").with(csrf()))
                .andExpect(redirectedUrl("/login?reset"));
        assertThat(accounts.passwordMatches("pa-forgot", "chosen-after-reset")).isTrue();
        assertThat(jdbc.sql("select actor from audit_event where action = 'PASSWORD_RESET_STARTED' and subject = 'user:pa-forgot'")
                .query(String.class).single()).isEqualTo("pa-central");

        accounts.createAssigned("test", "pa-no-mail", "ไม่มีอีเมล", Role.VIEWER, "no-mail-pass-1", null, List.of());
        String page = mvc.perform(asCentral(post("/users/pa-no-mail/reset"))).andExpect(status().isConflict())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("บัญชีนี้ไม่มีอีเมล");
        assertThat(audited("PASSWORD_RESET_STARTED", "pa-no-mail")).isZero();
    }

    @Test
    void onlyTheCentralAdministratorMayChangePeopleAndOnlyWithTheFormsToken() throws Exception {
        accounts.createAssigned("test", "pa-target", "เป้าหมาย", Role.VIEWER, "target-pass-1", null, List.of("PA-1"));
        // fresh builders each time: a builder keeps the post-processors given to it
        List<java.util.function.Supplier<MockHttpServletRequestBuilder>> changes = List.of(
                () -> post("/users/pa-target").param("role", "CENTRAL_ADMIN"), () -> post("/users/pa-target/disable"),
                () -> post("/users/pa-target/enable"), () -> post("/users/pa-target/reset"));
        for (Role role : Set.of(Role.ASSESSOR, Role.AGENCY_ADMIN, Role.AGENCY_STAFF, Role.VIEWER)) {
            mvc.perform(get("/users/pa-target").with(user("pa-other").roles(role.name()))).andExpect(status().isForbidden());
            for (var change : changes) {
                mvc.perform(change.get().with(user("pa-other").roles(role.name())).with(csrf())).andExpect(status().isForbidden());
            }
        }
        for (var change : changes) {
            // the central administrator too, without the form's CSRF token
            mvc.perform(change.get().with(user("pa-central").roles("CENTRAL_ADMIN"))).andExpect(status().isForbidden());
        }
        mvc.perform(get("/users/pa-target")).andExpect(status().is3xxRedirection());
        assertThat(accounts.find("pa-target").orElseThrow().role()).isEqualTo(Role.VIEWER);
        assertThat(accounts.find("pa-target").orElseThrow().enabled()).isTrue();
        assertThat(jdbc.sql("select count(*) from audit_event where subject = 'user:pa-target' and actor <> 'test'").query(Long.class).single()).isZero();
    }

    @Test
    void roleListsStartAtTheLeastPrivilegedRole() throws Exception {
        accounts.createAssigned("test", "pa-listed", "ในรายการ", Role.AGENCY_STAFF, "listed-pass-1", "PA-1", List.of());
        for (String path : List.of("/users", "/users/pa-listed")) {
            String page = mvc.perform(get(path).with(user("pa-central").roles("CENTRAL_ADMIN")))
                    .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            Matcher options = Pattern.compile("<option value=\"([A-Z_]+)\"").matcher(page);
            List<String> order = options.results().map(r -> r.group(1)).toList();
            assertThat(order).as(path).containsExactly("VIEWER", "AGENCY_STAFF", "ASSESSOR", "AGENCY_ADMIN", "CENTRAL_ADMIN");
        }
    }

    @Test
    void aPasswordChangeRevokesThePersonsApiTokens() throws Exception {
        accounts.createAssigned("test", "pa-tokens", "มีโทเค็น", Role.VIEWER, "tokens-pass-1", null, List.of("PA-1"));
        accounts.changePassword("pa-tokens", "tokens-pass-2");
        Cookie session = signIn("pa-tokens", "tokens-pass-2", "198.51.100.31");
        String token = tokens.create("pa-tokens", "ระบบงบประมาณ");
        assertThat(api(token)).isEqualTo(200);
        mvc.perform(post("/account/password").cookie(session).with(csrf()).param("current", "tokens-pass-2")
                .param("new", "tokens-pass-3").param("confirm", "tokens-pass-3")).andExpect(redirectedUrl("/?passwordChanged"));
        assertThat(api(token)).isEqualTo(401);
        assertThat(tokens.list("pa-tokens")).isEmpty();
        assertThat(audited("API_TOKENS_REVOKED", "pa-tokens")).isEqualTo(1);
    }
}
