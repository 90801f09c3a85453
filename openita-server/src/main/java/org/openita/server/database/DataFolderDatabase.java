package org.openita.server.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.openita.server.database.internal.EmbeddedDatabase;
import org.openita.server.database.internal.EmbeddedDatabaseLauncher;

/**
 * The database of a data folder, opened by a command of the command line while no server runs on it: the embedded
 * PostgreSQL is started on the folder (refused with {@link DataDirectoryInUseException} when a running server holds
 * it), brought up to the current schema by the same migrations the server runs, and stopped on {@link #close()}.
 */
public final class DataFolderDatabase implements AutoCloseable {

    private final EmbeddedDatabase database;
    private final HikariDataSource dataSource;

    private DataFolderDatabase(EmbeddedDatabase database, HikariDataSource dataSource) {
        this.database = database;
        this.dataSource = dataSource;
    }

    /** The folder the server keeps its embedded database in: {@code OPENITA_HOME/pgdata}, by default {@code ~/.openita/pgdata}. */
    public static Path defaultDataDirectory() {
        String home = System.getenv("OPENITA_HOME");
        return (home == null || home.isBlank() ? Path.of(System.getProperty("user.home"), ".openita") : Path.of(home)).resolve("pgdata");
    }

    public static DataFolderDatabase open(Path dataDirectory) throws IOException {
        EmbeddedDatabase db = EmbeddedDatabaseLauncher.start(dataDirectory, Duration.ofSeconds(60), Duration.ofSeconds(30));
        HikariDataSource ds = null;
        try {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(db.applicationJdbcUrl());
            config.setUsername(db.applicationUser());
            config.setPassword(db.applicationPassword());
            config.setMaximumPoolSize(2);
            config.setPoolName("openita-command");
            ds = new HikariDataSource(config);
            Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
            return new DataFolderDatabase(db, ds);
        } catch (RuntimeException e) {
            if (ds != null) {
                ds.close();
            }
            db.close();
            throw e;
        }
    }

    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() throws IOException {
        try {
            dataSource.close();
        } finally {
            database.close();
        }
    }
}
