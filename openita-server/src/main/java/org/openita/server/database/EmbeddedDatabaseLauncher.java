package org.openita.server.database;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the embedded PostgreSQL on a data folder so that only OpenITA can open it: before the server starts,
 * the superuser gets its password and the access files are written ({@link ServerAccess}); once it runs, the
 * application role and its database are set up ({@link ApplicationRole}). The server listens on its owner-only
 * Unix socket and, unless a TCP port is configured, nowhere else. Works the same on a new folder, on one created
 * by an older OpenITA (upgraded in place) and on every later start. The server runs durably: fsync and
 * synchronous commit are on.
 */
final class EmbeddedDatabaseLauncher {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseLauncher.class);
    /** Names the socket file when there is no TCP port; nothing else can use it, the socket's folder being ours. */
    static final int SOCKET_ONLY_PORT = 5432;

    private EmbeddedDatabaseLauncher() {
    }

    /** Starts the server with no TCP port, to be stopped by {@code close()} or else when the JVM exits. */
    static EmbeddedDatabase start(Path dataDirectory, Duration startupWait, Duration staleServerWait) throws IOException {
        return start(dataDirectory, startupWait, staleServerWait, null, true);
    }

    /**
     * @param tcpPort null for no TCP; 0 for a free port on 127.0.0.1 chosen now; otherwise that port on 127.0.0.1
     * @param stopOnJvmExit whether a JVM shutdown hook stops the server too (not under Spring, which closes it)
     */
    static EmbeddedDatabase start(Path dataDirectory, Duration startupWait, Duration staleServerWait, Integer tcpPort,
                                  boolean stopOnJvmExit) throws IOException {
        Files.createDirectories(dataDirectory);
        StaleServerGuard.Lease lease = StaleServerGuard.acquire(dataDirectory, staleServerWait);
        long started = System.nanoTime();
        DatabaseSocket socket = null;
        try {
            Optional<DatabaseCredentials> kept = DatabaseCredentials.read(dataDirectory);
            DatabaseCredentials credentials = kept.orElseGet(DatabaseCredentials::generate);
            if (PostgresServer.isNew(dataDirectory)) {
                PostgresServer.initdb(dataDirectory);
            }
            boolean tcp = tcpPort != null;
            socket = DatabaseSocket.create(dataDirectory, tcp ? (tcpPort == 0 ? freePort() : tcpPort) : SOCKET_ONLY_PORT);
            ServerAccess.secure(dataDirectory, socket, tcp);
            if (kept.isEmpty()) {
                log.info("Setting new random passwords for the embedded database; they are kept in {}",
                        DatabaseCredentials.file(dataDirectory));
                SuperuserPassword.set(dataDirectory, credentials.superuserPassword());
                credentials.write(dataDirectory);
            }
            EmbeddedDatabase db = new EmbeddedDatabase(lease, PostgresServer.start(dataDirectory, startupWait, stopOnJvmExit), credentials, socket, tcp);
            setUpApplicationRole(db, credentials);
            log.info("Embedded PostgreSQL started with data in {}, its socket in {} and {} ({} ms); OpenITA connects as the role {}",
                    dataDirectory, socket.directory(), tcp ? "TCP on " + ServerAccess.TCP_HOST + ":" + socket.port() : "no TCP port",
                    (System.nanoTime() - started) / 1_000_000, ApplicationRole.NAME);
            return db;
        } catch (IOException | RuntimeException e) {
            if (socket != null) {
                socket.removeTemporaryDirectory();
            }
            lease.close();
            throw e;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName(ServerAccess.TCP_HOST))) {
            return probe.getLocalPort();
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
