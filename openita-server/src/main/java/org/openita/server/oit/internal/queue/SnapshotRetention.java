package org.openita.server.oit.internal.queue;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.openita.core.framework.FiscalYear;
import org.openita.server.audit.AuditTrail;
import org.openita.server.cycle.CycleService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes the snapshots of fiscal years older than those kept ({@code openita.oit.snapshot-years}, counting the current
 * one); the link checks stay, without their bytes. Once a day, by one process of several; audited with the count.
 */
class SnapshotRetention {

    static final String TASK = "snapshot-retention";

    private final JdbcClient jdbc;
    private final TaskGuard guard;
    private final AuditTrail audit;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final SnapshotProperties settings;

    SnapshotRetention(JdbcClient jdbc, TaskGuard guard, AuditTrail audit, TransactionTemplate tx, Clock clock,
                      SnapshotProperties settings) {
        this.jdbc = jdbc;
        this.guard = guard;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
        this.settings = settings;
    }

    /** The first fiscal year whose snapshots are kept today. */
    FiscalYear keptFrom() {
        return FiscalYear.of(FiscalYear.containing(CycleService.today(clock)).buddhistEra() - (settings.snapshotYears() - 1));
    }

    /** Deletes the older years' snapshots unless another process did today: the count deleted, or empty when not due. */
    Optional<Integer> runIfDue() {
        return tx.execute(status -> guard.claim(TASK, Duration.ofHours(20), clock.instant())
                ? Optional.of(deleteOld()) : Optional.<Integer>empty());
    }

    /** Deletes the snapshots of the years before {@link #keptFrom()}, in the caller's transaction, and audits the count. */
    int deleteOld() {
        int kept = keptFrom().buddhistEra();
        int deleted = jdbc.sql("delete from oit_snapshot where fiscal_year < ?").param(kept).update();
        audit.record("system", "OIT_SNAPSHOTS_DELETED", "oit:snapshots", null, Map.of("beforeYear", kept, "deleted", deleted));
        return deleted;
    }
}
