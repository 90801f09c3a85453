package org.openita.server.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Before the embedded PostgreSQL starts on a data directory, finds a server left running there by an
 * OpenITA process that was killed, and stops it. A server whose parent OpenITA process is still alive
 * is in use: starting a second one on the same files is refused with a clear message.
 */
final class StaleServerGuard {

    private static final Logger log = LoggerFactory.getLogger(StaleServerGuard.class);

    private StaleServerGuard() {
    }

    /** What was found in the data directory's postmaster.pid. */
    enum Outcome { NONE, STALE_FILE_REMOVED, ORPHAN_STOPPED }

    static Outcome prepare(Path dataDirectory, Duration wait) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Outcome.NONE;
        }
        List<String> lines = Files.readAllLines(pidFile);
        long pid;
        try {
            pid = lines.isEmpty() ? -1 : Long.parseLong(lines.get(0).trim());
        } catch (NumberFormatException e) {
            pid = -1;
        }
        Optional<ProcessHandle> process = pid > 0 ? ProcessHandle.of(pid) : Optional.empty();
        if (process.isEmpty() || !process.get().isAlive() || !isPostgres(process.get())) {
            log.warn("Removing stale lock file {} (PID {} is not a running PostgreSQL server)", pidFile, pid);
            Files.deleteIfExists(pidFile);
            return Outcome.STALE_FILE_REMOVED;
        }
        ProcessHandle server = process.get();
        Optional<ProcessHandle> parent = server.parent().filter(ProcessHandle::isAlive);
        if (parent.isPresent() && isJava(parent.get())) {
            throw new IllegalStateException("Another OpenITA server (PID " + parent.get().pid() + ") is already using the database in "
                    + dataDirectory + ". Stop it first, or set openita.embedded-db.data-directory to another folder. / "
                    + "มีเซิร์ฟเวอร์ OpenITA อีกตัว (PID " + parent.get().pid() + ") ใช้ฐานข้อมูลในโฟลเดอร์นี้อยู่ กรุณาหยุดก่อน");
        }
        log.warn("Found PostgreSQL (PID {}) left running on {} by an earlier run that did not shut down; stopping it", pid, dataDirectory);
        server.destroy();
        try {
            server.onExit().get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            log.warn("PostgreSQL (PID {}) did not stop within {}; killing it (the database recovers from its write-ahead log)", pid, wait);
            server.destroyForcibly();
            server.onExit().orTimeout(wait.toMillis(), TimeUnit.MILLISECONDS).join();
        }
        return Outcome.ORPHAN_STOPPED;
    }

    private static boolean isPostgres(ProcessHandle p) {
        return p.info().command().map(c -> c.endsWith("/postgres") || c.endsWith("postgres.exe")).orElse(false);
    }

    private static boolean isJava(ProcessHandle p) {
        return p.info().command().map(c -> c.endsWith("/java") || c.endsWith("java.exe")).orElse(false);
    }
}
