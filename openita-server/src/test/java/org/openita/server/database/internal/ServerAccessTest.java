package org.openita.server.database.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openita.server.support.ServerTestSupport;

/** Where the Unix socket goes, how JDBC reaches it, and what is written into PostgreSQL's configuration files. */
class ServerAccessTest {

    @Test
    void theSocketLivesInAFolderInsideTheDataFolderWhenItsPathFits() {
        Path dir = Path.of("/home/somchai/.openita/pgdata");
        assertThat(DatabaseSocket.inDataFolder(dir)).isEqualTo(Path.of("/home/somchai/.openita/pgdata/socket"));
        assertThat(DatabaseSocket.fits(DatabaseSocket.inDataFolder(dir), 5432)).isTrue();
    }

    @Test
    void aPathOverTheSocketAddressLimitDoesNotFit() {
        Path longPath = Path.of("/home/somchai/" + "เอกสาร/".repeat(8) + ".openita/pgdata");
        assertThat(DatabaseSocket.fits(DatabaseSocket.inDataFolder(longPath), 5432)).isFalse();
        Path exactly = Path.of("/" + "a".repeat(DatabaseSocket.MAX_PATH_BYTES - "/.s.PGSQL.5432".length() - 1));
        assertThat(DatabaseSocket.fits(exactly, 5432)).isTrue();
        assertThat(DatabaseSocket.fits(Path.of(exactly + "b"), 5432)).isFalse();
    }

    @Test
    void theJdbcUrlCarriesTheSocketFactoryAndTheEncodedSocketPath() {
        DatabaseSocket socket = new DatabaseSocket(Path.of("/home/สมชาย ใจดี/pgdata/socket"), 5432, false);
        String url = socket.jdbcUrl("openita");
        assertThat(url).startsWith("jdbc:postgresql://localhost:5432/openita?").doesNotContain(" ").endsWith("&sslmode=disable");
        assertThat(URLDecoder.decode(url, StandardCharsets.UTF_8))
                .contains("socketFactory=org.newsclub.net.unix.AFUNIXSocketFactory$FactoryArg")
                .contains("socketFactoryArg=/home/สมชาย ใจดี/pgdata/socket/.s.PGSQL.5432");
    }

    @Test
    void withoutTcpTheServerListensNowhereAndPgHbaHasNoHostLine() throws Exception {
        Path dir = ServerTestSupport.freshDirectory("openita-conf-");
        Files.writeString(dir.resolve("postgresql.conf"), "# initdb's\n");
        DatabaseSocket socket = DatabaseSocket.create(dir, 5432);
        ServerAccess.secure(dir, socket.port(), socket, false);
        assertThat(Files.readString(dir.resolve(ServerAccess.CONF_FILE)))
                .contains("listen_addresses = ''").contains("port = 5432")
                .contains("unix_socket_directories = '" + dir.toAbsolutePath().resolve("socket") + "'")
                .contains("unix_socket_permissions = 0700").contains("fsync = on");
        assertThat(Files.readString(dir.resolve("pg_hba.conf"))).contains("local   all       all                 scram-sha-256")
                .doesNotContain("host").doesNotContain("trust");

        ServerAccess.secure(dir, socket.port(), socket, true);
        assertThat(Files.readString(dir.resolve(ServerAccess.CONF_FILE))).contains("listen_addresses = '127.0.0.1'");
        assertThat(Files.readString(dir.resolve("pg_hba.conf"))).contains("host    all       all   127.0.0.1/32  scram-sha-256");
        assertThat(Files.readAllLines(dir.resolve("postgresql.conf"))).filteredOn(ServerAccess.INCLUDE_LINE::equals).hasSize(1);
    }

    @Test
    void withoutASocketTheServerListensOnLoopbackOnlyAndPgHbaHasNoLocalLine() throws Exception {
        Path dir = ServerTestSupport.freshDirectory("openita-conf-");
        Files.writeString(dir.resolve("postgresql.conf"), "# initdb's\n");
        ServerAccess.secure(dir, 49_152, null, true);
        assertThat(Files.readString(dir.resolve(ServerAccess.CONF_FILE)))
                .contains("listen_addresses = '127.0.0.1'").contains("port = 49152").contains("unix_socket_directories = ''");
        assertThat(Files.readString(dir.resolve("pg_hba.conf"))).contains("host    all       all   127.0.0.1/32  scram-sha-256")
                .doesNotContain("local ").doesNotContain("trust");
        assertThatThrownBy(() -> ServerAccess.secure(dir, 5432, null, false)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void quotesAndBackslashesAreEscaped() {
        assertThat(ServerAccess.quote("C:\\Users\\O'Brien")).isEqualTo("'C:\\\\Users\\\\O''Brien'");
    }
}
