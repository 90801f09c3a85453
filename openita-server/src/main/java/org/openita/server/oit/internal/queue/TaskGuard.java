package org.openita.server.oit.internal.queue;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Lets one process of several run a periodic task: the one whose transaction moves the task's last run forward. The
 * row stays locked until that transaction ends, and a second process's statement then finds the period not yet passed.
 */
@Component
class TaskGuard {

    private final JdbcClient jdbc;

    TaskGuard(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** True when the task is due at {@code now} and this transaction now holds it (call inside a transaction). */
    boolean claim(String task, Duration every, Instant now) {
        return !jdbc.sql("insert into oit_queue_task (name, last_run) values (?, ?) on conflict (name) do update"
                        + " set last_run = excluded.last_run where oit_queue_task.last_run <= excluded.last_run - make_interval(secs => ?)"
                        + " returning name")
                .params(task, Timestamp.from(now), every.toMillis() / 1000.0).query(String.class).list().isEmpty();
    }
}
