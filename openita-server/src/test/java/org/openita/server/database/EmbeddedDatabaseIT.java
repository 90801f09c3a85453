package org.openita.server.database;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openita.server.support.ServerTestSupport;

/** The embedded PostgreSQL runs durably, on PostgreSQL 18, with the migrations applied. */
class EmbeddedDatabaseIT extends ServerTestSupport {


    private String show(String setting) {
        return jdbc.sql("show " + setting).query(String.class).single();
    }

    @Test
    void durabilityIsOn() {
        assertThat(show("fsync")).isEqualTo("on");
        assertThat(show("synchronous_commit")).isEqualTo("on");
        assertThat(show("full_page_writes")).isEqualTo("on");
    }

    @Test
    void runsPostgresEighteenWithUtf8() {
        assertThat(show("server_version")).startsWith("18.");
        assertThat(show("server_encoding")).isEqualTo("UTF8");
        assertThat(jdbc.sql("select 'ผู้ใหญ่ น้ำ ที่'").query(String.class).single()).isEqualTo("ผู้ใหญ่ น้ำ ที่");
    }

    @Test
    void migrationsAreApplied() {
        assertThat(jdbc.sql("select version from flyway_schema_history where success order by installed_rank").query(String.class).list())
                .contains("1");
    }
}
