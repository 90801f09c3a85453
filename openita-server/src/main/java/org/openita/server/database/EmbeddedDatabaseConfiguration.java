package org.openita.server.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts an embedded PostgreSQL when no external database URL is configured (OPENITA_DB_URL); the
 * application and its migrations connect to it as the unprivileged role {@code openita}, with a password.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedDatabaseConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedDatabase(EmbeddedDatabaseProperties props) throws IOException {
        return EmbeddedDatabaseLauncher.start(props.dataDirectory(), props.startupWait(), props.staleServerWait());
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedDatabase db) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(db.applicationJdbcUrl());
        config.setUsername(db.applicationUser());
        config.setPassword(db.applicationPassword());
        config.setMaximumPoolSize(10);
        config.setPoolName("openita-embedded");
        return new HikariDataSource(config);
    }
}
