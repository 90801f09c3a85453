package org.openita.server.database;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded PostgreSQL used when no external database is configured.
 *
 * @param dataDirectory where the database files live; kept across restarts
 * @param startupWait how long to wait for the server to accept connections
 * @param staleServerWait how long to wait for a server left behind by a killed run to stop
 */
@ConfigurationProperties("openita.embedded-db")
public record EmbeddedDatabaseProperties(Path dataDirectory,
                                         @DefaultValue("60s") Duration startupWait,
                                         @DefaultValue("30s") Duration staleServerWait) {

    public EmbeddedDatabaseProperties {
        if (dataDirectory == null) {
            dataDirectory = Path.of(System.getProperty("user.home"), ".openita", "pgdata");
        }
    }
}
