package org.openita.server.database.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.openita.server.OpenItaApplication;
import org.openita.server.support.ServerTestSupport;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A data folder made by an OpenITA from before passwords (zonky's defaults: {@code trust} for everyone, the
 * superuser {@code postgres} owning the database and all in it) is upgraded in place on the first start: the
 * data stays, the application role takes it over, and the next start changes nothing.
 */
class OldDataFolderUpgradeIT {

    private static ConfigurableApplicationContext start(Path dataDirectory) {
        return new SpringApplicationBuilder(OpenItaApplication.class)
                .run("--server.port=0", "--openita.embedded-db.data-directory=" + dataDirectory);
    }

    /** The folder as the earlier EmbeddedDatabaseConfiguration left it, with its migrations and a row of data. */
    private static void createTheOldWay(Path dir) throws Exception {
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(false).start()) {
            try (Connection c = old.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
                st.execute("create database openita encoding 'UTF8' lc_collate 'C' lc_ctype 'C' template template0");
            }
            Flyway.configure().dataSource(old.getDatabase("postgres", "openita")).locations("classpath:db/migration").load().migrate();
            try (Connection c = old.getDatabase("postgres", "openita").getConnection(); Statement st = c.createStatement()) {
                st.execute("create table kept (id serial primary key, v text)");
                st.execute("insert into kept (v) values ('บันทึกก่อนอัปเกรด')");
                st.execute("create view kept_view as select v from kept");
            }
        }
        assertThat(Files.readString(dir.resolve("pg_hba.conf"))).contains("trust");
    }

    @Test
    void anOldDataFolderIsHandedToTheApplicationRoleWithItsDataAndLaterStartsChangeNothing() throws Exception {
        Path dir = ServerTestSupport.freshDirectory("openita-upgrade-").resolve("pgdata");
        createTheOldWay(dir);

        try (ConfigurableApplicationContext app = start(dir)) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            assertThat(jdbc.sql("select current_user").query(String.class).single()).isEqualTo("openita");
            assertThat(jdbc.sql("select v from kept_view").query(String.class).single()).isEqualTo("บันทึกก่อนอัปเกรด");
            jdbc.sql("insert into kept (v) values ('บันทึกหลังอัปเกรด')").update();
            assertThat(OwnedObjects.notOwnedBy(jdbc, "openita")).isEmpty();
            assertThat(OwnedObjects.ownerOf(jdbc, "flyway_schema_history")).isEqualTo("openita");
            assertThat(OwnedObjects.ownerOf(jdbc, "kept_id_seq")).isEqualTo("openita");
            assertThat(OwnedObjects.ownerOfFunction(jdbc, "audit_event_is_append_only()")).isEqualTo("openita");
            assertThat(jdbc.sql("select pg_get_userbyid(datdba) from pg_database where datname = 'openita'").query(String.class).single())
                    .isEqualTo("openita");
            assertThatThrownBy(() -> jdbc.sql("copy (select 1) to program 'true'").update())
                    .satisfies(e -> assertThat(EmbeddedDatabaseAccessIT.sqlState(e)).isEqualTo("42501"));
            EmbeddedDatabase db = app.getBean(EmbeddedDatabase.class);
            assertThat(FirstAuthenticationRequest.overSocket(db.socketFile(), "postgres", "openita"))
                    .isEqualTo("AuthenticationSASL SCRAM-SHA-256");
            if (ListeningSockets.available()) {
                assertThat(ListeningSockets.of(ListeningSockets.postmasterPid(dir))).as("no TCP port after the upgrade").isEmpty();
            }
        }
        assertThat(Files.readString(dir.resolve("pg_hba.conf"))).doesNotContain("trust");
        String credentials = Files.readString(dir.resolve(DatabaseCredentials.FILE_NAME));

        try (ConfigurableApplicationContext again = start(dir)) {
            JdbcClient jdbc = again.getBean(JdbcClient.class);
            assertThat(jdbc.sql("select v from kept order by id").query(String.class).list())
                    .containsExactly("บันทึกก่อนอัปเกรด", "บันทึกหลังอัปเกรด");
            assertThat(OwnedObjects.notOwnedBy(jdbc, "openita")).isEmpty();
        }
        assertThat(Files.readString(dir.resolve(DatabaseCredentials.FILE_NAME))).isEqualTo(credentials);
        assertThat(Files.readAllLines(dir.resolve("postgresql.conf"))).filteredOn(ServerAccess.INCLUDE_LINE::equals).hasSize(1);
    }
}
