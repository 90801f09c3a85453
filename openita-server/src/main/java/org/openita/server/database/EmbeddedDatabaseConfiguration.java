package org.openita.server.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts an embedded PostgreSQL when no external database URL is configured (OPENITA_DB_URL). Unlike
 * the library's test defaults, it runs durably: fsync and synchronous commit are on.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);
    static final String DATABASE = "openita";

    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedDatabase(EmbeddedDatabaseProperties props) throws IOException {
        Files.createDirectories(props.dataDirectory());
        StaleServerGuard.Lease lease = StaleServerGuard.acquire(props.dataDirectory(), props.staleServerWait());
        long started = System.nanoTime();
        EmbeddedPostgres pg;
        try {
            pg = EmbeddedPostgres.builder()
                    .setDataDirectory(props.dataDirectory())
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(props.startupWait())
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("max_connections", "50")
                    .setRegisterShutdownHook(true)
                    .start();
        } catch (IOException | RuntimeException e) {
            lease.close();
            throw e;
        }
        log.info("Embedded PostgreSQL started on port {} with data in {} ({} ms)", pg.getPort(), props.dataDirectory(),
                (System.nanoTime() - started) / 1_000_000);
        return new EmbeddedDatabase(lease, pg);
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedDatabase db) throws SQLException {
        EmbeddedPostgres pg = db.postgres();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
                if (!rs.next()) {
                    st.execute("create database " + DATABASE + " encoding 'UTF8' lc_collate 'C' lc_ctype 'C' template template0");
                }
            }
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(pg.getJdbcUrl("postgres", DATABASE));
        config.setUsername("postgres");
        config.setMaximumPoolSize(10);
        config.setPoolName("openita-embedded");
        return new HikariDataSource(config);
    }
}
