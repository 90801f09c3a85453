package org.openita.server.database.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.openita.server.database.DataDirectoryInUseException;
import org.openita.server.support.ServerTestSupport;

/**
 * A killed OpenITA process leaves its PostgreSQL running on the data directory. The next start finds
 * it, stops it, and starts cleanly with the data intact; a server still owned by a live OpenITA is
 * never touched.
 */
class CrashRecoveryIT {

    @Test
    void aServerLeftByAKilledRunIsStoppedAndTheDataSurvives() throws Exception {
        Path dir = ServerTestSupport.freshDirectory("openita-crash-").resolve("pgdata");
        Process child = startHolder(dir);
        long serverPid = Long.parseLong(Files.readAllLines(dir.resolve("postmaster.pid")).get(0).trim());
        child.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // SIGKILL: no shutdown hook runs
        assertThat(ProcessHandle.of(serverPid)).get().satisfies(p -> assertThat(p.isAlive()).isTrue());

        try (StaleServerGuard.Lease lease = StaleServerGuard.acquire(dir, Duration.ofSeconds(30))) {
            assertThat(lease.outcome()).isEqualTo(StaleServerGuard.Outcome.ORPHAN_STOPPED);
        }
        assertThat(ProcessHandle.of(serverPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();

        try (EmbeddedDatabase db = EmbeddedDatabaseLauncher.start(dir, Duration.ofSeconds(60), Duration.ofSeconds(30));
             var c = DriverManager.getConnection(db.applicationJdbcUrl(), db.applicationUser(), db.applicationPassword());
             var st = c.createStatement(); var rs = st.executeQuery("select note from survivor")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("written before the crash");
        }
    }

    @Test
    void aLockFileWithoutARunningServerIsRemoved() throws Exception {
        Path dir = ServerTestSupport.freshDirectory("openita-stale-");
        Files.writeString(dir.resolve("postmaster.pid"), "999999999\n" + dir + "\n");
        try (StaleServerGuard.Lease lease = StaleServerGuard.acquire(dir, Duration.ofSeconds(5))) {
            assertThat(lease.outcome()).isEqualTo(StaleServerGuard.Outcome.STALE_FILE_REMOVED);
        }
        assertThat(dir.resolve("postmaster.pid")).doesNotExist();
    }

    @Test
    void aServerOwnedByALiveOpenItaIsRefusedNotKilled() throws Exception {
        Path dir = ServerTestSupport.freshDirectory("openita-busy-").resolve("pgdata");
        Process owner = startHolder(dir);
        try {
            long serverPid = Long.parseLong(Files.readAllLines(dir.resolve("postmaster.pid")).get(0).trim());
            assertThatThrownBy(() -> StaleServerGuard.acquire(dir, Duration.ofSeconds(5)))
                    .isInstanceOf(DataDirectoryInUseException.class)
                    .hasMessageContaining("already using the database in " + dir);
            assertThat(ProcessHandle.of(serverPid)).get().satisfies(p -> assertThat(p.isAlive()).isTrue());
        } finally {
            owner.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            StaleServerGuard.acquire(dir, Duration.ofSeconds(30)).close(); // stops the server the owner left
        }
    }

    /** Starts {@link PostgresHolder} in a child JVM and waits until its PostgreSQL is up. */
    private static Process startHolder(Path dir) throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), PostgresHolder.class.getName(), dir.toString())
                .redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String line;
        do {
            line = out.readLine();
        } while (line != null && !line.startsWith("READY"));
        assertThat(line).as("child started PostgreSQL").isNotNull();
        return child;
    }
}
