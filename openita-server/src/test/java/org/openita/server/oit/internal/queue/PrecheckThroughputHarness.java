package org.openita.server.oit.internal.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openita.core.framework.FiscalYear;
import org.openita.server.agency.AgencyCode;
import org.openita.server.framework.FrameworkCatalog;
import org.openita.server.oit.internal.fetch.FetchProperties;
import org.openita.server.oit.internal.fetch.Fetched;
import org.openita.server.oit.internal.fetch.HostResolver;
import org.openita.server.oit.internal.fetch.SafeFetcher;
import org.openita.server.oit.internal.fetch.LinkFetcher;
import org.openita.server.oit.internal.fetch.Prechecker;
import org.openita.server.support.ServerTestSupport;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Load harness, not a test: run on demand with
 * {@code ./mvnw -q -pl openita-server -am verify -Dtest=PrecheckThroughputHarness -Dsurefire.failIfNoSpecifiedTests=false -Dopenita.bench=true}
 * (options: {@code -Doit.bench.links=1000 -Doit.bench.threads=4 -Doit.bench.scenarios=500:0,500:1000} (hosts:delay in ms); the
 * delay is the real fetcher's per-host politeness, {@code openita.oit.fetch.per-host-delay}).
 * Queues N links spread over many hosts (127.0.0.1 ... 127.0.1.244: each a loopback address of its own, all reaching one local test site serving
 * Thai HTML pages of 100-300 KB and some PDFs), runs one process's workers until the queue is empty, and prints links
 * per second, the fetch time at p50 and p95, and the database size per 1,000 snapshots. Figures go to docs/benchmarks.md.
 */
@EnabledIfSystemProperty(named = "openita.bench", matches = "true")
class PrecheckThroughputHarness extends ServerTestSupport {

    @Autowired
    FetchJobs jobs;
    @Autowired
    CheckRecorder recorder;
    @Autowired
    Prechecker prechecker;
    @Autowired
    FrameworkCatalog frameworks;
    @Autowired
    QueueProperties settings;
    @Autowired
    LinkChecks checks;

    @Test
    void throughputOverManyHostsOfALocalSite() throws Exception {
        int links = Integer.getInteger("oit.bench.links", 1000);
        int threads = Integer.getInteger("oit.bench.threads", settings.threads());
        // hosts:delay-ms, comma-separated, e.g. 500:0,500:1000,50:1000
        String scenarios = System.getProperty("oit.bench.scenarios",
                Integer.getInteger("oit.bench.hosts", 500) + ":" + Long.getLong("oit.bench.host-delay-ms", 0));
        for (String scenario : scenarios.split(",")) {
            String[] hd = scenario.split(":");
            run(links, Integer.parseInt(hd[0].trim()), threads, Long.parseLong(hd[1].trim()));
        }
    }

    /** The h-th host: a loopback address of its own (127.0.0.1, 127.0.0.2, ... 127.0.1.1, ...). */
    static String host(int h) {
        return "127.0." + (h / 250) + "." + (h % 250 + 1);
    }

    void run(int links, int hosts, int threads, long hostDelayMs) throws Exception {
        try (TestSite site = new TestSite(true)) {
            // the real fetcher, trusting hosts 127.0.0.1 ... (one loopback address per host, all reaching the site; its test
            // allow-list), with the per-host politeness of the scenario
            List<String> allow = new ArrayList<>();
            for (int h = 0; h < hosts; h++) {
                allow.add(host(h) + ":" + site.port());
            }
            SafeFetcher fetcher = new SafeFetcher(FetchProperties.defaults().withAllowHosts(allow)
                    .withPoliteness(FetchProperties.defaults().perHostRequests(), Duration.ofMillis(hostDelayMs)), HostResolver.SYSTEM);
            List<Long> took = Collections.synchronizedList(new ArrayList<>());
            LinkFetcher timed = link -> {
                Fetched f = fetcher.fetch(link);
                took.add(f.took().toNanos());
                return f;
            };
            JobRunner runner = new JobRunner(jobs, recorder, timed, prechecker, registry, frameworks, settings);

            FiscalYear year = fixtures.cycleCalendar().year();
            fixtures.activeFramework(year, 2570);
            List<String> agencies = new ArrayList<>();
            int perAgency = 26;
            for (int i = 0; i * perAgency < links; i++) {
                agencies.add(fixtures.agency().create().code().value());
            }
            long snapshotsBefore = jdbc.sql("select count(*) from oit_snapshot").query(Long.class).single();
            long bytesBefore = jdbc.sql("select pg_total_relation_size('oit_snapshot') + pg_total_relation_size('oit_link_check')")
                    .query(Long.class).single();
            for (int i = 0; i < links; i++) {
                String host = host(i % hosts) + ":" + site.port();
                String path = i % 7 == 0 ? "/doc-" + i + ".pdf" : "/page-" + i + ".html";
                checks.enqueue(AgencyCode.of(agencies.get(i / perAgency)), year, "o1", List.of(URI.create("http://" + host + path)),
                        LinkChecks.Reason.SAVED);
            }

            QueueWorker worker = new QueueWorker(jobs, runner, settings.withThreads(threads).withIdlePoll(Duration.ofMillis(50)),
                    "harness", agencies);
            Instant t0 = Instant.now();
            worker.start();
            try {
                while (jdbc.sql("select count(*) from oit_fetch_job where agency_code = any(?) and state in ('QUEUED', 'RUNNING')")
                        .param(agencies.toArray(new String[0])).query(Long.class).single() > 0) {
                    Thread.sleep(50);
                }
            } finally {
                worker.stop();
            }
            double seconds = Duration.between(t0, Instant.now()).toMillis() / 1000.0;
            long done = jdbc.sql("select count(*) from oit_link_check where agency_code = any(?) and outcome = 'OK'")
                    .param(agencies.toArray(new String[0])).query(Long.class).single();
            assertThat(done).isEqualTo(links);
            long snapshots = jdbc.sql("select count(*) from oit_snapshot").query(Long.class).single() - snapshotsBefore;
            long bytes = jdbc.sql("select pg_total_relation_size('oit_snapshot') + pg_total_relation_size('oit_link_check')")
                    .query(Long.class).single() - bytesBefore;
            long bodyBytes = jdbc.sql("select coalesce(sum(s.size), 0) from oit_snapshot s where s.id in"
                    + " (select snapshot_id from oit_link_check where agency_code = any(?))").param(agencies.toArray(new String[0]))
                    .query(Long.class).single();
            List<Long> sorted = new ArrayList<>(took);
            Collections.sort(sorted);
            System.out.printf("BENCH oit queue: %d links over %d hosts, %d threads, host delay %d ms: %.1f s, %.1f links/s;"
                            + " fetch p50 %.1f ms, p95 %.1f ms; %d snapshots, %.1f MB of bodies, database %.1f MB per 1,000 snapshots%n",
                    links, hosts, threads, hostDelayMs, seconds, links / seconds, sorted.get(sorted.size() / 2) / 1e6,
                    sorted.get((int) (sorted.size() * 0.95)) / 1e6, snapshots, bodyBytes / 1e6, bytes / 1e6 * 1000 / snapshots);
            fetcher.destroy();
        }
    }
}
