package org.openita.server.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openita.server.database.ClusterLock;
import org.openita.server.support.ServerTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

class PasswordResetIT extends ServerTestSupport {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserAccounts accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ClusterLock lock;

    @Test
    void aOneTimeLinkFromTheOutboxSetsANewPasswordOnce() throws Exception {
        accounts.create("test", "forgetful", "ขี้ลืม", Role.AGENCY_STAFF, "old-password-1", false);
        accounts.setEmail("test", "forgetful", "forgetful@example.go.th");
        String page = mvc.perform(post("/account/reset").param("username", "forgetful").with(csrf()))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String unknown = mvc.perform(post("/account/reset").param("username", "nobody-at-all").with(csrf()))
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
