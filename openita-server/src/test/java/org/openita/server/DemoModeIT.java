package org.openita.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.openita.core.framework.FiscalYear;
import org.openita.server.agency.AgencyCode;
import org.openita.server.identity.Role;
import org.openita.server.identity.UserAccounts;
import org.openita.server.support.ServerTestSupport;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Demo accounts exist only when demo mode is on. */
class DemoModeIT {

    @Test
    void demoModeAddsTheDemoAgencyAndAnAccountOfEachRole() throws Exception {
        try (EmbeddedPostgres db = EmbeddedPostgres.builder().setDataDirectory(ServerTestSupport.freshDirectory("openita-demo-")).start()) {
            String url = "--spring.datasource.url=" + db.getJdbcUrl("postgres", "postgres");
            try (ConfigurableApplicationContext plain = new SpringApplicationBuilder(OpenItaApplication.class)
                    .run("--server.port=0", url, "--spring.datasource.username=postgres")) {
                assertThat(plain.getBean(UserAccounts.class).find("demo-central")).isEmpty();
            }
        }
        // demo mode on a database that has never seen the application (its frameworks are registered during the same start)
        try (EmbeddedPostgres db = EmbeddedPostgres.builder().setDataDirectory(ServerTestSupport.freshDirectory("openita-demo-fresh-")).start()) {
            String url = "--spring.datasource.url=" + db.getJdbcUrl("postgres", "postgres");
            try (ConfigurableApplicationContext demo = new SpringApplicationBuilder(OpenItaApplication.class)
                    .run("--server.port=0", url, "--spring.datasource.username=postgres", "--openita.demo.enabled=true",
                            "--openita.field.contact-key=" + java.util.Base64.getEncoder().encodeToString(new byte[32]))) {
                UserAccounts accounts = demo.getBean(UserAccounts.class);
                for (Role role : Role.values()) {
                    assertThat(accounts.all()).anySatisfy(a -> {
                        assertThat(a.username()).startsWith("demo-");
                        assertThat(a.role()).isEqualTo(role);
                        assertThat(a.mustChangePassword()).isFalse();
                    });
                }
                assertThat(accounts.agencyOf("demo-agency-admin")).hasValue("DEMO-SAMDET");
                assertThat(accounts.accessOf("demo-viewer")).containsExactly("DEMO-SAMDET");
                // the demo assessor reviews two agencies (issue 13), assigned as the assessors page would
                assertThat(accounts.accessOf("demo-assessor")).containsExactlyInAnyOrder("DEMO-SAMDET", "DEMO-MAHACHAI");
                assertThat(demo.getBean(org.openita.server.results.OfficialResults.class).years(AgencyCode.of("DEMO-SAMDET"))).containsExactly(FiscalYear.of(2568), FiscalYear.of(2567));
                // made-up contacts on the demo agency's EIT part 2 list, for demo-assessor's /field (sealed: an external database needs the key set)
                assertThat(demo.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                        .sql("select count(*) from field_contact where agency_code = 'DEMO-SAMDET'").query(Integer.class).single()).isEqualTo(4);
            }
        }
    }
}
