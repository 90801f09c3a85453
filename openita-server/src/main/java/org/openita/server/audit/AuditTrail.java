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
    private final org.springframework.jdbc.core.JdbcTemplate batch;

    AuditTrail(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** An audit trail written outside the server (a command of the command line), in the caller's transactions. */
    public static AuditTrail on(javax.sql.DataSource dataSource) {
        return new AuditTrail(JdbcClient.create(dataSource), new org.springframework.jdbc.core.JdbcTemplate(dataSource));
    }

    /** The newest events first, filtered by any of actor, action and subject (parts of them, case-insensitive). */
    public java.util.List<AuditEvent> search(String actor, String action, String subject, int limit) {
        return jdbc.sql("select id, occurred_at, actor, action, subject, cast(before_data as text) as before_data,"
                        + " cast(after_data as text) as after_data from audit_event"
                        + " where actor ilike ? and action ilike ? and subject ilike ? order by id desc limit ?")
                .params(like(actor), like(action), like(subject), limit).query(AuditEvent.class).list();
    }

    private static String like(String s) {
        return s == null || s.isBlank() ? "%" : "%" + s.trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
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

    /** One event of a batch: what it was done to, and the state before and after (either may be null). */
    public record Entry(String subject, Map<String, ?> before, Map<String, ?> after) {
    }

    /** Records many events of one action at once (a large import), in the caller's transaction. */
    public void recordAll(String actor, String action, java.util.List<Entry> entries) {
        batch.batchUpdate("insert into audit_event (actor, action, subject, before_data, after_data) values (?, ?, ?, cast(? as jsonb), cast(? as jsonb))",
                entries.stream().map(e -> new Object[] {actor, action, e.subject(),
                        e.before() == null ? null : JSON.writeValueAsString(e.before()),
                        e.after() == null ? null : JSON.writeValueAsString(e.after())}).toList());
    }
}
