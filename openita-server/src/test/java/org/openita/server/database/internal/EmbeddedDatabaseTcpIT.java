package org.openita.server.database.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openita.server.support.ServerTestSupport;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * With {@code openita.embedded-db.tcp-port} set, the embedded database also listens on TCP, on 127.0.0.1 only and
 * with passwords; OpenITA itself keeps using the socket. The next start without the setting closes the port again.
 */
class EmbeddedDatabaseTcpIT {

    @Test
    void aConfiguredPortListensOnLoopbackOnlyAndAsksForAPassword() throws Exception {
        Path dir = ServerTestSupport.freshDirectory("openita-tcp-").resolve("pgdata");
        int port;
        try (EmbeddedDatabase db = EmbeddedDatabaseLauncher.start(dir, Duration.ofSeconds(60), Duration.ofSeconds(30), 0, true)) {
            port = db.tcpPort().orElseThrow();
            JdbcClient superuser = JdbcClient.create(db.superuser("postgres"));
            assertThat(superuser.sql("show listen_addresses").query(String.class).single()).isEqualTo("127.0.0.1");
            assertThat(superuser.sql("show port").query(Integer.class).single()).isEqualTo(port);
            if (ListeningSockets.available()) {
                assertThat(ListeningSockets.of(ListeningSockets.postmasterPid(dir))).containsExactly("127.0.0.1:" + port);
            }
            for (String user : List.of("postgres", "openita")) {
                assertThat(FirstAuthenticationRequest.overTcp("127.0.0.1", port, user, "openita"))
                        .isEqualTo("AuthenticationSASL SCRAM-SHA-256");
            }
            String tcpUrl = "jdbc:postgresql://127.0.0.1:" + port + "/openita";
            assertThatThrownBy(() -> DriverManager.getConnection(tcpUrl, "postgres", "postgres")).isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("28P01"));
            try (var c = DriverManager.getConnection(tcpUrl, db.applicationUser(), db.applicationPassword());
                 var rs = c.createStatement().executeQuery("select current_user, inet_server_addr()::text")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("openita");
                assertThat(rs.getString(2)).isEqualTo("127.0.0.1/32");
            }
            assertThat(Files.readString(dir.resolve("pg_hba.conf"))).contains("host    all       all   127.0.0.1/32  scram-sha-256");
        }

        try (EmbeddedDatabase db = EmbeddedDatabaseLauncher.start(dir, Duration.ofSeconds(60), Duration.ofSeconds(30))) {
            assertThat(db.tcpPort()).isEmpty();
            assertThat(JdbcClient.create(db.superuser("postgres")).sql("show listen_addresses").query(String.class).single()).isEmpty();
            assertThat(Files.readString(dir.resolve("pg_hba.conf"))).doesNotContain("host ");
            if (ListeningSockets.available()) {
                assertThat(ListeningSockets.of(ListeningSockets.postmasterPid(dir))).isEmpty();
            }
            assertThatThrownBy(() -> FirstAuthenticationRequest.overTcp("127.0.0.1", port, "postgres", "openita"))
                    .isInstanceOf(java.net.ConnectException.class);
        }
    }

    @Test
    void aDataFolderTooDeepForASocketGetsItsSocketInAnOwnerOnlyTemporaryFolderRemovedAtShutdown() throws Exception {
        Path deep = ServerTestSupport.freshDirectory("openita-deep-").resolve("ข้อมูลของสำนักงาน".repeat(3)).resolve("pgdata");
        assumeThat(DatabaseSocket.fits(DatabaseSocket.inDataFolder(deep), EmbeddedDatabaseLauncher.SOCKET_ONLY_PORT)).isFalse();
        Path socketDirectory;
        try (EmbeddedDatabase db = EmbeddedDatabaseLauncher.start(deep, Duration.ofSeconds(60), Duration.ofSeconds(30))) {
            socketDirectory = db.socket().directory();
            assertThat(db.socket().temporary()).isTrue();
            assertThat(socketDirectory).startsWith(Path.of(System.getProperty("java.io.tmpdir")));
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(socketDirectory)))
                    .isEqualTo("rwx------");
            assertThat(JdbcClient.create(db.superuser("openita")).sql("select current_database()").query(String.class).single())
                    .isEqualTo("openita");
            try (var c = DriverManager.getConnection(db.applicationJdbcUrl(), db.applicationUser(), db.applicationPassword())) {
                assertThat(c.isValid(5)).isTrue();
            }
        }
        assertThat(socketDirectory).doesNotExist();
    }
}
