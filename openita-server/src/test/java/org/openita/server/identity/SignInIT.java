package org.openita.server.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.openita.server.support.ServerTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import jakarta.servlet.http.Cookie;
import org.springframework.test.web.servlet.MockMvc;

/** Sign-in against the real database: first administrator, lockout, one-time passwords, CSRF, shared sessions. */
class SignInIT extends ServerTestSupport {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserAccounts accounts;
    @Autowired
    JdbcClient jdbc;

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
    void fiveWrongPasswordsLockTheAccountWithAClearMessage() throws Exception {
        user("clerk2", "correct-horse-2", false);
        for (int i = 0; i < 5; i++) {
            mvc.perform(formLogin("/login").user("clerk2").password("wrong-" + i)).andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(formLogin("/login").user("clerk2").password("correct-horse-2")).andExpect(redirectedUrl("/login?locked"));
        mvc.perform(get("/login").param("locked", "")).andExpect(content().string(org.hamcrest.Matchers.containsString("ถูกระงับชั่วคราว")));
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'USER_LOCKED' and subject = 'user:clerk2'")
                .query(Long.class).single()).isEqualTo(1);
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
