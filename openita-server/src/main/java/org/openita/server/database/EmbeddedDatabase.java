package org.openita.server.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/** The running embedded PostgreSQL together with the lease on its data directory and its passwords. */
final class EmbeddedDatabase implements AutoCloseable {

    static final String HOST = "127.0.0.1";

    private final StaleServerGuard.Lease lease;
    private final EmbeddedPostgres postgres;
    private final DatabaseCredentials credentials;
    private final Optional<Path> socketDirectory;

    EmbeddedDatabase(StaleServerGuard.Lease lease, EmbeddedPostgres postgres, DatabaseCredentials credentials,
                     Optional<Path> socketDirectory) {
        this.lease = lease;
        this.postgres = postgres;
        this.credentials = credentials;
        this.socketDirectory = socketDirectory;
    }

    int port() {
        return postgres.getPort();
    }

    /** The folder of the server's Unix socket; empty on Windows or when the data folder's path is too long. */
    Optional<Path> socketDirectory() {
        return socketDirectory;
    }

    String applicationJdbcUrl() {
        return "jdbc:postgresql://" + HOST + ":" + port() + "/" + ApplicationRole.DATABASE;
    }

    String applicationUser() {
        return ApplicationRole.NAME;
    }

    String applicationPassword() {
        return credentials.applicationPassword();
    }

    /** Connections as the superuser: for setting up at start (and for tests), never for the application. */
    DataSource superuser(String database) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setServerNames(new String[] {HOST});
        ds.setPortNumbers(new int[] {port()});
        ds.setDatabaseName(database);
        ds.setUser(SuperuserPassword.SUPERUSER);
        ds.setPassword(credentials.superuserPassword());
        return ds;
    }

    @Override
    public void close() throws IOException {
        try {
            postgres.close();
        } finally {
            lease.close();
        }
    }
}
