package org.openita.server.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openita.server.OpenItaApplication;
import org.openita.server.database.internal.EmbeddedDatabase;
import org.openita.server.support.ServerTestSupport;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Data outlives the process; an external PostgreSQL gets the same migrations. */
class RestartAndExternalDatabaseIT {

    private static ConfigurableApplicationContext start(String... properties) {
        String[] args = new String[properties.length + 1];
        args[0] = "--server.port=0";
        for (int i = 0; i < properties.length; i++) {
            args[i + 1] = "--" + properties[i];
        }
        return new SpringApplicationBuilder(OpenItaApplication.class).run(args);
    }

    @Test
    void dataIsKeptInTheDataDirectoryAcrossRestarts() {
        Path dir = ServerTestSupport.freshDirectory("openita-restart-").resolve("pgdata");
        String property = "openita.embedded-db.data-directory=" + dir;
        try (ConfigurableApplicationContext first = start(property)) {
            first.getBean(JdbcClient.class).sql("create table kept (v text)").update();
            first.getBean(JdbcClient.class).sql("insert into kept values ('ก่อนปิด')").update();
        }
        try (ConfigurableApplicationContext second = start(property)) {
            JdbcClient jdbc = second.getBean(JdbcClient.class);
            assertThat(jdbc.sql("select v from kept").query(String.class).single()).isEqualTo("ก่อนปิด");
            assertThat(jdbc.sql("select count(*) from framework_definition").query(Long.class).single())
                    .isEqualTo(org.openita.core.framework.FrameworkLoader.shippedYears().size());
        }
    }

    @Test
    void anExternalDatabaseIsUsedWhenConfiguredAndMigratedTheSameWay() throws Exception {
        try (EmbeddedPostgres external = EmbeddedPostgres.builder()
                .setDataDirectory(ServerTestSupport.freshDirectory("openita-external-")).start()) {
            String url = external.getJdbcUrl("postgres", "postgres");
            try (ConfigurableApplicationContext app = start("spring.datasource.url=" + url,
                    "spring.datasource.username=postgres", "spring.datasource.password=")) {
                assertThat(app.getBeanNamesForType(EmbeddedDatabase.class)).isEmpty();
            }
            try (var c = external.getPostgresDatabase().getConnection(); var st = c.createStatement();
                 var rs = st.executeQuery("select count(*) from framework_definition where active")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(org.openita.core.framework.FrameworkLoader.shippedYears().size());
            }
        }
    }
}
