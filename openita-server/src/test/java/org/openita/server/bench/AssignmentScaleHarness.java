package org.openita.server.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openita.server.agency.AgencyRegistry;
import org.openita.server.identity.Role;
import org.openita.server.support.ServerTestSupport;
import org.openita.server.testing.Fixtures;
import org.springframework.mock.web.MockMultipartFile;

/**
 * Load harness, not a test: run on demand with
 * {@code ./mvnw -q -pl openita-server -am verify -Dtest=AssignmentScaleHarness -Dsurefire.failIfNoSpecifiedTests=false -Dopenita.bench=true}.
 * A national year's assignments: 8,317 agencies shared among 300 assessors, imported as one CSV through the page
 * (timed, then again to time the idempotent second run), and the assessors page and one assessor's page timed and
 * weighed. Figures go to docs/benchmarks.md.
 */
@EnabledIfSystemProperty(named = "openita.bench", matches = "true")
class AssignmentScaleHarness extends ServerTestSupport {

    static final int AGENCIES = 8_317;
    static final int ASSESSORS = 300;

    @Test
    void aNationalYearOfAssignments() throws Exception {
        String prefix = Fixtures.unique("AS");
        StringBuilder registryCsv = new StringBuilder("รหัสหน่วยงาน,ชื่อหน่วยงาน,ประเภทหน่วยงาน\n");
        for (int i = 0; i < AGENCIES; i++) {
            registryCsv.append(prefix).append('-').append(i).append(",องค์การบริหารส่วนตำบลทดสอบ ").append(i).append(",อบต.\n");
        }
        var report = registry.importFile("bench", "bench.csv", new ByteArrayInputStream(registryCsv.toString().getBytes(StandardCharsets.UTF_8)),
                AgencyRegistry.Mode.ALL_OR_NOTHING);
        assertThat(report.applied()).isTrue();
        String[] assessors = new String[ASSESSORS];
        for (int i = 0; i < ASSESSORS; i++) {
            assessors[i] = (prefix + "-a" + i).toLowerCase();
            jdbc.sql("insert into app_user (username, display_name, password_hash, role) values (?, ?, 'x', 'ASSESSOR')")
                    .params(assessors[i], "ผู้ประเมิน " + i).update();
        }
        StringBuilder csv = new StringBuilder("รหัสหน่วยงาน,บัญชีผู้ประเมิน\n");
        for (int i = 0; i < AGENCIES; i++) {
            csv.append(prefix).append('-').append(i).append(',').append(assessors[i % ASSESSORS]).append('\n');
        }
        byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);
        var central = fixtures.person(Role.CENTRAL_ADMIN).create();
        for (int run = 1; run <= 2; run++) {
            long t0 = System.nanoTime();
            var r = mvc.perform(multipart("/surveys/assessors/import").file(new MockMultipartFile("file", "national.csv", "text/csv", file))
                    .with(central.signedIn()).with(csrf())).andReturn().getResponse();
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertThat(r.getStatus()).isEqualTo(200);
            System.out.printf("BENCH import run %d: %d rows, %d bytes, %d ms: %s%n", run, AGENCIES, file.length, ms,
                    r.getContentAsString(StandardCharsets.UTF_8).replaceAll("(?s).*data-testid=\"import-summary\"[^>]*>([^<]*)<.*", "$1"));
        }
        for (String path : new String[] {"/surveys/assessors", "/surveys/assessors?page=15", "/surveys/assessors?of=" + assessors[7]}) {
            mvc.perform(get(path).with(central.signedIn())).andReturn();
            long t0 = System.nanoTime();
            var r = mvc.perform(get(path).with(central.signedIn())).andReturn().getResponse();
            long ms = (System.nanoTime() - t0) / 1_000_000;
            System.out.printf("BENCH GET %s: %d, %d bytes, %d ms%n", path, r.getStatus(), r.getContentAsByteArray().length, ms);
        }
    }
}
