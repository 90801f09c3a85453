package org.openita.server.database.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openita.server.support.ServerTestSupport;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The way the embedded database runs on Windows, which has no Unix sockets for it (ADR 0014), run here on Linux:
 * no socket at all, 127.0.0.1 only at a free port chosen at each start, the generated passwords in the owner-only
 * credentials file, and OpenITA connecting over that port as its unprivileged role.
 */
class EmbeddedDatabaseLoopbackIT {

    @Test
    void withoutASocketTheServerListensOnLoopbackOnlyAtAFreshPortAndAsksEveryoneForAPassword() throws Exception {
        Path dir = ServerTestSupport.freshDirectory("openita-loopback-").resolve("pgdata");
        int firstPort;
        try (EmbeddedDatabase db = EmbeddedDatabaseLauncher.start(dir, Duration.ofSeconds(60), Duration.ofSeconds(30), null, true, false)) {
            firstPort = db.tcpPort().orElseThrow();
            assertThat(db.socket()).isNull();
            assertThat(db.applicationJdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:" + firstPort + "/openita?sslmode=disable");
            JdbcClient superuser = JdbcClient.create(db.superuser("postgres"));
            assertThat(superuser.sql("show listen_addresses").query(String.class).single()).isEqualTo("127.0.0.1");
            assertThat(superuser.sql("show unix_socket_directories").query(String.class).single()).isEmpty();
            assertThat(superuser.sql("show port").query(Integer.class).single()).isEqualTo(firstPort);
            if (ListeningSockets.available()) {
                assertThat(ListeningSockets.of(ListeningSockets.postmasterPid(dir))).containsExactly("127.0.0.1:" + firstPort);
            }
            assertThat(dir.resolve(DatabaseSocket.FOLDER)).doesNotExist();
            String hba = Files.readString(dir.resolve("pg_hba.conf"));
            assertThat(hba).contains("host    all       all   127.0.0.1/32  scram-sha-256").doesNotContain("local ").doesNotContain("trust");

            for (String user : List.of("postgres", "openita")) {
                assertThat(FirstAuthenticationRequest.overTcp("127.0.0.1", firstPort, user, "openita"))
                        .isEqualTo("AuthenticationSASL SCRAM-SHA-256");
            }
            assertThatThrownBy(() -> DriverManager.getConnection(db.applicationJdbcUrl(), "openita", "openita"))
                    .isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("28P01"));
            try (var c = DriverManager.getConnection(db.applicationJdbcUrl(), db.applicationUser(), db.applicationPassword());
                 var rs = c.createStatement().executeQuery("select current_user, inet_server_addr()::text,"
                         + " (select rolsuper from pg_roles where rolname = current_user)")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("openita");
                assertThat(rs.getString(2)).isEqualTo("127.0.0.1/32");
                assertThat(rs.getBoolean(3)).isFalse();
            }
            Path credentials = DatabaseCredentials.file(dir);
            assertThat(Files.readString(credentials)).contains(db.applicationPassword());
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(credentials))).isEqualTo("rw-------");
        }

        // the next start picks a free port again, with the same passwords, and the data is still there
        try (EmbeddedDatabase db = EmbeddedDatabaseLauncher.start(dir, Duration.ofSeconds(60), Duration.ofSeconds(30), null, true, false);
             var c = DriverManager.getConnection(db.applicationJdbcUrl(), db.applicationUser(), db.applicationPassword())) {
            assertThat(db.tcpPort()).isPresent();
            assertThat(c.isValid(5)).isTrue();
        }
        assertThatThrownBy(() -> FirstAuthenticationRequest.overTcp("127.0.0.1", firstPort, "postgres", "openita"))
                .isInstanceOf(java.net.ConnectException.class);
    }
}
