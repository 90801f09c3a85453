package org.openita.server.audit;

import java.time.OffsetDateTime;

/** One recorded change. Before and after are JSON texts, or null. */
public record AuditEvent(long id, OffsetDateTime occurredAt, String actor, String action, String subject,
                         String beforeData, String afterData) {
}
