package org.openita.server.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openita.server.agency.Agency;
import org.openita.server.agency.AgencyType;
import org.openita.server.support.ServerTestSupport;
import org.openita.server.testing.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The central administrator changes a person's role and agencies, disables and re-enables the account and
 * starts a password reset, on the real server and database; each change is audited and holds at once.
 */
class PersonAdministrationIT extends ServerTestSupport {

    @Autowired
    ApiTokens tokens;

    /** Two agencies of this test's own (JUnit makes a new instance, so new agencies, for every test). */
    Agency one;
    Agency two;

    @BeforeEach
    void twoAgencies() {
        one = fixtures.agency().type(AgencyType.DEPARTMENT).create();
        two = fixtures.agency().type(AgencyType.DEPARTMENT).create();
    }

    /** A person of this test's own, with a password already chosen (no change required at sign-in). */
    private String person(Role role, String agency, String... seeing) {
        Fixtures.PersonBuilder b = fixtures.person(role).password(role.name().toLowerCase(java.util.Locale.ROOT) + "-pass-1").seeing(seeing);
        return (agency == null ? b : b.of(agency)).create().username();
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
        return fixtures.audits(action, "user:" + username);
    }

    private int api(String token) throws Exception {
        return mvc.perform(get("/api/v1/agencies/" + one.code().value() + "/results").header("Authorization", "Bearer " + token)).andReturn().getResponse().getStatus();
    }

    @Test
    void aRoleAndAgencyChangeIsSavedAuditedAndEndsThePersonsSessions() throws Exception {
        String viewer = person(Role.VIEWER, null, one.code().value());
        accounts.changePassword(viewer, "viewer-pass-2");
        Cookie session = signIn(viewer, "viewer-pass-2", "198.51.100.111");
        assertThat(signedIn(session)).isTrue();

        mvc.perform(asCentral(post("/users/" + viewer)).param("role", "AGENCY_ADMIN").param("agency", two.code().value()))
                .andExpect(redirectedUrl("/users/" + viewer + "?done=saved"));

        assertThat(accounts.find(viewer).orElseThrow().role()).isEqualTo(Role.AGENCY_ADMIN);
        assertThat(accounts.agencyOf(viewer)).hasValue(two.code().value());
        assertThat(accounts.accessOf(viewer)).as("an agency role has no list of other agencies").isEmpty();
        assertThat(audited("USER_ROLE_CHANGED", viewer)).isEqualTo(1);
        assertThat(jdbc.sql("select actor from audit_event where action = 'USER_ROLE_CHANGED' and subject = 'user:" + viewer + "'")
                .query(String.class).single()).isEqualTo("pa-central");
        assertThat(signedIn(session)).as("the session signed in as a viewer").isFalse();
        String page = mvc.perform(get("/users/" + viewer + "?done=saved").with(user("pa-central").roles("CENTRAL_ADMIN")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("บันทึกบทบาทและหน่วยงานแล้ว").contains("value=\"" + two.code().value() + "\"");

        // back to an assessor of both agencies
        mvc.perform(asCentral(post("/users/" + viewer)).param("role", "ASSESSOR").param("access", one.code().value() + ", " + two.code().value()))
                .andExpect(redirectedUrl("/users/" + viewer + "?done=saved"));
        assertThat(accounts.agencyOf(viewer)).isEmpty();
        assertThat(accounts.accessOf(viewer)).containsExactlyInAnyOrder(one.code().value(), two.code().value());
    }

    @Test
    void badChoicesAreExplainedAndChangeNothing() throws Exception {
        String staff = person(Role.AGENCY_STAFF, one.code().value());
        long events = fixtures.audits("user:" + staff);
        String unknown = mvc.perform(asCentral(post("/users/" + staff)).param("role", "AGENCY_ADMIN").param("agency", "NO-SUCH"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(unknown).contains("ไม่พบรหัสหน่วยงานที่ระบุ");
        String noAgency = mvc.perform(asCentral(post("/users/" + staff)).param("role", "AGENCY_ADMIN"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(noAgency).contains("ต้องระบุรหัสหน่วยงาน");
        String english = mvc.perform(asCentral(post("/users/" + staff)).param("role", "AGENCY_ADMIN").param("agency", "bad code!")
                        .cookie(new Cookie("openita-lang", "en")))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(english).contains("An agency code given is not in the registry.");
        mvc.perform(asCentral(post("/users/" + staff)).param("role", "KING")).andExpect(status().isBadRequest());
        mvc.perform(asCentral(post("/users/nobody-here")).param("role", "VIEWER")).andExpect(status().isNotFound());
        mvc.perform(get("/users/nobody-here").with(user("pa-central").roles("CENTRAL_ADMIN"))).andExpect(status().isNotFound());
        assertThat(accounts.find(staff).orElseThrow().role()).isEqualTo(Role.AGENCY_STAFF);
        assertThat(accounts.agencyOf(staff)).hasValue(one.code().value());
        assertThat(fixtures.audits("user:" + staff)).as("audit entries about the person").isEqualTo(events);
    }

    @Test
    void aDisabledPersonCannotSignInTheirSessionsAndTokensStopAndReEnablingLetsThemBackIn() throws Exception {
        String leaver = fixtures.person(Role.VIEWER).seeing(one.code().value()).named("ผู้ย้าย").create().username();
        accounts.changePassword(leaver, "leaver-pass-2");
        Cookie session = signIn(leaver, "leaver-pass-2", "198.51.100.121");
        String token = tokens.create(leaver, "ระบบสารบรรณ");
        assertThat(api(token)).isEqualTo(200);

        mvc.perform(asCentral(post("/users/" + leaver + "/disable"))).andExpect(redirectedUrl("/users/" + leaver + "?done=disabled"));

        assertThat(accounts.find(leaver).orElseThrow().enabled()).isFalse();
        assertThat(signedIn(session)).as("the open session").isFalse();
        assertThat(api(token)).as("the API token").isEqualTo(401);
        mvc.perform(post("/login").param("username", leaver).param("password", "leaver-pass-2").with(csrf())
                .with(SignInIT.from("198.51.100.122"))).andExpect(redirectedUrl("/login?error"));
        assertThat(audited("USER_DISABLED", leaver)).isEqualTo(1);
        assertThat(audited("API_TOKENS_REVOKED", leaver)).isEqualTo(1);
        assertThat(audited("SESSIONS_ENDED", leaver)).isEqualTo(1);
        String list = mvc.perform(get("/users").with(user("pa-central").roles("CENTRAL_ADMIN")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(list).containsPattern(leaver + "</a></td>\\s*<td>ผู้ย้าย</td>\\s*<td>ผู้ดูข้อมูล</td>\\s*<td>ระงับการใช้งาน</td>");

        mvc.perform(asCentral(post("/users/" + leaver + "/enable"))).andExpect(redirectedUrl("/users/" + leaver + "?done=enabled"));
        assertThat(audited("USER_ENABLED", leaver)).isEqualTo(1);
        assertThat(signedIn(signIn(leaver, "leaver-pass-2", "198.51.100.123"))).isTrue();
        assertThat(api(token)).as("a revoked token stays revoked").isEqualTo(401);
    }

    @Test
    void theAdministratorStartsAResetThatMailsThePersonALinkOnly() throws Exception {
        String forgot = person(Role.VIEWER, null, one.code().value());
        accounts.setEmail("test", forgot, forgot + "@example.go.th");
        mvc.perform(asCentral(post("/users/" + forgot + "/reset"))).andExpect(redirectedUrl("/users/" + forgot + "?done=reset"));
        String body = jdbc.sql("select body from outbox_message where recipient = '" + forgot + "@example.go.th' order by id desc limit 1")
                .query(String.class).single();
        Matcher link = Pattern.compile("/account/reset/([A-Za-z0-9_-]{43})").matcher(body);
        assertThat(link.find()).isTrue();
        mvc.perform(post("/account/reset/" + link.group(1)).param("new", "chosen-after-reset").param("confirm", "chosen-after-reset").with(csrf()))
                .andExpect(redirectedUrl("/login?reset"));
        assertThat(accounts.passwordMatches(forgot, "chosen-after-reset")).isTrue();
        assertThat(jdbc.sql("select actor from audit_event where action = 'PASSWORD_RESET_STARTED' and subject = 'user:" + forgot + "'")
                .query(String.class).single()).isEqualTo("pa-central");

        String noMail = person(Role.VIEWER, null);
        String page = mvc.perform(asCentral(post("/users/" + noMail + "/reset"))).andExpect(status().isConflict())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("บัญชีนี้ไม่มีอีเมล");
        assertThat(audited("PASSWORD_RESET_STARTED", noMail)).isZero();
    }

    @Test
    void onlyTheCentralAdministratorMayChangePeopleAndOnlyWithTheFormsToken() throws Exception {
        String target = person(Role.VIEWER, null, one.code().value());
        long audited = fixtures.audits("user:" + target);
        // fresh builders each time: a builder keeps the post-processors given to it
        List<java.util.function.Supplier<MockHttpServletRequestBuilder>> changes = List.of(
                () -> post("/users/" + target).param("role", "CENTRAL_ADMIN"), () -> post("/users/" + target + "/disable"),
                () -> post("/users/" + target + "/enable"), () -> post("/users/" + target + "/reset"));
        for (Role role : Set.of(Role.ASSESSOR, Role.AGENCY_ADMIN, Role.AGENCY_STAFF, Role.VIEWER)) {
            mvc.perform(get("/users/" + target).with(user("pa-other").roles(role.name()))).andExpect(status().isForbidden());
            for (var change : changes) {
                mvc.perform(change.get().with(user("pa-other").roles(role.name())).with(csrf())).andExpect(status().isForbidden());
            }
        }
        for (var change : changes) {
            // the central administrator too, without the form's CSRF token
            mvc.perform(change.get().with(user("pa-central").roles("CENTRAL_ADMIN"))).andExpect(status().isForbidden());
        }
        mvc.perform(get("/users/" + target)).andExpect(status().is3xxRedirection());
        assertThat(accounts.find(target).orElseThrow().role()).isEqualTo(Role.VIEWER);
        assertThat(accounts.find(target).orElseThrow().enabled()).isTrue();
        assertThat(fixtures.audits("user:" + target)).as("audit entries about the person").isEqualTo(audited);
    }

    @Test
    void roleListsStartAtTheLeastPrivilegedRole() throws Exception {
        String listed = person(Role.AGENCY_STAFF, one.code().value());
        for (String path : List.of("/users", "/users/" + listed)) {
            String page = mvc.perform(get(path).with(user("pa-central").roles("CENTRAL_ADMIN")))
                    .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            Matcher options = Pattern.compile("<option value=\"([A-Z_]+)\"").matcher(page);
            List<String> order = options.results().map(r -> r.group(1)).toList();
            assertThat(order).as(path).containsExactly("VIEWER", "AGENCY_STAFF", "ASSESSOR", "AGENCY_ADMIN", "CENTRAL_ADMIN");
        }
    }

    @Test
    void aPasswordChangeRevokesThePersonsApiTokens() throws Exception {
        String holder = person(Role.VIEWER, null, one.code().value());
        accounts.changePassword(holder, "tokens-pass-2");
        Cookie session = signIn(holder, "tokens-pass-2", "198.51.100.131");
        String token = tokens.create(holder, "ระบบงบประมาณ");
        assertThat(api(token)).isEqualTo(200);
        mvc.perform(post("/account/password").cookie(session).with(csrf()).param("current", "tokens-pass-2")
                .param("new", "tokens-pass-3").param("confirm", "tokens-pass-3")).andExpect(redirectedUrl("/?passwordChanged"));
        assertThat(api(token)).isEqualTo(401);
        assertThat(tokens.list(holder)).isEmpty();
        assertThat(audited("API_TOKENS_REVOKED", holder)).isEqualTo(1);
    }
}
