package org.openita.server.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openita.core.framework.FrameworkLoader;
import org.openita.core.framework.ToolCode;
import org.openita.core.survey.Questionnaire;
import org.openita.server.agency.AgencyRegistry;
import org.openita.server.identity.Role;
import org.openita.server.support.ServerTestSupport;
import org.openita.server.testing.Fixtures.Person;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Load harness, not a test: run on demand with
 * {@code ./mvnw -q -pl openita-server -am verify -Dtest=SurveyProgressLoadHarness -Dsurefire.failIfNoSpecifiedTests=false -Dopenita.bench=true}
 * (add {@code -Dopenita.bench.exports=true} to time the national exports too).
 * A national registry of {@link #AGENCIES} agencies and {@link #RESPONSES} survey responses of 2568 with full answer
 * sheets of the 2568 questionnaires (written straight with SQL, for speed; a third IIT, two thirds EIT part 1, spread
 * unevenly so that some agencies are far below their minimum), then: the counting query of the progress list alone
 * ({@code EXPLAIN ANALYZE}, server-side time), and the whole request of the list's first page through the security
 * chain and the template, for each sort. Figures go to docs/benchmarks.md.
 */
class SurveyProgressLoadHarness extends ServerTestSupport {

    static final int AGENCIES = 8_317;
    static final int RESPONSES = Integer.getInteger("openita.bench.responses", 1_350_000);

    /** A jsonb expression of a full answer sheet of a part, varying with the series number {@code g}. */
    static String sheet(ToolCode tool, String part) {
        Questionnaire q = Questionnaire.of(FrameworkLoader.shipped(2568), tool, part);
        List<String> pairs = new ArrayList<>();
        int k = 0;
        for (Questionnaire.Item item : q.items()) {
            String codes = item.scale().options().stream().map(o -> "'" + o.code() + "'").collect(Collectors.joining(","));
            for (Questionnaire.Field f : item.fields()) {
                pairs.add("'" + f.answerKey() + "', (array[" + codes + "])[1 + (g + " + (k++) + ") % " + item.scale().options().size() + "]");
            }
        }
        return "jsonb_build_object(" + String.join(", ", pairs) + ")";
    }

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
        // agency of the g-th response: the square of a uniform draw, so low-numbered agencies get many and the last few
        jdbc.sql("""
                insert into survey_response (agency_code, fiscal_year, part, answered_on, answers, seconds_to_complete, identical_answers, burst)
                select ? || '-' || lpad((floor(power(((g::bigint * 7919) % 100003) / 100003.0, 1.6) * ?))::int::text, 5, '0'), 2568,
                       case when g % 3 = 0 then 'IIT' else 'EIT_PUBLIC' end, date '2025-03-01' + (g % 60),
                       case when g % 3 = 0 then {IIT} else {EIT} end,
                       case when g % 3 = 0 then null else 30 + g % 300 end, case when g % 3 = 0 then null else g % 17 = 0 end,
                       case when g % 3 = 0 then null else (g % 4)::smallint end
                from generate_series(1, ?) g""".replace("{IIT}", sheet(ToolCode.IIT, "IIT")).replace("{EIT}", sheet(ToolCode.EIT, "EIT_PUBLIC")))
                .params(prefix, AGENCIES, RESPONSES).update();
        System.out.printf("BENCH survey responses: %d in %.1f s%n", RESPONSES, (System.nanoTime() - t0) / 1e9);
        t0 = System.nanoTime();
        jdbc.sql("vacuum analyze survey_response").update();
        System.out.printf("BENCH vacuum analyze: %.1f s; table %s, indexes %s%n", (System.nanoTime() - t0) / 1e9,
                jdbc.sql("select pg_size_pretty(pg_table_size('survey_response'))").query(String.class).single(),
                jdbc.sql("select pg_size_pretty(pg_indexes_size('survey_response'))").query(String.class).single());
        Person central = fixtures.person(Role.CENTRAL_ADMIN).create();

        for (int run = 0; run < 3; run++) {
            List<String> plan = jdbc.sql("explain (analyze, buffers) select agency_code, count(*) filter (where part = 'IIT'),"
                    + " count(*) filter (where part = 'EIT_PUBLIC') from survey_response where fiscal_year = 2568 group by agency_code")
                    .query(String.class).list();
            if (run == 0) {
                plan.forEach(l -> System.out.println("BENCH plan " + l));
            } else {
                System.out.println("BENCH counting query: " + plan.get(plan.size() - 1));
            }
        }

        // the parts of one count besides the query: the registry read whole, and the Thai collation keys of the names
        for (int run = 0; run < 3; run++) {
            long s = System.nanoTime();
            List<org.openita.server.agency.Agency> all = registry.all();
            long read = System.nanoTime();
            java.text.Collator thai = java.text.Collator.getInstance(java.util.Locale.forLanguageTag("th-TH"));
            all.forEach(a -> thai.getCollationKey(a.nameTh()));
            System.out.printf("BENCH registry.all(): %d agencies in %.0f ms; collation keys %.0f ms%n", all.size(), (read - s) / 1e6,
                    (System.nanoTime() - read) / 1e6);
        }

        // the home page of the same person, as a floor: what any signed-in page costs on this machine at this moment
        List<String> pages = new ArrayList<>(List.of("/"));
        for (String sort : List.of("shortfall", "name", "iit", "eit", "iit-short", "eit-short")) {
            pages.add("/surveys?year=2568&sort=" + sort);
        }
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (String path : pages) {
            List<Double> ms = new ArrayList<>();
            List<Double> cpu = new ArrayList<>();
            int bytes = 0;
            for (int run = 0; run < 8; run++) {
                long c = threads.getCurrentThreadCpuTime();
                long s = System.nanoTime();
                MvcResult r = mvc.perform(get(path).with(central.signedIn())).andReturn();
                ms.add((System.nanoTime() - s) / 1e6);
                cpu.add((threads.getCurrentThreadCpuTime() - c) / 1e6);
                assertThat(r.getResponse().getStatus()).isEqualTo(200);
                bytes = r.getResponse().getContentAsByteArray().length;
            }
            List<Double> warm = new ArrayList<>(ms.subList(1, ms.size()));
            List<Double> warmCpu = new ArrayList<>(cpu.subList(1, cpu.size()));
            Collections.sort(warm);
            Collections.sort(warmCpu);
            System.out.printf("BENCH %s: first %.0f ms (CPU %.0f ms), warm median %.0f ms (max %.0f), warm CPU median %.0f ms, page %d KB%n",
                    path, ms.get(0), cpu.get(0), warm.get(warm.size() / 2), warm.get(warm.size() - 1), warmCpu.get(warmCpu.size() / 2),
                    bytes / 1024);
        }
        if (!Boolean.getBoolean("openita.bench.exports")) {
            return;
        }
        for (String format : List.of("csv", "xlsx")) {
            long[] size = new long[1];
            long s = System.nanoTime();
            double heap = NationalImportLoadHarness.peakHeapMb(() -> {
                MvcResult r = mvc.perform(get("/surveys/2568/eit." + format).with(central.signedIn())).andReturn();
                r.getAsyncResult(1_800_000); // a national file takes longer than MockMvc's default ten seconds on a busy machine
                size[0] = mvc.perform(asyncDispatch(r)).andReturn().getResponse().getContentAsByteArray().length;
            });
            System.out.printf("BENCH national EIT export %s: %.1f MB in %.1f s, heap peak above base %.0f MB (MockMvc holds the body)%n",
                    format, size[0] / 1e6, (System.nanoTime() - s) / 1e9, heap);
        }
    }
}
