package org.openita.server.database.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.OptionalInt;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The running embedded PostgreSQL together with the lease on its data directory, its socket and its passwords. On a
 * system without Unix sockets (Windows) there is no socket: the server listens on 127.0.0.1 only, and every
 * connection goes there, with a password (ADR 0014).
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private final StaleServerGuard.Lease lease;
    private final PostgresServer server;
    private final DatabaseCredentials credentials;
    private final int port;
    private final DatabaseSocket socket;
    private final boolean tcp;

    /** @param socket null when the server has no Unix socket; {@code tcp} must then be set */
    EmbeddedDatabase(StaleServerGuard.Lease lease, PostgresServer server, DatabaseCredentials credentials,
                     int port, DatabaseSocket socket, boolean tcp) {
        this.lease = lease;
        this.server = server;
        this.credentials = credentials;
        this.port = port;
        this.socket = socket;
        this.tcp = tcp;
    }

    /** The server's port: on 127.0.0.1 when {@link #tcpPort()} is present, otherwise only the socket's name. */
    int port() {
        return port;
    }

    /** The TCP port on 127.0.0.1, present when one was configured or when there is no socket. */
    OptionalInt tcpPort() {
        return tcp ? OptionalInt.of(port) : OptionalInt.empty();
    }

    /** The Unix socket; null when the server has none (Windows). */
    DatabaseSocket socket() {
        return socket;
    }

    /** The server's Unix socket file. */
    Path socketFile() {
        return socket.file();
    }

    /** A JDBC URL that reaches the application's database over the socket, or over 127.0.0.1 when there is none. */
    public String applicationJdbcUrl() {
        return jdbcUrl(ApplicationRole.DATABASE);
    }

    private String jdbcUrl(String database) {
        return socket != null ? socket.jdbcUrl(database)
                : "jdbc:postgresql://" + ServerAccess.TCP_HOST + ":" + port + "/" + database + "?sslmode=disable";
    }

    public String applicationUser() {
        return ApplicationRole.NAME;
    }

    public String applicationPassword() {
        return credentials.applicationPassword();
    }

    /** Connections as the superuser: for setting up at start (and for tests), never for the application. */
    DataSource superuser(String database) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(jdbcUrl(database));
        ds.setUser(SuperuserPassword.SUPERUSER);
        ds.setPassword(credentials.superuserPassword());
        return ds;
    }

    @Override
    public void close() throws IOException {
        try {
            server.close();
            if (socket != null) {
                socket.removeTemporaryDirectory();
            }
        } finally {
            lease.close();
        }
    }
}
