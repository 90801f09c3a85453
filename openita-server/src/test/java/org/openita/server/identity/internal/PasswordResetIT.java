package org.openita.server.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openita.server.database.ClusterLock;
import org.openita.server.identity.Role;
import org.openita.server.identity.SignInIT;
import org.openita.server.identity.UserAccounts;
import org.openita.server.support.ServerTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Password reset by mailed link: one use, built from the configured address, voiding the person's other links,
 * ending their sessions, and limited per network address and per account without telling which accounts exist.
 */
class PasswordResetIT extends ServerTestSupport {

    @Autowired
    ClusterLock lock;

    @Test
    void aOneTimeLinkFromTheOutboxSetsANewPasswordOnce() throws Exception {
        accounts.create("test", "forgetful", "ขี้ลืม", Role.AGENCY_STAFF, "old-password-1", false);
        accounts.setEmail("test", "forgetful", "forgetful@example.go.th");
        // an address of its own: other tests' requests from the default address count towards its limit
        String page = mvc.perform(post("/account/reset").param("username", "forgetful").with(csrf()).with(SignInIT.from("203.0.113.80")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String unknown = mvc.perform(post("/account/reset").param("username", "nobody-at-all").with(csrf()).with(SignInIT.from("203.0.113.80")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("data-testid=\"reset-sent\"");
        assertThat(unknown).contains("data-testid=\"reset-sent\""); // the same answer: no hint whether the account exists

        String body = jdbc.sql("select body from outbox_message where recipient = 'forgetful@example.go.th' order by id desc limit 1")
                .query(String.class).single();
        Matcher link = Pattern.compile("/account/reset/([A-Za-z0-9_-]{43})").matcher(body);
        assertThat(link.find()).isTrue();
        String token = link.group(1);
        assertThat(jdbc.sql("select count(*) from password_reset where token_hash = ?").param(token).query(Long.class).single())
                .as("the token itself is never stored").isZero();

        mvc.perform(post("/account/reset/" + token).param("new", "brand-new-pass-1").param("confirm", "brand-new-pass-1").with(csrf()))
                .andExpect(redirectedUrl("/login?reset"));
        mvc.perform(formLogin("/login").user("forgetful").password("brand-new-pass-1")).andExpect(redirectedUrl("/agency"));
        String again = mvc.perform(get("/account/reset/" + token)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(again).contains("data-testid=\"reset-invalid\"");
    }

    private void person(String username) {
        accounts.create("test", username, username, Role.AGENCY_STAFF, "old-password-1", false);
        accounts.setEmail("test", username, username + "@example.go.th");
    }

    /** Asks for a link from a network address and returns the page, with its per-request CSRF token blanked. */
    private String ask(String username, String address) throws Exception {
        String page = mvc.perform(post("/account/reset").param("username", username).with(csrf()).with(SignInIT.from(address)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("data-testid=\"reset-sent\"");
        return page.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "name=\"_csrf\"");
    }

    private long mails(String username) {
        return jdbc.sql("select count(*) from outbox_message where recipient = ?").param(username + "@example.go.th").query(Long.class).single();
    }

    private String lastMail(String username) {
        return jdbc.sql("select body from outbox_message where recipient = ? order by id desc limit 1")
                .param(username + "@example.go.th").query(String.class).single();
    }

    private String lastToken(String username) {
        Matcher link = Pattern.compile("/account/reset/([A-Za-z0-9_-]{43})").matcher(lastMail(username));
        assertThat(link.find()).isTrue();
        return link.group(1);
    }

    private void use(String token, String newPassword) throws Exception {
        mvc.perform(post("/account/reset/" + token).param("new", newPassword).param("confirm", newPassword).with(csrf()))
                .andExpect(redirectedUrl("/login?reset"));
    }

    private void assertDead(String token) throws Exception {
        assertThat(mvc.perform(get("/account/reset/" + token)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("data-testid=\"reset-invalid\"");
        String answer = mvc.perform(post("/account/reset/" + token).param("new", "sneaky-password-1").param("confirm", "sneaky-password-1")
                .with(csrf())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(answer).contains("data-testid=\"reset-invalid\"");
    }

    private long throttledAudits(String username, String limit) {
        return jdbc.sql("select count(*) from audit_event where action = 'PASSWORD_RESET_THROTTLED' and subject = ? and after_data ->> 'limit' = ?")
                .params("user:" + username, limit).query(Long.class).single();
    }

    @Test
    void theLinkInTheMailIsBuiltFromTheConfiguredAddressNotFromTheHostHeader() throws Exception {
        person("far-away");
        mvc.perform(post("/account/reset").param("username", "far-away").header("Host", "evil.example").with(csrf())
                .with(SignInIT.from("203.0.113.90"))).andExpect(status().isOk());
        String body = lastMail("far-away");
        assertThat(body).contains(ServerTestSupport.publicBaseUrl() + "/account/reset/" + lastToken("far-away")).doesNotContain("evil.example");
    }

    @Test
    void usingANewerLinkVoidsTheOlderOne() throws Exception {
        person("two-links-a");
        ask("two-links-a", "203.0.113.91");
        String older = lastToken("two-links-a");
        ask("two-links-a", "203.0.113.91");
        String newer = lastToken("two-links-a");
        use(newer, "newer-password-1");
        assertDead(older);
        assertThat(accounts.passwordMatches("two-links-a", "newer-password-1")).isTrue();
    }

    @Test
    void usingAnOlderLinkVoidsTheNewerOne() throws Exception {
        person("two-links-b");
        ask("two-links-b", "203.0.113.92");
        String older = lastToken("two-links-b");
        ask("two-links-b", "203.0.113.92");
        String newer = lastToken("two-links-b");
        use(older, "older-password-1");
        assertDead(newer);
        assertThat(accounts.passwordMatches("two-links-b", "older-password-1")).isTrue();
    }

    @Test
    void aResetEndsEverySessionOfThePerson() throws Exception {
        person("signed-in-twice");
        Cookie office = mvc.perform(formLogin("/login").user("signed-in-twice").password("old-password-1"))
                .andExpect(redirectedUrl("/agency")).andReturn().getResponse().getCookie("SESSION");
        Cookie home = mvc.perform(formLogin("/login").user("signed-in-twice").password("old-password-1"))
                .andExpect(redirectedUrl("/agency")).andReturn().getResponse().getCookie("SESSION");
        mvc.perform(get("/account/tokens").cookie(office)).andExpect(status().isOk());
        ask("signed-in-twice", "203.0.113.93");
        use(lastToken("signed-in-twice"), "after-reset-pass-1");
        for (Cookie session : new Cookie[] {office, home}) {
            mvc.perform(get("/account/tokens").cookie(session)).andExpect(status().is3xxRedirection())
                    .andExpect(result -> assertThat(result.getResponse().getRedirectedUrl()).endsWith("/login"));
        }
        assertThat(jdbc.sql("select count(*) from spring_session where principal_name = 'signed-in-twice'").query(Long.class).single()).isZero();
    }

    @Test
    void resetRequestsFromOneAddressAreLimitedWithTheSameAnswer() throws Exception {
        person("behind-busy-address");
        String address = "198.51.100.20";
        String first = ask("someone-0", address);
        for (int i = 1; i < ResetRequestThrottle.MAX_PER_ADDRESS; i++) {
            ask("someone-" + i, address);
        }
        String throttled = ask("behind-busy-address", address);
        assertThat(throttled).isEqualTo(first);
        assertThat(mails("behind-busy-address")).isZero();
        assertThat(throttledAudits("behind-busy-address", "address")).isEqualTo(1);
        ask("behind-busy-address", "198.51.100.21"); // another address is not held back
        assertThat(mails("behind-busy-address")).isEqualTo(1);
    }

    @Test
    void resetRequestsForOneAccountAreLimitedWithTheSameAnswerAsForAnUnknownOne() throws Exception {
        person("asks-often");
        for (int i = 0; i < ResetRequestThrottle.MAX_PER_ACCOUNT; i++) {
            ask("asks-often", "198.51.100.3" + i);
        }
        assertThat(mails("asks-often")).isEqualTo(ResetRequestThrottle.MAX_PER_ACCOUNT);
        String throttled = ask("Asks-Often", "198.51.100.39");
        String unknown = ask("nobody-of-that-name", "198.51.100.40");
        assertThat(throttled).isEqualTo(unknown);
        assertThat(mails("asks-often")).isEqualTo(ResetRequestThrottle.MAX_PER_ACCOUNT);
        assertThat(throttledAudits("Asks-Often", "account")).isEqualTo(1);
    }

    @Test
    void aScheduledJobRunsInOneProcessAtATime() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Boolean> first = CompletableFuture.supplyAsync(() -> lock.runExclusively("test-job", () -> {
            runs.incrementAndGet();
            inside.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
        boolean second = lock.runExclusively("test-job", runs::incrementAndGet);
        release.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(second).isFalse();
        assertThat(runs.get()).isEqualTo(1);
        assertThat(lock.runExclusively("test-job", runs::incrementAndGet)).isTrue(); // free again afterwards
    }
}
