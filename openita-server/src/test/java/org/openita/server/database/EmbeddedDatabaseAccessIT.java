package org.openita.server.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openita.server.support.ServerTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Only OpenITA can open its embedded database: every connection needs a password (SCRAM-SHA-256), over TCP
 * on 127.0.0.1 and over the Unix socket alike; the socket and the passwords are kept owner-only in the data
 * folder; and the application runs as a role that owns its database but cannot run programs or read files.
 */
class EmbeddedDatabaseAccessIT extends ServerTestSupport {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EmbeddedDatabase db;

    @Autowired
    EmbeddedDatabaseProperties props;

    private Path dataDirectory() {
        return props.dataDirectory();
    }

    @Test
    void pgHbaConfAsksEveryoneForAPasswordAndTrustsNoOne() throws Exception {
        List<String> rules = Files.readAllLines(dataDirectory().resolve("pg_hba.conf")).stream()
                .map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        assertThat(rules).isNotEmpty().noneMatch(l -> l.contains("trust")).allMatch(l -> l.endsWith("scram-sha-256"));
        assertThat(rules).noneMatch(l -> l.startsWith("host") && !l.contains("127.0.0.1/32"));
    }

    @Test
    void withoutThePasswordTheServerAsksForOneOverTcpAndOverTheSocket() throws Exception {
        for (String user : List.of("postgres", "openita")) {
            assertThat(FirstAuthenticationRequest.overTcp("127.0.0.1", db.port(), user, "openita"))
                    .isEqualTo("AuthenticationSASL SCRAM-SHA-256");
        }
        assumeThat(db.socketDirectory()).as("a Unix socket (not on Windows)").isPresent();
        Path socket = db.socketDirectory().get().resolve(".s.PGSQL." + db.port());
        for (String user : List.of("postgres", "openita")) {
            assertThat(FirstAuthenticationRequest.overSocket(socket, user, "openita")).isEqualTo("AuthenticationSASL SCRAM-SHA-256");
        }
    }

    @Test
    void aConnectionWithoutTheRightPasswordIsRefused() {
        String url = "jdbc:postgresql://127.0.0.1:" + db.port() + "/openita";
        assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "")).isInstanceOf(SQLException.class)
                .hasMessageContaining("password");
        assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "postgres")).isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("28P01"));
    }

    @Test
    void theApplicationRunsAsARoleThatIsNoSuperuserAndCannotRunPrograms() {
        assertThat(jdbc.sql("select current_user").query(String.class).single()).isEqualTo("openita");
        assertThat(jdbc.sql("select rolsuper or rolcreaterole or rolcreatedb or rolreplication or rolbypassrls from pg_roles"
                + " where rolname = current_user").query(Boolean.class).single()).isFalse();
        assertThat(jdbc.sql("select pg_has_role('pg_execute_server_program', 'member') or pg_has_role('pg_read_server_files', 'member')"
                + " or pg_has_role('pg_write_server_files', 'member')").query(Boolean.class).single()).isFalse();
        assertThatThrownBy(() -> jdbc.sql("copy (select 1) to program 'true'").update())
                .satisfies(e -> assertThat(sqlState(e)).isEqualTo("42501")) // insufficient_privilege
                .satisfies(e -> assertThat(NestedExceptionUtils.getMostSpecificCause(e)).hasMessageContaining("pg_execute_server_program"));
        assertThatThrownBy(() -> jdbc.sql("create role intruder superuser").update())
                .satisfies(e -> assertThat(sqlState(e)).isEqualTo("42501"));
    }

    @Test
    void theApplicationRoleOwnsItsDatabaseAndEverythingInIt() {
        assertThat(jdbc.sql("select pg_get_userbyid(datdba) from pg_database where datname = current_database()").query(String.class)
                .single()).isEqualTo("openita");
        assertThat(OwnedObjects.notOwnedBy(jdbc, "openita")).isEmpty();
        assertThat(OwnedObjects.ownerOf(jdbc, "flyway_schema_history")).isEqualTo("openita");
        assertThat(OwnedObjects.ownerOfFunction(jdbc, "audit_event_is_append_only()")).isEqualTo("openita");
    }

    @Test
    void thePasswordsAndTheSocketAreKeptOwnerOnlyInTheDataFolder() throws Exception {
        Path credentials = dataDirectory().resolve(DatabaseCredentials.FILE_NAME);
        assertThat(credentials).exists();
        assertThat(Files.readString(credentials)).contains("openita.password=" + db.applicationPassword());
        assumeThat(OwnerOnlyFiles.isPosix(credentials)).as("POSIX permissions").isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(credentials))).isEqualTo("rw-------");

        Path socketDirectory = db.socketDirectory().orElseThrow();
        assertThat(socketDirectory.getParent()).isEqualTo(dataDirectory().toAbsolutePath());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socketDirectory))).isEqualTo("rwx------");
        assertThat(socketDirectory.resolve(".s.PGSQL." + db.port())).exists();
        assertThat(Path.of("/tmp/.s.PGSQL." + db.port())).doesNotExist();
        assertThat(superuserShow("unix_socket_permissions")).isEqualTo("0700");
        assertThat(superuserShow("listen_addresses")).isEqualTo("127.0.0.1");
    }

    private String superuserShow(String setting) {
        return JdbcClient.create(db.superuser("postgres")).sql("show " + setting).query(String.class).single();
    }

    static String sqlState(Throwable e) {
        Throwable cause = NestedExceptionUtils.getMostSpecificCause(e);
        return cause instanceof SQLException sql ? sql.getSQLState() : null;
    }
}
