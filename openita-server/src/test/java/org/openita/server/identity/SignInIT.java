package org.openita.server.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.openita.server.support.ServerTestSupport;
import jakarta.servlet.http.Cookie;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Sign-in against the real database: first administrator, lockout (also from the password form), one answer for
 * every failure, one-time passwords, CSRF, shared sessions and their end on a password change.
 */
public class SignInIT extends ServerTestSupport {


    private void user(String name, String password, boolean mustChange) {
        if (accounts.find(name).isEmpty()) {
            accounts.create("test", name, name, Role.AGENCY_ADMIN, password, mustChange);
        }
    }

    @Test
    void theFirstStartCreatedOneAdministratorWhoMustChooseANewPassword() {
        UserAccounts.Account admin = accounts.find("admin").orElseThrow();
        assertThat(admin.role()).isEqualTo(Role.CENTRAL_ADMIN);
        assertThat(admin.mustChangePassword()).isTrue();
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'USER_CREATED' and subject = 'user:admin'")
                .query(Long.class).single()).isEqualTo(1);
        String hash = jdbc.sql("select password_hash from app_user where username = 'admin'").query(String.class).single();
        assertThat(hash).startsWith("{bcrypt}");
    }

    @Test
    void rightAndWrongPasswords() throws Exception {
        user("clerk1", "correct-horse-1", false);
        mvc.perform(formLogin("/login").user("clerk1").password("correct-horse-1")).andExpect(redirectedUrl("/agency"));
        mvc.perform(formLogin("/login").user("clerk1").password("wrong")).andExpect(redirectedUrl("/login?error"));
        mvc.perform(formLogin("/login").user("nobody").password("wrong")).andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void fiveWrongPasswordsLockTheAccountEvenAgainstTheRightPasswordUntilTheLockEnds() throws Exception {
        user("clerk2", "correct-horse-2", false);
        for (int i = 0; i < 5; i++) {
            mvc.perform(formLogin("/login").user("clerk2").password("wrong-" + i)).andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(formLogin("/login").user("clerk2").password("correct-horse-2")).andExpect(redirectedUrl("/login?error"));
        assertThat(accounts.find("clerk2").orElseThrow().lockedAt(java.time.OffsetDateTime.now())).isTrue();
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'USER_LOCKED' and subject = 'user:clerk2'")
                .query(Long.class).single()).isEqualTo(1);
        jdbc.sql("update app_user set locked_until = now() - interval '1 second' where username = 'clerk2'").update(); // the lock ends
        mvc.perform(formLogin("/login").user("clerk2").password("correct-horse-2")).andExpect(redirectedUrl("/agency"));
    }

    @Test
    void aLockedAccountAnUnknownNameAndAWrongPasswordGetTheSameAnswer() throws Exception {
        user("clerk7", "correct-horse-7", false);
        user("clerk8", "correct-horse-8", false);
        for (int i = 0; i < 5; i++) {
            signInAttempt("clerk7", "wrong-" + i, "192.0.2.70");
        }
        assertThat(accounts.find("clerk7").orElseThrow().lockedAt(java.time.OffsetDateTime.now())).isTrue();

        Answer wrongPassword = answer(signInAttempt("clerk8", "wrong-password", "192.0.2.71"));
        Answer unknownName = answer(signInAttempt("nobody-by-this-name", "wrong-password", "192.0.2.72"));
        Answer lockedRightPassword = answer(signInAttempt("clerk7", "correct-horse-7", "192.0.2.73"));
        Answer lockedWrongPassword = answer(signInAttempt("clerk7", "wrong-again", "192.0.2.74"));
        assertThat(wrongPassword.status()).isEqualTo(302);
        assertThat(wrongPassword.page()).contains("data-testid=\"login-error\"");
        assertThat(List.of(unknownName, lockedRightPassword, lockedWrongPassword)).allSatisfy(a -> assertThat(a).isEqualTo(wrongPassword));
        // the lockout itself holds: the right password did not sign in
        assertThat(lockedRightPassword.location()).isNotEqualTo("/agency");
    }

    /** What a visitor sees of a sign-in attempt: status, headers, and the page the answer leads to. */
    record Answer(int status, String location, Map<String, List<String>> headers, String page) {
    }

    private Answer answer(MvcResult result) throws Exception {
        MockHttpServletResponse r = result.getResponse();
        Map<String, List<String>> headers = new TreeMap<>();
        r.getHeaderNames().forEach(h -> headers.put(h, r.getHeaders(h)));
        String page = mvc.perform(get(r.getRedirectedUrl())).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8)
                .replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "name=\"_csrf\"");
        return new Answer(r.getStatus(), r.getRedirectedUrl(), headers, page);
    }

    private MvcResult signInAttempt(String username, String password, String address) throws Exception {
        return mvc.perform(post("/login").param("username", username).param("password", password).with(csrf()).with(from(address))).andReturn();
    }

    public static RequestPostProcessor from(String address) {
        return r -> {
            r.setRemoteAddr(address);
            return r;
        };
    }

    private Cookie signIn(String username, String password, String address) throws Exception {
        Cookie session = signInAttempt(username, password, address).getResponse().getCookie("SESSION");
        assertThat(session).as("signed in").isNotNull();
        return session;
    }

    private boolean signedIn(Cookie session) throws Exception {
        int status = mvc.perform(get("/account/tokens").cookie(session)).andReturn().getResponse().getStatus();
        return status == 200;
    }

    @Test
    void aPasswordChangeEndsThePersonsOtherSessionsButNotThisOne() throws Exception {
        user("clerk5", "correct-horse-5", false);
        Cookie laptop = signIn("clerk5", "correct-horse-5", "192.0.2.50");
        Cookie phone = signIn("clerk5", "correct-horse-5", "192.0.2.51");
        assertThat(signedIn(laptop)).isTrue();
        assertThat(signedIn(phone)).isTrue();
        mvc.perform(post("/account/password").cookie(laptop).with(csrf()).param("current", "correct-horse-5")
                .param("new", "an-even-better-horse-5").param("confirm", "an-even-better-horse-5"))
                .andExpect(redirectedUrl("/?passwordChanged"));
        assertThat(signedIn(laptop)).as("the session that changed the password").isTrue();
        // the page the change leads to says so
        String home = mvc.perform(get("/").param("passwordChanged", "").cookie(laptop)).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(home).contains("data-testid=\"password-changed\"", "เปลี่ยนรหัสผ่านเรียบร้อยแล้ว");
        assertThat(mvc.perform(get("/").cookie(laptop)).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .doesNotContain("data-testid=\"password-changed\"");
        assertThat(signedIn(phone)).as("another session").isFalse();
        assertThat(jdbc.sql("select count(*) from spring_session where principal_name = 'clerk5'").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void wrongCurrentPasswordsOnTheChangeFormCountTowardsTheLockout() throws Exception {
        user("clerk6", "correct-horse-6", false);
        Cookie session = signIn("clerk6", "correct-horse-6", "192.0.2.60");
        for (int i = 0; i < 4; i++) {
            mvc.perform(post("/account/password").cookie(session).with(csrf()).param("current", "guess-" + i)
                    .param("new", "a-new-password-6").param("confirm", "a-new-password-6"))
                    .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("รหัสผ่านปัจจุบันไม่ถูกต้อง")));
        }
        assertThat(accounts.find("clerk6").orElseThrow().failedAttempts()).isEqualTo(4);
        // the fifth locks the account, as at sign-in, and ends this session
        mvc.perform(post("/account/password").cookie(session).with(csrf()).param("current", "guess-4")
                .param("new", "a-new-password-6").param("confirm", "a-new-password-6")).andExpect(redirectedUrl("/login?locked"));
        assertThat(accounts.find("clerk6").orElseThrow().lockedAt(java.time.OffsetDateTime.now())).isTrue();
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'USER_LOCKED' and subject = 'user:clerk6'")
                .query(Long.class).single()).isEqualTo(1);
        assertThat(signedIn(session)).isFalse();
        assertThat(signInAttempt("clerk6", "correct-horse-6", "192.0.2.61").getResponse().getRedirectedUrl()).isEqualTo("/login?error");
        assertThat(accounts.passwordMatches("clerk6", "correct-horse-6")).isTrue();
    }

    @Test
    void aLockedAccountCannotChangeItsPasswordEvenWithTheRightOne() throws Exception {
        user("clerk9", "correct-horse-9", false);
        Cookie session = signIn("clerk9", "correct-horse-9", "192.0.2.90");
        for (int i = 0; i < 5; i++) {
            signInAttempt("clerk9", "wrong-" + i, "192.0.2.91"); // someone else guesses
        }
        mvc.perform(post("/account/password").cookie(session).with(csrf()).param("current", "correct-horse-9")
                .param("new", "a-new-password-9").param("confirm", "a-new-password-9"))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("ยังเปลี่ยนรหัสผ่านไม่ได้")));
        assertThat(accounts.passwordMatches("clerk9", "correct-horse-9")).isTrue();
        assertThat(signedIn(session)).as("locked by others' guesses, this session goes on").isTrue();
    }

    @Test
    void manyWrongPasswordsFromOneAddressAreThrottledWhateverTheAccount() throws Exception {
        user("clerk4", "correct-horse-4", false);
        for (int i = 0; i < SignInThrottle.MAX_FAILURES_PER_ADDRESS; i++) {
            mvc.perform(post("/login").param("username", "guess-" + i).param("password", "wrong").with(csrf()).with(r -> {
                r.setRemoteAddr("203.0.113.7");
                return r;
            }));
        }
        mvc.perform(post("/login").param("username", "clerk4").param("password", "correct-horse-4").with(csrf()).with(r -> {
            r.setRemoteAddr("203.0.113.7");
            return r;
        })).andExpect(redirectedUrl("/login?throttled"));
        mvc.perform(post("/login").param("username", "clerk4").param("password", "correct-horse-4").with(csrf()).with(r -> {
            r.setRemoteAddr("203.0.113.8");
            return r;
        })).andExpect(redirectedUrl("/agency"));
        mvc.perform(get("/login").param("throttled", "")).andExpect(content().string(org.hamcrest.Matchers.containsString("รอ 15 นาที")));
    }

    @Test
    void aOneTimePasswordMustBeReplacedBeforeAnythingElse() throws Exception {
        user("clerk3", "one-time-pass-3", true);
        // Sessions live in PostgreSQL (Spring Session JDBC): the browser holds only the SESSION cookie.
        Cookie session = mvc.perform(formLogin("/login").user("clerk3").password("one-time-pass-3"))
                .andExpect(redirectedUrl("/account/password")).andReturn().getResponse().getCookie("SESSION");
        assertThat(session).isNotNull();
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(jdbc.sql("select count(*) from spring_session where principal_name = 'clerk3'").query(Long.class).single()).isEqualTo(1);
        mvc.perform(get("/").cookie(session)).andExpect(redirectedUrl("/account/password"));
        mvc.perform(post("/account/password").cookie(session).param("current", "one-time-pass-3").param("new", "short")
                .param("confirm", "short")).andExpect(status().isForbidden()); // no CSRF token
        mvc.perform(post("/account/password").cookie(session).with(csrf()).param("current", "one-time-pass-3")
                .param("new", "short").param("confirm", "short"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("อย่างน้อย 10 ตัวอักษร")));
        mvc.perform(post("/account/password").cookie(session).with(csrf()).param("current", "one-time-pass-3")
                .param("new", "a-much-better-one").param("confirm", "a-much-better-one"))
                .andExpect(redirectedUrl("/?passwordChanged"));
        mvc.perform(get("/").cookie(session)).andExpect(status().isOk());
        assertThat(accounts.find("clerk3").orElseThrow().mustChangePassword()).isFalse();
        mvc.perform(formLogin("/login").user("clerk3").password("a-much-better-one")).andExpect(redirectedUrl("/agency"));
    }

    @Test
    void pagesForSignedInPeopleSendVisitorsToSignIn() throws Exception {
        mvc.perform(get("/account/password")).andExpect(status().is3xxRedirection())
                .andExpect(result -> assertThat(result.getResponse().getRedirectedUrl()).endsWith("/login"));
    }
}
