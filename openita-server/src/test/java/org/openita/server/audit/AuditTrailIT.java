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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

class AuditTrailIT extends ServerTestSupport {

    @Autowired
    MockMvc mvc;
    @Autowired
    AuditTrail audit;
    @Autowired
    JdbcClient jdbc;

    @Test
    void administratorsBrowseAndFilterTheTrail() throws Exception {
        audit.record("tester", "TEST_EVENT", "thing:42", Map.of("state", "ก่อน"), Map.of("state", "หลัง"));
        String page = mvc.perform(get("/audit").param("action", "test_event").with(user("central").roles("CENTRAL_ADMIN")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("TEST_EVENT", "thing:42", "ก่อน", "หลัง").doesNotContain("USER_CREATED");
        String all = mvc.perform(get("/audit").with(user("central").roles("CENTRAL_ADMIN")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(all).contains("USER_CREATED", "user:admin");
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
