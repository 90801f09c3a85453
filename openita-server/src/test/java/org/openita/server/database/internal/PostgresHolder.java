package org.openita.server.database.internal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;

/**
 * Run in a child JVM by {@link CrashRecoveryIT}: starts the embedded database on the data directory as OpenITA
 * does (lease, passwords, application role), writes a row as the application, says READY, and waits to be
 * killed, leaving the server behind as a killed OpenITA process would.
 */
public final class PostgresHolder {

    /** Kept reachable: an unreachable lease would be closed by the garbage collector, dropping the lock. */
    private static EmbeddedDatabase db;

    private PostgresHolder() {
    }

    public static void main(String[] args) throws Exception {
        db = EmbeddedDatabaseLauncher.start(Path.of(args[0]), Duration.ofSeconds(60), Duration.ofSeconds(30));
        try (Connection c = DriverManager.getConnection(db.applicationJdbcUrl(), db.applicationUser(), db.applicationPassword());
             Statement st = c.createStatement()) {
            st.execute("create table if not exists survivor (note text)");
            st.execute("insert into survivor values ('written before the crash')");
        }
        System.out.println("READY " + db.port());
        System.out.flush();
        Thread.sleep(600_000);
    }
}
