package org.openita.server.oit.internal.queue;

import java.time.Clock;
import org.openita.server.audit.AuditTrail;
import org.openita.server.cycle.CycleService;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The queue's moving parts: this process's fetch workers and the scheduled re-check (both off with
 * {@code openita.oit.queue.enabled=false}), and the nightly snapshot retention.
 */
@Configuration(proxyBeanMethods = false)
class QueueConfiguration {

    static final String RECHECK_TASK = "recheck";

    @Bean
    @ConditionalOnProperty(name = "openita.oit.queue.enabled", havingValue = "true", matchIfMissing = true)
    QueueWorker queueWorker(FetchJobs jobs, JobRunner runner, QueueProperties settings) {
        return new QueueWorker(jobs, runner, settings, QueueWorker.newProcessId());
    }

    @Bean
    Rechecks rechecks(JdbcClient jdbc, FetchJobs jobs, CycleService cycles, TaskGuard guard, AuditTrail audit, TransactionTemplate tx,
                      Clock clock, QueueProperties settings) {
        return new Rechecks(jdbc, jobs, cycles, guard, audit, tx, clock, settings, RECHECK_TASK);
    }

    @Bean
    SnapshotRetention snapshotRetention(JdbcClient jdbc, TaskGuard guard, AuditTrail audit, TransactionTemplate tx, Clock clock,
                                        SnapshotProperties settings) {
        return new SnapshotRetention(jdbc, guard, audit, tx, clock, settings);
    }

    @Bean
    @ConditionalOnProperty(name = "openita.oit.queue.enabled", havingValue = "true", matchIfMissing = true)
    ScheduledRechecks scheduledRechecks(Rechecks rechecks) {
        return new ScheduledRechecks(rechecks);
    }

    @Bean
    ScheduledRetention scheduledRetention(SnapshotRetention retention) {
        return new ScheduledRetention(retention);
    }

    /** Looks every tick whether the re-check is due (the guard decides; one process of several queues). */
    static final class ScheduledRechecks {
        private final Rechecks rechecks;

        ScheduledRechecks(Rechecks rechecks) {
            this.rechecks = rechecks;
        }

        @Scheduled(fixedDelayString = "${openita.oit.queue.recheck-tick:PT1H}", initialDelayString = "${openita.oit.queue.recheck-first:PT5M}")
        void recheckIfDue() {
            rechecks.runIfDue();
        }
    }

    /** Once a night, Bangkok time. */
    static final class ScheduledRetention {
        private final SnapshotRetention retention;

        ScheduledRetention(SnapshotRetention retention) {
            this.retention = retention;
        }

        @Scheduled(cron = "${openita.oit.snapshot-retention:0 30 2 * * *}", zone = "Asia/Bangkok")
        void deleteOldSnapshots() {
            retention.runIfDue();
        }
    }
}
