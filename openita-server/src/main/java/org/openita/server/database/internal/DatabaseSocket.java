package org.openita.server.database.internal;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import javax.sql.DataSource;
import org.newsclub.net.unix.AFUNIXSocketFactory;
import org.openita.server.database.OwnerOnlyFiles;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Unix-domain socket of the embedded PostgreSQL, the only way in unless TCP is configured. It lives in an
 * owner-only folder inside the data folder; when that path is too long for a socket address, in a new owner-only
 * folder under the system's temporary folder instead, removed again at shutdown. JDBC reaches it through
 * junixsocket's socket factory for pgjdbc; the host and port in the URL only name the socket file.
 *
 * @param directory the folder PostgreSQL creates its socket in ({@code unix_socket_directories})
 * @param port the server's port setting, which names the socket file ({@code .s.PGSQL.<port>})
 * @param temporary whether the folder is the fallback in the temporary folder, to remove at shutdown
 */
record DatabaseSocket(Path directory, int port, boolean temporary) {

    private static final Logger log = LoggerFactory.getLogger(DatabaseSocket.class);

    static final String FOLDER = "socket";
    /** sun_path holds 104 bytes on macOS (108 on Linux and Windows) including the final NUL. */
    static final int MAX_PATH_BYTES = 103;
    static final String FACTORY = AFUNIXSocketFactory.FactoryArg.class.getName();

    /** Creates the socket folder (owner-only) for a server on {@code dataDirectory}. */
    static DatabaseSocket create(Path dataDirectory, int port) throws IOException {
        Path inDataFolder = inDataFolder(dataDirectory);
        if (fits(inDataFolder, port)) {
            Files.createDirectories(inDataFolder);
            OwnerOnlyFiles.restrictDirectory(inDataFolder);
            return new DatabaseSocket(inDataFolder, port, false);
        }
        Path temporary = ownerOnlyTemporaryDirectory();
        if (!fits(temporary, port)) {
            Files.deleteIfExists(temporary);
            throw new IOException("No folder short enough for the database's Unix socket: " + inDataFolder + " and "
                    + temporary + " are both longer than " + MAX_PATH_BYTES + " bytes with the socket's name; use a shorter"
                    + " data folder (openita.embedded-db.data-directory) or temporary folder (java.io.tmpdir)");
        }
        log.warn("The data folder's path is too long for a Unix socket ({} bytes, at most {}): the embedded PostgreSQL's socket is"
                + " in the owner-only folder {} instead. / เส้นทางโฟลเดอร์ข้อมูลยาวเกินไปสำหรับ Unix socket จึงวาง socket ของฐานข้อมูล"
                + " ไว้ที่ {} ซึ่งเปิดได้เฉพาะเจ้าของ", bytes(inDataFolder, port), MAX_PATH_BYTES, temporary, temporary);
        return new DatabaseSocket(temporary, port, true);
    }

    static Path inDataFolder(Path dataDirectory) {
        return dataDirectory.toAbsolutePath().resolve(FOLDER);
    }

    static boolean fits(Path directory, int port) {
        return bytes(directory, port) <= MAX_PATH_BYTES;
    }

    private static int bytes(Path directory, int port) {
        return directory.resolve(fileName(port)).toString().getBytes(StandardCharsets.UTF_8).length;
    }

    private static String fileName(int port) {
        return ".s.PGSQL." + port;
    }

    private static Path ownerOnlyTemporaryDirectory() throws IOException {
        Path parent = Path.of(System.getProperty("java.io.tmpdir"));
        if (OwnerOnlyFiles.isPosix(parent)) { // created with mode 700 at once: no moment where others could enter
            return Files.createTempDirectory(parent, "openita-db-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        Path directory = Files.createTempDirectory(parent, "openita-db-");
        OwnerOnlyFiles.restrictDirectory(directory);
        return directory;
    }

    /** The socket file PostgreSQL listens on. */
    Path file() {
        return directory.resolve(fileName(port));
    }

    /** A pgjdbc URL that reaches {@code database} through the socket (no TLS: nothing leaves the machine). */
    String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database
                + "?socketFactory=" + URLEncoder.encode(FACTORY, StandardCharsets.UTF_8)
                + "&socketFactoryArg=" + URLEncoder.encode(file().toString(), StandardCharsets.UTF_8)
                + "&sslmode=disable";
    }

    DataSource dataSource(String database, String user, String password) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(jdbcUrl(database));
        ds.setUser(user);
        ds.setPassword(password);
        return ds;
    }

    /** Removes the fallback folder; the one in the data folder stays. */
    void removeTemporaryDirectory() {
        if (!temporary) {
            return;
        }
        try {
            Files.deleteIfExists(file().resolveSibling(fileName(port) + ".lock"));
            Files.deleteIfExists(file());
            Files.deleteIfExists(directory);
        } catch (IOException e) {
            log.warn("Could not remove the database's temporary socket folder {}: {}", directory, e.toString());
        }
    }
}
