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
 * @param tcpPort empty (the default): no TCP port, only the owner-only Unix socket; a port: also listen on
 *                127.0.0.1 at that port; 0: also listen on 127.0.0.1 at a free port chosen at each start
 */
@ConfigurationProperties("openita.embedded-db")
public record EmbeddedDatabaseProperties(Path dataDirectory,
                                         @DefaultValue("60s") Duration startupWait,
                                         @DefaultValue("30s") Duration staleServerWait,
                                         Integer tcpPort) {

    public EmbeddedDatabaseProperties {
        if (dataDirectory == null) {
            dataDirectory = Path.of(System.getProperty("user.home"), ".openita", "pgdata");
        }
        if (tcpPort != null && (tcpPort < 0 || tcpPort > 65_535)) {
            throw new IllegalArgumentException("openita.embedded-db.tcp-port must be empty (no TCP) or 0..65535, not " + tcpPort);
        }
    }
}
