package org.openita.server.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the embedded PostgreSQL on a data folder so that only OpenITA can open it: before the server starts,
 * the superuser gets its password and the access files are written ({@link ServerAccess}); once it runs, the
 * application role and its database are set up ({@link ApplicationRole}). Works the same on a new folder, on
 * one created by an older OpenITA (upgraded in place) and on every later start. Unlike the library's test
 * defaults, the server runs durably: fsync and synchronous commit are on.
 */
final class EmbeddedDatabaseLauncher {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseLauncher.class);

    private EmbeddedDatabaseLauncher() {
    }

    static EmbeddedDatabase start(Path dataDirectory, Duration startupWait, Duration staleServerWait) throws IOException {
        Files.createDirectories(dataDirectory);
        StaleServerGuard.Lease lease = StaleServerGuard.acquire(dataDirectory, staleServerWait);
        long started = System.nanoTime();
        try {
            Optional<DatabaseCredentials> kept = DatabaseCredentials.read(dataDirectory);
            DatabaseCredentials credentials = kept.orElseGet(DatabaseCredentials::generate);
            AtomicReference<Optional<Path>> socket = new AtomicReference<>(Optional.empty());
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(startupWait)
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("max_connections", "50")
                    .setConnectConfig("password", credentials.superuserPassword())
                    .setDataDirectoryCustomizer(dir -> socket.set(prepare(dir.toPath(), credentials, kept.isEmpty())))
                    .setRegisterShutdownHook(true)
                    .start();
            EmbeddedDatabase db = new EmbeddedDatabase(lease, pg, credentials, socket.get());
            setUpApplicationRole(db, credentials);
            log.info("Embedded PostgreSQL started on {}:{}{} with data in {} ({} ms); OpenITA connects as the role {}",
                    EmbeddedDatabase.HOST, pg.getPort(), socket.get().map(s -> " and a socket in " + s).orElse(""), dataDirectory,
                    (System.nanoTime() - started) / 1_000_000, ApplicationRole.NAME);
            return db;
        } catch (IOException | RuntimeException e) {
            lease.close();
            throw e;
        }
    }

    /** Runs after initdb (on a new folder) and before the server starts. */
    private static Optional<Path> prepare(Path dataDirectory, DatabaseCredentials credentials, boolean newPasswords) {
        try {
            Optional<Path> socket = ServerAccess.secure(dataDirectory);
            if (newPasswords) {
                log.info("Setting new random passwords for the embedded database; they are kept in {}",
                        DatabaseCredentials.file(dataDirectory));
                SuperuserPassword.set(dataDirectory, credentials.superuserPassword());
                credentials.write(dataDirectory);
            }
            return socket;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void setUpApplicationRole(EmbeddedDatabase db, DatabaseCredentials credentials) throws IOException {
        try {
            ApplicationRole.setUp(db::superuser, credentials.applicationPassword());
        } catch (SQLException e) {
            try {
                db.close();
            } catch (IOException closing) {
                e.addSuppressed(closing);
            }
            throw new IOException("Could not set up the application role of the embedded database", e);
        }
    }
}
