package org.openita.server.database.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import javax.sql.DataSource;
import org.openita.server.database.EmbeddedDatabaseProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts an embedded PostgreSQL when no external database URL is configured (OPENITA_DB_URL); the
 * application and its migrations connect to it over its Unix socket as the unprivileged role {@code openita},
 * with a password.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedDatabaseConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedDatabase(EmbeddedDatabaseProperties props) throws IOException {
        // no JVM shutdown hook: Spring closes this bean after its graceful shutdown, once requests are answered
        return EmbeddedDatabaseLauncher.start(props.dataDirectory(), props.startupWait(), props.staleServerWait(),
                props.tcpPort(), false);
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
