package org.openita.server.database.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.openita.server.database.OwnerOnlyFiles;

/**
 * Who may reach the embedded PostgreSQL and how it runs, written into its data folder before every start (the
 * server is not running then, so nothing needs reloading): no TCP port unless one is configured (then 127.0.0.1
 * only), the Unix socket in an owner-only folder ({@link DatabaseSocket}) instead of /tmp (on Windows no socket at all,
 * and 127.0.0.1 instead: ADR 0014), passwords
 * (SCRAM-SHA-256) for every connection, and durable writes. OpenITA owns {@code pg_hba.conf} and
 * {@value #CONF_FILE}; edits to them are overwritten.
 */
final class ServerAccess {

    static final String CONF_FILE = "openita.conf";
    static final String INCLUDE_LINE = "include '" + CONF_FILE + "'";
    static final String TCP_HOST = "127.0.0.1";

    private ServerAccess() {
    }

    /**
     * Writes the settings for a server on {@code port}: on {@code socket} unless it is null (then no Unix socket at
     * all), and on 127.0.0.1 too when {@code tcp} is set.
     */
    static void secure(Path dataDirectory, int port, DatabaseSocket socket, boolean tcp) throws IOException {
        if (socket == null && !tcp) {
            throw new IllegalArgumentException("a server with neither a socket nor a TCP port could not be reached");
        }
        writeServerSettings(dataDirectory, port, socket, tcp);
        Files.writeString(dataDirectory.resolve("pg_hba.conf"), """
                # Written by OpenITA at every start; changes are overwritten. Every connection needs a password (SCRAM-SHA-256).
                # เขียนโดย OpenITA ทุกครั้งที่เริ่มระบบ ต้องใช้รหัสผ่านทุกการเชื่อมต่อ
                # TYPE  DATABASE  USER  ADDRESS       METHOD
                """ + (socket != null ? "local   all       all                 scram-sha-256\n" : "") + (tcp ? "host    all       all   127.0.0.1/32  scram-sha-256\n" : ""), StandardCharsets.UTF_8);
        OwnerOnlyFiles.restrictFile(dataDirectory.resolve("pg_hba.conf"));
    }

    private static void writeServerSettings(Path dataDirectory, int port, DatabaseSocket socket, boolean tcp) throws IOException {
        Files.writeString(dataDirectory.resolve(CONF_FILE), """
                # Written by OpenITA at every start; changes are overwritten. / เขียนโดย OpenITA ทุกครั้งที่เริ่มระบบ
                # No TCP unless openita.embedded-db.tcp-port is set or there is no socket (Windows); the socket's folder is owner-only.
                listen_addresses = %s
                port = %d
                unix_socket_directories = %s
                unix_socket_permissions = 0700
                password_encryption = 'scram-sha-256'
                fsync = on
                synchronous_commit = on
                full_page_writes = on
                max_connections = 50
                timezone = 'UTC'
                """.formatted(quote(tcp ? TCP_HOST : ""), port, quote(socket == null ? "" : socket.directory().toString())),
                StandardCharsets.UTF_8);
        Path conf = dataDirectory.resolve("postgresql.conf");
        List<String> lines = Files.readAllLines(conf, StandardCharsets.UTF_8);
        if (!lines.contains(INCLUDE_LINE)) {
            Files.writeString(conf, "\n# OpenITA's access settings (last, so that they win)\n" + INCLUDE_LINE + "\n",
                    StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        }
    }

    /** A string value in PostgreSQL's configuration-file syntax. */
    static String quote(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "''") + "'";
    }
}
