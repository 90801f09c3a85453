package org.openita.server.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may reach the embedded PostgreSQL, written into its data folder before every start (the server is not
 * running then, so nothing needs reloading): passwords (SCRAM-SHA-256) for everyone, TCP on 127.0.0.1 only,
 * and the Unix socket in an owner-only folder inside the data folder instead of /tmp. OpenITA owns
 * {@code pg_hba.conf} and {@value #CONF_FILE}; edits to them are overwritten.
 */
final class ServerAccess {

    private static final Logger log = LoggerFactory.getLogger(ServerAccess.class);

    static final String CONF_FILE = "openita.conf";
    static final String INCLUDE_LINE = "include '" + CONF_FILE + "'";
    static final String SOCKET_FOLDER = "socket";
    /** sun_path holds 104 bytes on macOS (108 on Linux) including the final NUL; PostgreSQL refuses longer paths. */
    static final int MAX_SOCKET_PATH_BYTES = 103;
    private static final String SOCKET_FILE = "/.s.PGSQL.65535";

    private ServerAccess() {
    }

    /** Writes the access settings; returns the folder of the Unix socket, or empty when the server has none. */
    static Optional<Path> secure(Path dataDirectory) throws IOException {
        Optional<Path> socketDirectory = socketDirectory(dataDirectory, isWindows());
        if (socketDirectory.isPresent()) {
            Files.createDirectories(socketDirectory.get());
            OwnerOnlyFiles.restrictDirectory(socketDirectory.get());
        }
        writeServerSettings(dataDirectory, socketDirectory);
        Files.writeString(dataDirectory.resolve("pg_hba.conf"), """
                # Written by OpenITA at every start; changes are overwritten. Every connection needs a password (SCRAM-SHA-256).
                # เขียนโดย OpenITA ทุกครั้งที่เริ่มระบบ ต้องใช้รหัสผ่านทุกการเชื่อมต่อ
                # TYPE  DATABASE  USER  ADDRESS       METHOD
                local   all       all                 scram-sha-256
                host    all       all   127.0.0.1/32  scram-sha-256
                """, StandardCharsets.UTF_8);
        OwnerOnlyFiles.restrictFile(dataDirectory.resolve("pg_hba.conf"));
        return socketDirectory;
    }

    /**
     * The socket folder inside the data folder, unless its path is too long for a Unix socket (then the server
     * gets no socket: OpenITA itself connects over 127.0.0.1) or the system is Windows (no socket either).
     */
    static Optional<Path> socketDirectory(Path dataDirectory, boolean windows) {
        if (windows) {
            return Optional.empty();
        }
        Path directory = dataDirectory.toAbsolutePath().resolve(SOCKET_FOLDER);
        int length = (directory + SOCKET_FILE).getBytes(StandardCharsets.UTF_8).length;
        if (length > MAX_SOCKET_PATH_BYTES) {
            log.warn("The data folder's path is too long for a Unix socket ({} bytes, at most {}): the embedded PostgreSQL"
                    + " listens on 127.0.0.1 only, without a socket. / เส้นทางโฟลเดอร์ข้อมูลยาวเกินไปสำหรับ Unix socket"
                    + " ฐานข้อมูลจึงรับการเชื่อมต่อทาง 127.0.0.1 เท่านั้น", length, MAX_SOCKET_PATH_BYTES);
            return Optional.empty();
        }
        return Optional.of(directory);
    }

    private static void writeServerSettings(Path dataDirectory, Optional<Path> socketDirectory) throws IOException {
        Files.writeString(dataDirectory.resolve(CONF_FILE), """
                # Written by OpenITA at every start; changes are overwritten. / เขียนโดย OpenITA ทุกครั้งที่เริ่มระบบ
                listen_addresses = '127.0.0.1'
                unix_socket_directories = %s
                unix_socket_permissions = 0700
                password_encryption = 'scram-sha-256'
                """.formatted(quote(socketDirectory.map(Path::toString).orElse(""))), StandardCharsets.UTF_8);
        Path conf = dataDirectory.resolve("postgresql.conf");
        List<String> lines = Files.readAllLines(conf, StandardCharsets.UTF_8);
        if (!lines.contains(INCLUDE_LINE)) {
            Files.writeString(conf, "\n# OpenITA's access settings (last, so that they win)\n" + INCLUDE_LINE + "\n",
                    StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        }
    }

    /** A string value in PostgreSQL's configuration-file syntax. */
    static String quote(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    static boolean isWindows() {
        return System.getProperty("os.name", "").startsWith("Windows");
    }
}
