package org.openita.server.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openita.server.agency.AgencyRegistry;
import org.openita.server.identity.Role;
import org.openita.server.support.ServerTestSupport;
import org.openita.server.testing.Fixtures.Person;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Load harness, not a test: run on demand with
 * {@code ./mvnw -q -pl openita-server -am verify -Dtest=SurveyProgressLoadHarness -Dsurefire.failIfNoSpecifiedTests=false -Dopenita.bench=true}.
 * A national registry of 8,317 agencies and {@link #RESPONSES} survey responses of 2568 (written straight with SQL,
 * for speed), then the central progress list (first page, each sort) and the national EIT part-1 export, timed, with
 * the heap in use sampled while the export runs. Figures go to docs/benchmarks.md.
 */
class SurveyProgressLoadHarness extends ServerTestSupport {

    static final int AGENCIES = 8_317;
    static final int RESPONSES = 300_000;

    @Test
    void aNationalYear() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("openita.bench"), "load harness: run with -Dopenita.bench=true");
        String prefix = org.openita.server.testing.Fixtures.unique("SP");
        StringBuilder reg = new StringBuilder("รหัสหน่วยงาน,ชื่อหน่วยงาน,ประเภทหน่วยงาน,อำเภอ,จังหวัด,จำนวนบุคลากร\n");
        for (int i = 0; i < AGENCIES; i++) {
            reg.append(String.format("%s-%05d,องค์การบริหารส่วนตำบลทดสอบที่ %d,อบต.,อำเภอ%d,จังหวัด%d,%d%n", prefix, i, i, i % 900, i % 77, 5 + i % 400));
        }
        registry.importFile("bench", "bench.csv", new ByteArrayInputStream(reg.toString().getBytes(StandardCharsets.UTF_8)),
                AgencyRegistry.Mode.ALL_OR_NOTHING);
        long t0 = System.nanoTime();
        jdbc.sql("""
                insert into survey_response (agency_code, fiscal_year, part, answered_on, answers, seconds_to_complete, identical_answers, burst)
                select ? || '-' || lpad(((g::bigint * 7919) % ?)::text, 5, '0'), 2568, case when g % 3 = 0 then 'IIT' else 'EIT_PUBLIC' end,
                       date '2025-03-01' + (g % 60),
                       jsonb_build_object('e1', (g % 6 + 1)::text, 'e2', (g % 5 + 1)::text, 'e3', (g % 4 + 1)::text, 'e4', '6', 'e5', '1'),
                       case when g % 3 = 0 then null else 30 + g % 300 end, case when g % 3 = 0 then null else g % 17 = 0 end,
                       case when g % 3 = 0 then null else (g % 4)::smallint end
                from generate_series(1, ?) g""").params(prefix, AGENCIES, RESPONSES).update();
        System.out.printf("BENCH survey responses: %d in %.1f s%n", RESPONSES, (System.nanoTime() - t0) / 1e9);
        Person central = fixtures.person(Role.CENTRAL_ADMIN).create();

        for (String sort : List.of("shortfall", "name", "iit", "eit")) {
            List<Double> ms = new ArrayList<>();
            int bytes = 0;
            for (int run = 0; run < 6; run++) {
                long s = System.nanoTime();
                MvcResult r = mvc.perform(get("/surveys?year=2568&sort=" + sort).with(central.signedIn())).andReturn();
                ms.add((System.nanoTime() - s) / 1e6);
                assertThat(r.getResponse().getStatus()).isEqualTo(200);
                bytes = r.getResponse().getContentAsByteArray().length;
            }
            List<Double> warm = new ArrayList<>(ms.subList(1, ms.size()));
            Collections.sort(warm);
            System.out.printf("BENCH /surveys sort=%s: first %.0f ms, warm median %.0f ms (max %.0f), page %d KB%n", sort, ms.get(0),
                    warm.get(warm.size() / 2), warm.get(warm.size() - 1), bytes / 1024);
        }
        for (String format : List.of("csv", "xlsx")) {
            long[] size = new long[1];
            long s = System.nanoTime();
            double heap = NationalImportLoadHarness.peakHeapMb(() -> {
                MvcResult r = mvc.perform(get("/surveys/2568/eit." + format).with(central.signedIn())).andReturn();
                r.getAsyncResult(600_000); // a national file takes longer than MockMvc's default ten seconds on a busy machine
                size[0] = mvc.perform(asyncDispatch(r)).andReturn().getResponse().getContentAsByteArray().length;
            });
            System.out.printf("BENCH national EIT export %s: %.1f MB in %.1f s, heap peak above base %.0f MB (MockMvc holds the body)%n",
                    format, size[0] / 1e6, (System.nanoTime() - s) / 1e9, heap);
        }
    }
}
