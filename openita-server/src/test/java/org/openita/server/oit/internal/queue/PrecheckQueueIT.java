package org.openita.server.oit.internal.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openita.core.framework.FiscalYear;
import org.openita.server.agency.AgencyCode;
import org.openita.server.framework.FrameworkCatalog;
import org.openita.server.oit.internal.fetch.FetchProperties;
import org.openita.server.oit.internal.fetch.HostResolver;
import org.openita.server.oit.internal.fetch.Prechecker;
import org.openita.server.oit.internal.fetch.SafeFetcher;
import org.openita.server.support.ServerTestSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The pre-check queue on the real database, fetching a real local website: checks and snapshots stored, submissions
 * recorded, each job done once by two processes, leases taken over, retries with backoff.
 */
class PrecheckQueueIT extends ServerTestSupport {

    static final String ITEM = "o1";

    @Autowired
    LinkChecks checks;
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
    TransactionTemplate tx;

    TestSite site;
    int closedPort;
    SafeFetcher fetcher;
    JobRunner runner;
    AgencyCode agency;
    FiscalYear year;

    /**
     * The real fetcher, told to trust the local test site and a closed port on this machine (its test allow-list), with
     * no per-host delay (every link here is on one host); the real pre-check.
     */
    static FiscalYear classYear;

    @BeforeEach
    void aSiteAnAgencyAndAYear() {
        site = new TestSite();
        closedPort = TestSite.closedPort();
        fetcher = new SafeFetcher(FetchProperties.defaults().withAllowHosts(List.of("127.0.0.1:" + site.port(), "127.0.0.1:" + closedPort))
                .withPoliteness(8, Duration.ZERO), HostResolver.SYSTEM);
        runner = new JobRunner(jobs, recorder, fetcher, prechecker, registry, frameworks, settings);
        agency = fixtures.agency().create().code();
        // one year for the class, each test with its own agency: the suite's calendar years are few (Fixtures)
        if (classYear == null) {
            classYear = fixtures.cycleCalendar().year();
            fixtures.activeFramework(classYear, 2570);
        }
        year = classYear;
    }

    @AfterEach
    void closeSite() throws Exception {
        fetcher.destroy();
        site.close();
    }

    /** Runs this test's due jobs as {@code processId} until none is left; how each ended. */
    List<JobRunner.Result> drain(String processId) {
        List<JobRunner.Result> results = new ArrayList<>();
        for (List<FetchJob> claimed = claim(processId); !claimed.isEmpty(); claimed = claim(processId)) {
            claimed.forEach(j -> results.add(runner.run(j, processId)));
        }
        return results;
    }

    List<FetchJob> claim(String processId) {
        return jobs.claim(processId, 4, Duration.ofMinutes(10), List.of(agency.value()));
    }

    void enqueue(LinkChecks.Reason reason, String... paths) {
        List<URI> links = new ArrayList<>();
        for (String p : paths) {
            links.add(URI.create(p.startsWith("http") ? p : site.url(p)));
        }
        checks.enqueue(agency, year, ITEM, links, reason);
    }

    long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    @Test
    void aQueuedLinkIsFetchedReadAndStoredWithItsSnapshot() {
        enqueue(LinkChecks.Reason.SAVED, "/structure.html", "/plan.pdf");
        assertThat(checks.pending(agency, year, ITEM)).containsExactlyInAnyOrder(site.url("/structure.html"), site.url("/plan.pdf"));
        assertThat(checks.latest(agency, year, ITEM)).isEmpty();

        assertThat(drain("p1")).containsOnly(JobRunner.Result.RECORDED).hasSize(2);

        assertThat(checks.pending(agency, year, ITEM)).isEmpty();
        Map<String, LinkChecks.LinkCheck> latest = checks.latest(agency, year, ITEM);
        LinkChecks.LinkCheck page = latest.get(site.url("/structure.html"));
        assertThat(page.outcome()).isEqualTo("OK");
        assertThat(page.httpStatus()).isEqualTo(200);
        assertThat(page.contentType()).isEqualTo("text/html");
        assertThat(page.findings().title()).startsWith("โครงสร้างและอำนาจหน้าที่");
        assertThat(page.findings().termsFound()).contains("โครงสร้าง", "อำนาจหน้าที่");
        byte[] served = TestSite.page("/structure.html", TestSite.sizeFor("/structure.html"));
        assertThat(page.size()).isEqualTo(served.length);
        assertThat(page.sha256()).isEqualTo(CheckRecorder.sha256(served));
        LinkChecks.Snapshot snapshot = checks.snapshot(page.snapshotId()).orElseThrow();
        assertThat(snapshot.body()).isEqualTo(served);
        assertThat(snapshot.year()).isEqualTo(year);
        assertThat(snapshot.contentType()).isEqualTo("text/html");
        LinkChecks.LinkCheck pdf = latest.get(site.url("/plan.pdf"));
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        assertThat(checks.snapshot(pdf.snapshotId()).orElseThrow().body()).isEqualTo(TestSite.pdf("/plan.pdf"));
        assertThat(count("select count(*) from oit_fetch_job where agency_code = ? and state = 'DONE' and check_id is not null",
                agency.value())).isEqualTo(2);
    }

    @Test
    void theSameContentTwiceIsStoredOnceAndANewerCheckIsTheLatest() {
        enqueue(LinkChecks.Reason.SAVED, "/same-a.html", "/same-b.html");
        drain("p1");
        enqueue(LinkChecks.Reason.SAVED, "/same-a.html");
        drain("p1");

        Map<String, LinkChecks.LinkCheck> latest = checks.latest(agency, year, ITEM);
        assertThat(latest.get(site.url("/same-a.html")).snapshotId()).isEqualTo(latest.get(site.url("/same-b.html")).snapshotId());
        assertThat(count("select count(*) from oit_link_check where agency_code = ?", agency.value())).isEqualTo(3);
        assertThat(count("select count(*) from oit_snapshot where fiscal_year = ? and sha256 = ?", year.buddhistEra(),
                latest.get(site.url("/same-a.html")).sha256())).isEqualTo(1);
        long newest = count("select max(id) from oit_link_check where agency_code = ? and url = ?", agency.value(), site.url("/same-a.html"));
        assertThat(latest.get(site.url("/same-a.html")).id()).isEqualTo(newest);
    }

    @Test
    void aSecondQueueingOfAWaitingLinkQueuesNothing() {
        enqueue(LinkChecks.Reason.SAVED, "/a.html", "/a.html");
        enqueue(LinkChecks.Reason.SAVED, "/a.html");
        enqueue(LinkChecks.Reason.SCHEDULED, "/a.html");

        assertThat(count("select count(*) from oit_fetch_job where agency_code = ?", agency.value())).isEqualTo(1);
        assertThat(checks.pending(agency, year, ITEM)).containsExactly(site.url("/a.html"));
        drain("p1");
        assertThat(site.hits("/a.html")).isEqualTo(1);
        enqueue(LinkChecks.Reason.SAVED, "/a.html");
        assertThat(count("select count(*) from oit_fetch_job where agency_code = ?", agency.value())).isEqualTo(2);
    }

    @Test
    void queueingJoinsTheCallersTransaction() {
        tx.executeWithoutResult(status -> {
            enqueue(LinkChecks.Reason.SAVED, "/rolled-back.html");
            status.setRollbackOnly();
        });
        assertThat(count("select count(*) from oit_fetch_job where agency_code = ?", agency.value())).isZero();
        assertThat(checks.pending(agency, year, ITEM)).isEmpty();
    }

    @Test
    void aSubmittedLinkGetsTheCheckTakenForTheSubmission() {
        jdbc.sql("insert into oit_submission (agency_code, fiscal_year, item_code, links, state, saved_by, submitted_at, submitted_by)"
                        + " values (?, ?, ?, '[]', 'SUBMITTED', 'x', now(), 'x')").params(agency.value(), year.buddhistEra(), ITEM).update();
        jdbc.sql("insert into oit_submitted_link (agency_code, fiscal_year, item_code, position, url) values (?, ?, ?, 1, ?), (?, ?, ?, 2, ?)")
                .params(agency.value(), year.buddhistEra(), ITEM, site.url("/chart.html"),
                        agency.value(), year.buddhistEra(), ITEM, site.url("/duties.html")).update();
        enqueue(LinkChecks.Reason.SAVED, "/chart.html");
        // submitted while the save's fetch is still waiting: that job becomes the submission's
        enqueue(LinkChecks.Reason.SUBMITTED, "/chart.html", "/duties.html");
        assertThat(count("select count(*) from oit_fetch_job where agency_code = ? and reason = 'SUBMITTED'", agency.value())).isEqualTo(2);

        drain("p1");

        Map<String, LinkChecks.LinkCheck> latest = checks.latest(agency, year, ITEM);
        assertThat(jdbc.sql("select check_id from oit_submitted_link where agency_code = ? order by position").param(agency.value())
                .query(Long.class).list())
                .containsExactly(latest.get(site.url("/chart.html")).id(), latest.get(site.url("/duties.html")).id());
        // a later scheduled check is the latest, but not the submission's
        enqueue(LinkChecks.Reason.SCHEDULED, "/chart.html");
        drain("p1");
        long submitted = count("select check_id from oit_submitted_link where agency_code = ? and position = 1", agency.value());
        assertThat(checks.latest(agency, year, ITEM).get(site.url("/chart.html")).id()).isGreaterThan(submitted);
    }

    @Test
    void aNotFoundPageIsRecordedAtOnceWithoutRetryOrSnapshot() {
        enqueue(LinkChecks.Reason.SAVED, "/missing.html");
        assertThat(drain("p1")).containsExactly(JobRunner.Result.RECORDED);

        LinkChecks.LinkCheck c = checks.latest(agency, year, ITEM).get(site.url("/missing.html"));
        assertThat(c.outcome()).isEqualTo("HTTP_ERROR");
        assertThat(c.httpStatus()).isEqualTo(404);
        assertThat(c.snapshotId()).isNull();
        assertThat(c.findings().warnings()).as("the pre-check says the page is not there").isNotEmpty();
        assertThat(site.hits("/missing.html")).isEqualTo(1);
        assertThat(count("select attempts from oit_fetch_job where agency_code = ?", agency.value())).isEqualTo(1);
    }

    @Test
    void anUnreachableLinkIsTriedThreeTimesWithGrowingWaitsThenRecorded() {
        String dead = "http://127.0.0.1:" + closedPort + "/gone.html";
        enqueue(LinkChecks.Reason.SAVED, dead);

        assertThat(drain("p1")).containsExactly(JobRunner.Result.RETRY);
        assertThat(waitSeconds()).isBetween(59.0, 61.0);
        assertThat(drain("p1")).as("not due before its wait is over").isEmpty();
        assertThat(checks.pending(agency, year, ITEM)).containsExactly(dead);

        makeDue();
        assertThat(drain("p1")).containsExactly(JobRunner.Result.RETRY);
        assertThat(waitSeconds()).as("doubled").isBetween(119.0, 121.0);

        makeDue();
        assertThat(drain("p1")).containsExactly(JobRunner.Result.RECORDED);
        assertThat(checks.latest(agency, year, ITEM).get(dead).outcome()).isEqualTo("UNREACHABLE");
        assertThat(count("select attempts from oit_fetch_job where agency_code = ? and state = 'DONE'", agency.value())).isEqualTo(3);
        assertThat(count("select count(*) from oit_link_check where agency_code = ?", agency.value())).isEqualTo(1);
        assertThat(settings.maxAttempts()).isEqualTo(3);
    }

    double waitSeconds() {
        return jdbc.sql("select extract(epoch from run_after - now()) from oit_fetch_job where agency_code = ? and state = 'QUEUED'")
                .param(agency.value()).query(Double.class).single();
    }

    void makeDue() {
        jdbc.sql("update oit_fetch_job set run_after = now() where agency_code = ? and state = 'QUEUED'").param(agency.value()).update();
    }

    @Test
    void aJobOfAProcessThatDiedIsTakenOverAndRecordedOnce() {
        enqueue(LinkChecks.Reason.SAVED, "/orphan.html");
        List<FetchJob> held = claim("dead");
        assertThat(held).hasSize(1);
        assertThat(claim("alive")).as("leased to the dead process").isEmpty();

        jdbc.sql("update oit_fetch_job set locked_until = now() - interval '1 second' where agency_code = ?").param(agency.value()).update();
        List<FetchJob> taken = claim("alive");
        assertThat(taken).hasSize(1);
        assertThat(taken.get(0).attempts()).isEqualTo(2);
        assertThat(runner.run(taken.get(0), "alive")).isEqualTo(JobRunner.Result.RECORDED);

        // the dead process comes back to life and finishes its fetch: nothing is written twice
        assertThat(runner.run(held.get(0), "dead")).isEqualTo(JobRunner.Result.LOST);
        assertThat(count("select count(*) from oit_link_check where agency_code = ?", agency.value())).isEqualTo(1);
        assertThat(jdbc.sql("select locked_by from oit_fetch_job where agency_code = ?").param(agency.value()).query(String.class).single())
                .isEqualTo("alive");
    }

    @Test
    void aLinkWhoseFetchKilledEveryProcessThatTookItIsGivenUp() {
        enqueue(LinkChecks.Reason.SAVED, "/poison.html");
        for (int i = 0; i < settings.maxAttempts() + 1; i++) {
            assertThat(claim("doomed-" + i)).hasSize(1);
            jdbc.sql("update oit_fetch_job set locked_until = now() - interval '1 second' where agency_code = ?").param(agency.value()).update();
        }
        assertThat(drain("survivor")).containsExactly(JobRunner.Result.FAILED);
        assertThat(site.hits("/poison.html")).isZero();
        assertThat(checks.pending(agency, year, ITEM)).isEmpty();
        assertThat(checks.latest(agency, year, ITEM)).isEmpty();
    }

    @Test
    void twoProcessesWorkingTwoHundredJobsDoEachExactlyOnce() throws Exception {
        String[] paths = new String[200];
        for (int i = 0; i < paths.length; i++) {
            paths[i] = "/page-" + i + ".html";
        }
        enqueue(LinkChecks.Reason.SAVED, paths);
        QueueProperties two = settings.withThreads(2).withIdlePoll(Duration.ofMillis(50));
        QueueWorker a = new QueueWorker(jobs, runner, two, "process-a", List.of(agency.value()));
        QueueWorker b = new QueueWorker(jobs, runner, two, "process-b", List.of(agency.value()));
        a.start();
        b.start();
        try {
            awaitNoOpenJobs(Duration.ofMinutes(5));
        } finally {
            a.stop();
            b.stop();
        }
        assertThat(a.isRunning()).isFalse();
        assertThat(count("select count(*) from oit_link_check where agency_code = ?", agency.value())).isEqualTo(200);
        assertThat(count("select count(distinct url) from oit_link_check where agency_code = ?", agency.value())).isEqualTo(200);
        assertThat(count("select count(*) from oit_fetch_job where agency_code = ? and state = 'DONE' and attempts = 1", agency.value()))
                .isEqualTo(200);
        assertThat(jdbc.sql("select distinct locked_by from oit_fetch_job where agency_code = ?").param(agency.value())
                .query(String.class).list()).containsExactlyInAnyOrder("process-a", "process-b");
        for (String p : paths) {
            assertThat(site.hits(p)).as(p).isEqualTo(1);
        }
    }

    @Test
    void jobsClaimedByAStoppingProcessAreGivenBackAndAWorkerStartedLaterDoesThem() throws Exception {
        enqueue(LinkChecks.Reason.SAVED, "/one.html", "/two.html", "/three.html");
        List<FetchJob> claimed = claim("stopping");
        jobs.release(claimed, "stopping");
        assertThat(count("select count(*) from oit_fetch_job where agency_code = ? and state = 'QUEUED' and attempts = 0 and locked_by is null",
                agency.value())).isEqualTo(3);

        QueueWorker later = new QueueWorker(jobs, runner, settings.withIdlePoll(Duration.ofMillis(50)), "started-later",
                List.of(agency.value()));
        later.start();
        try {
            awaitNoOpenJobs(Duration.ofMinutes(2));
        } finally {
            later.stop();
        }
        assertThat(checks.latest(agency, year, ITEM)).hasSize(3);
    }

    void awaitNoOpenJobs(Duration atMost) throws InterruptedException {
        Instant until = Instant.now().plus(atMost);
        while (!checks.pending(agency, year, ITEM).isEmpty() && Instant.now().isBefore(until)) {
            Thread.sleep(100);
        }
        assertThat(checks.pending(agency, year, ITEM)).as("jobs still open after " + atMost).isEmpty();
    }
}
