package org.openita.server.database.internal;

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
import org.openita.server.database.EmbeddedDatabaseProperties;
import org.openita.server.database.OwnerOnlyFiles;
import org.openita.server.support.ServerTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Only OpenITA can open its embedded database: it listens on no TCP port, only on a Unix socket kept owner-only in
 * the data folder, which the application uses too; every connection needs a password (SCRAM-SHA-256); another OS
 * account can neither open the socket nor read the passwords; and the application runs as a role that owns its
 * database but cannot run programs or read files. With a TCP port configured: {@link EmbeddedDatabaseTcpIT}.
 */
class EmbeddedDatabaseAccessIT extends ServerTestSupport {


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
    void theServerListensOnNoTcpPortOnlyOnItsSocket() throws Exception {
        assertThat(superuserShow("listen_addresses")).isEmpty();
        assertThat(db.tcpPort()).isEmpty();
        assumeThat(ListeningSockets.available()).as("Linux /proc/net/tcp").isTrue();
        long postmaster = ListeningSockets.postmasterPid(dataDirectory());
        assertThat(ProcessHandle.of(postmaster)).get().satisfies(p -> assertThat(p.isAlive()).isTrue());
        assertThat(ListeningSockets.of(postmaster)).isEmpty();
    }

    @Test
    void theApplicationItselfConnectsOverTheSocket() {
        assertThat(jdbc.sql("select inet_server_addr() is null and inet_client_addr() is null").query(Boolean.class).single())
                .as("both ends of a Unix-socket connection have no IP address").isTrue();
        assertThat(db.applicationJdbcUrl()).contains("socketFactory=");
    }

    @Test
    void withoutThePasswordTheServerAsksForOneOverTheSocket() throws Exception {
        for (String user : List.of("postgres", "openita")) {
            assertThat(FirstAuthenticationRequest.overSocket(db.socketFile(), user, "openita")).isEqualTo("AuthenticationSASL SCRAM-SHA-256");
        }
    }

    @Test
    void aConnectionWithoutTheRightPasswordIsRefused() {
        String url = db.applicationJdbcUrl();
        assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "")).isInstanceOf(SQLException.class)
                .hasMessageContaining("password");
        assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "postgres")).isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("28P01"));
    }

    @Test
    void anotherOsAccountOnTheMachineCannotOpenTheSocketNorReadThePasswords() throws Exception {
        assumeThat(SecondAccountProbe.possible()).as("running as root on Linux, with setpriv").isTrue();
        List<String> seen = SecondAccountProbe.run(db.socketFile(), dataDirectory().resolve(DatabaseCredentials.FILE_NAME),
                dataDirectory());
        assertThat(seen).as(String.join("\n", seen))
                .contains("uid " + SecondAccountProbe.ACCOUNT)
                .anyMatch(l -> l.startsWith("socket refused: ") && l.contains("Permission denied"))
                .anyMatch(l -> l.startsWith("credentials refused: ") && l.contains("AccessDenied"))
                .anyMatch(l -> l.startsWith("data folder refused: ") && l.contains("AccessDenied"))
                .noneMatch(l -> l.contains("CONNECTED") || l.contains("READ") || l.contains("LISTED"));
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

        Path socketDirectory = db.socket().directory();
        assertThat(db.socket().temporary()).isFalse();
        assertThat(socketDirectory.getParent()).isEqualTo(dataDirectory().toAbsolutePath());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socketDirectory))).isEqualTo("rwx------");
        assertThat(db.socketFile()).exists().hasParent(socketDirectory);
        assertThat(Path.of("/tmp/.s.PGSQL." + db.port())).doesNotExist();
        assertThat(superuserShow("unix_socket_permissions")).isEqualTo("0700");
    }

    private String superuserShow(String setting) {
        return JdbcClient.create(db.superuser("postgres")).sql("show " + setting).query(String.class).single();
    }

    static String sqlState(Throwable e) {
        Throwable cause = NestedExceptionUtils.getMostSpecificCause(e);
        return cause instanceof SQLException sql ? sql.getSQLState() : null;
    }
}
