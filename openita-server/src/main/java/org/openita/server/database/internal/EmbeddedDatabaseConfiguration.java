package org.openita.server.database.internal;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import org.openita.server.database.EmbeddedDatabaseProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
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

    /**
     * The pool takes its settings from spring.datasource.hikari.* as Spring Boot's own pool for an external database
     * does (connection timeout, pool size: application.properties, ADR 0025); URL, role and password are ours.
     */
    @Bean(destroyMethod = "close")
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedDatabase db) {
        HikariDataSource pool = new HikariDataSource(); // started on first use, after the properties are bound
        pool.setJdbcUrl(db.applicationJdbcUrl());
        pool.setUsername(db.applicationUser());
        pool.setPassword(db.applicationPassword());
        pool.setPoolName("openita-embedded");
        return pool;
    }
}
