package org.openita.server.database.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL server process, run with PostgreSQL's own tools: {@code initdb} for a new data folder,
 * {@code pg_ctl start -w} (which waits until the server says it is ready in its {@code postmaster.pid}, so it needs
 * no TCP port) and {@code pg_ctl stop -m fast}. Every setting comes from the configuration files in the data folder
 * ({@link ServerAccess}). The server's output goes to this class's log.
 */
final class PostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PostgresServer.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(60);

    private final Path dataDirectory;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final Thread shutdownHook;
    private final boolean hooked;

    private PostgresServer(Path dataDirectory, boolean hooked) {
        this.dataDirectory = dataDirectory;
        this.hooked = hooked;
        this.shutdownHook = new Thread(this::close, "openita-db-shutdown");
    }

    /** Whether {@code dataDirectory} still needs {@link #initdb}. */
    static boolean isNew(Path dataDirectory) {
        return !Files.exists(dataDirectory.resolve("postgresql.conf"));
    }

    /**
     * Creates a database cluster as zonky did (UTF-8, superuser {@code postgres}); initdb leaves {@code trust} in
     * pg_hba.conf, which {@link ServerAccess} replaces before the server first starts.
     */
    static void initdb(Path dataDirectory) throws IOException {
        run("initdb", List.of("-A", "trust", "-U", SuperuserPassword.SUPERUSER, "-D", dataDirectory.toString(), "-E", "UTF-8"),
                Duration.ofMinutes(5));
    }

    /**
     * Starts the server and returns once it accepts connections.
     *
     * @param stopOnJvmExit also stop it from a JVM shutdown hook; not inside Spring, which closes the database after
     *                      its graceful shutdown, while a hook would stop it under requests still being answered
     */
    static PostgresServer start(Path dataDirectory, Duration startupWait, boolean stopOnJvmExit) throws IOException {
        long seconds = Math.max(1, startupWait.toSeconds());
        run("pg_ctl", List.of("-D", dataDirectory.toString(), "-w", "-t", Long.toString(seconds), "start"),
                startupWait.plusSeconds(30));
        PostgresServer server = new PostgresServer(dataDirectory, stopOnJvmExit);
        if (stopOnJvmExit) {
            Runtime.getRuntime().addShutdownHook(server.shutdownHook);
        }
        return server;
    }

    /** Stops the server (fast: open transactions are rolled back); idempotent. */
    @Override
    public void close() {
        if (stopped.getAndSet(true)) {
            return;
        }
        try {
            run("pg_ctl", List.of("-D", dataDirectory.toString(), "stop", "-m", "fast", "-w", "-t", Long.toString(STOP_WAIT.toSeconds())),
                    STOP_WAIT.plusSeconds(30));
        } catch (IOException | RuntimeException e) {
            log.error("Could not stop the embedded PostgreSQL on {}", dataDirectory, e);
        }
        if (hooked && Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is exiting; the hook finds the server stopped
            }
        }
    }

    /**
     * Runs a PostgreSQL program and waits for it. Its output is logged by a daemon thread that keeps reading after
     * the program ends: the server started by {@code pg_ctl start} inherits the same output and writes its log there.
     */
    private static void run(String program, List<String> arguments, Duration wait) throws IOException {
        Process process = new ProcessBuilder(PostgresBinaries.command(program, arguments)).redirectErrorStream(true).start();
        Thread output = new Thread(() -> logLines(process), program + ":" + process.pid());
        output.setDaemon(true);
        output.start();
        try {
            if (!process.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IOException(program + " did not finish within " + wait);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for " + program, e);
        }
        if (process.exitValue() != 0) {
            throw new IOException(program + " " + String.join(" ", arguments) + " failed with exit code " + process.exitValue()
                    + "; see the log above for PostgreSQL's reason");
        }
    }

    private static void logLines(Process process) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            reader.lines().forEach(line -> log.info("{}", line));
        } catch (IOException | UncheckedIOException e) {
            log.debug("stopped reading PostgreSQL's output", e);
        }
    }
}
