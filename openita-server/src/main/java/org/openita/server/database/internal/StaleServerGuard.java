package org.openita.server.database.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openita.server.database.DataDirectoryInUseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Guards a data directory of the embedded PostgreSQL. An OpenITA process holds an operating-system
 * lock on {@code <data-directory>.lock} while it runs; the lock disappears when the process dies, even
 * when it is killed. So before starting PostgreSQL:
 * <ul>
 * <li>if another live process holds the lock, the directory is in use: starting is refused with a
 * clear message and nothing is touched;</li>
 * <li>otherwise a PostgreSQL still running on the directory was left by a run that was killed: it is
 * stopped (and, if it will not stop, killed; PostgreSQL recovers from its write-ahead log);</li>
 * <li>a lock file of PostgreSQL's whose process is gone is removed.</li>
 * </ul>
 */
final class StaleServerGuard {

    private static final Logger log = LoggerFactory.getLogger(StaleServerGuard.class);

    private StaleServerGuard() {
    }

    /** What was found on the data directory. */
    enum Outcome { NONE, STALE_FILE_REMOVED, ORPHAN_STOPPED }

    /** Ownership of a data directory for as long as it is open. */
    static final class Lease implements AutoCloseable {
        private final FileChannel channel;
        private final FileLock lock;
        private final Outcome outcome;

        private Lease(FileChannel channel, FileLock lock, Outcome outcome) {
            this.channel = channel;
            this.lock = lock;
            this.outcome = outcome;
        }

        Outcome outcome() {
            return outcome;
        }

        @Override
        public void close() throws IOException {
            lock.release();
            channel.close();
        }
    }

    static Path lockFile(Path dataDirectory) {
        return dataDirectory.resolveSibling(dataDirectory.getFileName() + ".lock");
    }

    static Lease acquire(Path dataDirectory, Duration wait) throws IOException {
        Path lockFile = lockFile(dataDirectory);
        Files.createDirectories(lockFile.getParent());
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new DataDirectoryInUseException(dataDirectory);
        }
        try {
            return new Lease(channel, lock, clear(dataDirectory, wait));
        } catch (IOException | RuntimeException e) {
            lock.release();
            channel.close();
            throw e;
        }
    }

    private static Outcome clear(Path dataDirectory, Duration wait) throws IOException {
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
        log.warn("PostgreSQL (PID {}) was left running on {} by an earlier run that did not shut down; stopping it", pid, dataDirectory);
        server.destroy();
        try {
            server.onExit().get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            log.warn("PostgreSQL (PID {}) did not stop within {}; killing it (it recovers from its write-ahead log)", pid, wait);
            server.destroyForcibly();
            server.onExit().orTimeout(wait.toMillis(), TimeUnit.MILLISECONDS).join();
        }
        return Outcome.ORPHAN_STOPPED;
    }

    private static boolean isPostgres(ProcessHandle p) {
        return p.info().command().map(c -> c.endsWith("/postgres") || c.endsWith("postgres.exe")).orElse(false);
    }
}
