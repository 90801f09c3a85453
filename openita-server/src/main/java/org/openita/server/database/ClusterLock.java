package org.openita.server.database;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a task in at most one server process at a time, using a PostgreSQL advisory lock held for the
 * task's transaction. A process that finds the lock taken skips the run instead of waiting: scheduled jobs
 * run once however many processes share the database.
 */
@Service
public class ClusterLock {

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    ClusterLock(JdbcClient jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    /** @return true when this process ran the task, false when another one holds the lock */
    public boolean runExclusively(String name, Runnable task) {
        Boolean ran = tx.execute(status -> {
            boolean locked = Boolean.TRUE.equals(jdbc.sql("select pg_try_advisory_xact_lock(hashtext(?))").param("openita:" + name)
                    .query(Boolean.class).single());
            if (locked) {
                task.run();
            }
            return locked;
        });
        return Boolean.TRUE.equals(ran);
    }
}
