package org.openita.server.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openita.server.testing.EmbeddedDatabaseSlice;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The audit trail's SQL on a real PostgreSQL migrated by Flyway, without the web: what is written comes back,
 * searching matches parts of names without treating % and _ as wildcards, and the table refuses changes.
 * Every test's rows are rolled back at its end.
 */
@EmbeddedDatabaseSlice
@Import(AuditTrail.class)
class AuditTrailJdbcTest {

    @Autowired
    AuditTrail audit;
    @Autowired
    JdbcClient jdbc;

    @Test
    void anEventComesBackWithItsStatesNewestFirst() {
        audit.record("somchai", "SLICE_TESTED", "agency:SL-1", Map.of("staffCount", "40"), Map.of("staffCount", 42));
        audit.record("somchai", "SLICE_TESTED", "agency:SL-1", null, Map.of("name", "อบต.สมเด็จ"));
        List<AuditEvent> found = audit.search("SOMCHAI", "slice_tested", "sl-1", 10);
        assertThat(found).hasSize(2);
        assertThat(found.get(0).id()).isGreaterThan(found.get(1).id());
        assertThat(found.get(0).beforeData()).isNull();
        assertThat(found.get(0).afterData()).contains("อบต.สมเด็จ");
        assertThat(found.get(1).beforeData()).contains("\"staffCount\"", "\"40\"");
        assertThat(found.get(1).occurredAt()).isNotNull();
        assertThat(audit.search("somchai", "slice_tested", "sl-1", 1)).extracting(AuditEvent::id).containsExactly(found.get(0).id());
    }

    @Test
    void searchTextIsTakenLiterallyNotAsAPattern() {
        audit.recordAll("import", "SLICE_BATCH", List.of(new AuditTrail.Entry("user:a_b", null, null),
                new AuditTrail.Entry("user:axb", null, null), new AuditTrail.Entry("user:100%", null, null),
                new AuditTrail.Entry("user:1000", null, null)));
        assertThat(audit.search(null, "SLICE_BATCH", null, 10)).hasSize(4);
        assertThat(audit.search(null, "SLICE_BATCH", "a_b", 10)).extracting(AuditEvent::subject).containsExactly("user:a_b");
        assertThat(audit.search(null, "SLICE_BATCH", "100%", 10)).extracting(AuditEvent::subject).containsExactly("user:100%");
        assertThat(audit.search(null, "SLICE_BATCH", "  ", 10)).hasSize(4);
    }

    @Test
    void theTableIsAppendOnly() {
        audit.record("somchai", "SLICE_KEPT", "thing:1", null, null);
        assertThatThrownBy(() -> jdbc.sql("update audit_event set actor = 'someone else' where action = 'SLICE_KEPT'").update())
                .hasMessageContaining("append-only");
    }

    @Test
    void norCanRowsBeDeleted() {
        audit.record("somchai", "SLICE_KEPT", "thing:2", null, null);
        assertThatThrownBy(() -> jdbc.sql("delete from audit_event where action = 'SLICE_KEPT'").update())
                .hasMessageContaining("append-only");
    }
}
