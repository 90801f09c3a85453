package org.openita.server.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;

/**
 * Run in a child JVM by {@link CrashRecoveryIT}: takes the data directory as OpenITA does, starts PostgreSQL
 * on it, says READY, and waits to be killed, leaving the server behind as a killed OpenITA process would.
 */
public final class PostgresHolder {

    /** Kept reachable: an unreachable channel would be closed by the garbage collector, dropping the lock. */
    private static StaleServerGuard.Lease lease;

    private PostgresHolder() {
    }

    public static void main(String[] args) throws Exception {
        lease = StaleServerGuard.acquire(Path.of(args[0]), java.time.Duration.ofSeconds(30)); // held until the process dies
        EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(Path.of(args[0])).setCleanDataDirectory(false)
                .setRegisterShutdownHook(false).start();
        try (var c = pg.getPostgresDatabase().getConnection(); var st = c.createStatement()) {
            st.execute("create table if not exists survivor (note text)");
            st.execute("insert into survivor values ('written before the crash')");
        }
        System.out.println("READY " + pg.getPort());
        System.out.flush();
        Thread.sleep(600_000);
    }
}
