package org.openita.server.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openita.server.support.ServerTestSupport;
import org.openita.server.testing.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;

class AuditTrailIT extends ServerTestSupport {

    @Autowired
    AuditTrail audit;

    @Test
    void administratorsBrowseAndFilterTheTrail() throws Exception {
        // this test's own rows: a person (USER_CREATED about them) and an event, both about subjects no other test has
        String person = fixtures.person(org.openita.server.identity.Role.VIEWER).create().username();
        String thing = "thing:" + Fixtures.unique("AT");
        audit.record("tester", "TEST_EVENT", thing, Map.of("state", "ก่อน"), Map.of("state", "หลัง"));
        String page = mvc.perform(get("/audit").param("action", "test_event").param("subject", thing).with(user("central").roles("CENTRAL_ADMIN")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("TEST_EVENT", thing, "ก่อน", "หลัง").doesNotContain("USER_CREATED");
        String bySubject = mvc.perform(get("/audit").param("subject", "user:" + person).with(user("central").roles("CENTRAL_ADMIN")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(bySubject).contains("USER_CREATED", "user:" + person).doesNotContain(thing);
        // unfiltered, newest first: this test's event is on the first page whatever other tests wrote before
        String all = mvc.perform(get("/audit").with(user("central").roles("CENTRAL_ADMIN")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(all).contains(thing);
    }

    @Test
    void nobodyElseSeesItAndNothingChangesIt() throws Exception {
        mvc.perform(get("/audit").with(user("clerk").roles("AGENCY_ADMIN"))).andExpect(status().isForbidden());
        mvc.perform(post("/audit").with(user("central").roles("CENTRAL_ADMIN")).with(csrf())).andExpect(status().isForbidden());
        assertThatThrownBy(() -> jdbc.sql("update audit_event set actor = 'someone else'").update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_event").update()).hasMessageContaining("append-only");
    }
}
