package org.openita.server.audit;

import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/** Appends audit events. There is deliberately no method to change or remove one. */
@Service
public class AuditTrail {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    AuditTrail(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param actor who did it (a username, or "system")
     * @param action a stable code such as USER_CREATED
     * @param subject what it was done to, e.g. "user:admin"
     * @param before the state before, or null; must not hold secrets
     * @param after the state after, or null; must not hold secrets
     */
    public void record(String actor, String action, String subject, Map<String, ?> before, Map<String, ?> after) {
        jdbc.sql("insert into audit_event (actor, action, subject, before_data, after_data) values (?, ?, ?, cast(? as jsonb), cast(? as jsonb))")
                .params(actor, action, subject, before == null ? null : JSON.writeValueAsString(before),
                        after == null ? null : JSON.writeValueAsString(after))
                .update();
    }
}
