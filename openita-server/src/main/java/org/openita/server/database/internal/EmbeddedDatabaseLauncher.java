package org.openita.server.database.internal;

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
 * Unix socket and, unless a TCP port is configured, nowhere else; on Windows, which has no Unix sockets for it, on
 * 127.0.0.1 at a free port chosen at each start instead (ADR 0014). Works the same on a new folder, on one created
 * by an older OpenITA (upgraded in place) and on every later start. The server runs durably: fsync and
 * synchronous commit are on.
 */
public final class EmbeddedDatabaseLauncher {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseLauncher.class);
    /** Names the socket file when there is no TCP port; nothing else can use it, the socket's folder being ours. */
    static final int SOCKET_ONLY_PORT = 5432;

    private EmbeddedDatabaseLauncher() {
    }

    /** Starts the server with no TCP port, to be stopped by {@code close()} or else when the JVM exits. */
    public static EmbeddedDatabase start(Path dataDirectory, Duration startupWait, Duration staleServerWait) throws IOException {
        return start(dataDirectory, startupWait, staleServerWait, null, true);
    }

    /**
     * @param tcpPort null for no TCP; 0 for a free port on 127.0.0.1 chosen now; otherwise that port on 127.0.0.1
     * @param stopOnJvmExit whether a JVM shutdown hook stops the server too (not under Spring, which closes it)
     */
    static EmbeddedDatabase start(Path dataDirectory, Duration startupWait, Duration staleServerWait, Integer tcpPort,
                                  boolean stopOnJvmExit) throws IOException {
        PostgresBinaries.resolver(); // an unsupported computer is told so before anything is created
        return start(dataDirectory, startupWait, staleServerWait, tcpPort, stopOnJvmExit, !PostgresPlatform.current().loopbackOnly());
    }

    /**
     * @param unixSocket false for a server with no Unix socket, as on Windows: it then listens on 127.0.0.1 at
     *                   {@code tcpPort}, or at a free port chosen now when that is null or 0
     */
    static EmbeddedDatabase start(Path dataDirectory, Duration startupWait, Duration staleServerWait, Integer tcpPort,
                                  boolean stopOnJvmExit, boolean unixSocket) throws IOException {
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
            boolean tcp = tcpPort != null || !unixSocket;
            int port = tcp ? (tcpPort == null || tcpPort == 0 ? freePort() : tcpPort) : SOCKET_ONLY_PORT;
            socket = unixSocket ? DatabaseSocket.create(dataDirectory, port) : null;
            ServerAccess.secure(dataDirectory, port, socket, tcp);
            if (kept.isEmpty()) {
                log.info("Setting new random passwords for the embedded database; they are kept in {}",
                        DatabaseCredentials.file(dataDirectory));
                SuperuserPassword.set(dataDirectory, credentials.superuserPassword());
                credentials.write(dataDirectory);
            }
            EmbeddedDatabase db = new EmbeddedDatabase(lease, PostgresServer.start(dataDirectory, startupWait, stopOnJvmExit), credentials,
                    port, socket, tcp);
            setUpApplicationRole(db, credentials);
            log.info("Embedded PostgreSQL started with data in {}, {} and {} ({} ms); OpenITA connects as the role {}",
                    dataDirectory, socket != null ? "its socket in " + socket.directory() : "no Unix socket",
                    tcp ? "TCP on " + ServerAccess.TCP_HOST + ":" + port : "no TCP port",
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
