package org.openita.server.database;

import java.io.IOException;
import java.nio.file.Path;
import java.util.OptionalInt;
import javax.sql.DataSource;

/** The running embedded PostgreSQL together with the lease on its data directory, its socket and its passwords. */
final class EmbeddedDatabase implements AutoCloseable {

    private final StaleServerGuard.Lease lease;
    private final PostgresServer server;
    private final DatabaseCredentials credentials;
    private final DatabaseSocket socket;
    private final boolean tcp;

    EmbeddedDatabase(StaleServerGuard.Lease lease, PostgresServer server, DatabaseCredentials credentials,
                     DatabaseSocket socket, boolean tcp) {
        this.lease = lease;
        this.server = server;
        this.credentials = credentials;
        this.socket = socket;
        this.tcp = tcp;
    }

    /** The server's port: on 127.0.0.1 when {@link #tcpPort()} is present, otherwise only the socket's name. */
    int port() {
        return socket.port();
    }

    /** The TCP port on 127.0.0.1, present only when one was configured. */
    OptionalInt tcpPort() {
        return tcp ? OptionalInt.of(socket.port()) : OptionalInt.empty();
    }

    DatabaseSocket socket() {
        return socket;
    }

    /** The server's Unix socket file. */
    Path socketFile() {
        return socket.file();
    }

    /** A JDBC URL that reaches the application's database over the socket. */
    String applicationJdbcUrl() {
        return socket.jdbcUrl(ApplicationRole.DATABASE);
    }

    String applicationUser() {
        return ApplicationRole.NAME;
    }

    String applicationPassword() {
        return credentials.applicationPassword();
    }

    /** Connections as the superuser: for setting up at start (and for tests), never for the application. */
    DataSource superuser(String database) {
        return socket.dataSource(database, SuperuserPassword.SUPERUSER, credentials.superuserPassword());
    }

    @Override
    public void close() throws IOException {
        try {
            server.close();
            socket.removeTemporaryDirectory();
        } finally {
            lease.close();
        }
    }
}
