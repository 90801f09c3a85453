package org.openita.server.oit.internal.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.openita.core.framework.FiscalYear;
import org.openita.server.agency.AgencyCode;
import org.openita.server.audit.AuditTrail;
import org.openita.server.cycle.CycleService;
import org.openita.server.support.ServerTestSupport;
import org.openita.server.testing.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** The weekly re-check (queued by one process of several) and the nightly snapshot retention, on the real database. */
class QueueSchedulesIT extends ServerTestSupport {

    @Autowired
    FetchJobs jobs;
    @Autowired
    CycleService cycles;
    @Autowired
    TaskGuard guard;
    @Autowired
    AuditTrail audit;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    Clock serverClock;
    @Autowired
    QueueProperties settings;
    @Autowired
    SnapshotProperties snapshotSettings;
    @Autowired
    SnapshotRetention retention;

    Rechecks process(String task) {
        return new Rechecks(jdbc, jobs, cycles, guard, audit, tx, serverClock, settings, task);
    }

    void submission(AgencyCode agency, FiscalYear year, String item, String state, String... urls) {
        jdbc.sql("insert into oit_submission (agency_code, fiscal_year, item_code, state, saved_by) values (?, ?, ?, ?, 'x')")
                .params(agency.value(), year.buddhistEra(), item, state).update();
        for (int i = 0; i < urls.length; i++) {
            jdbc.sql("insert into oit_submitted_link (agency_code, fiscal_year, item_code, position, url) values (?, ?, ?, ?, ?)")
                    .params(agency.value(), year.buddhistEra(), item, i + 1, urls[i]).update();
        }
    }

    List<String> scheduled(AgencyCode agency) {
        return jdbc.sql("select item_code || ' ' || url from oit_fetch_job where agency_code = ? and reason = 'SCHEDULED' order by 1")
                .param(agency.value()).query(String.class).list();
    }

    @Test
    void theRecheckQueuesEachSubmittedLinkOnceEvenWithTwoProcesses() throws Exception {
        var calendar = fixtures.cycleCalendar();
        calendar.create();
        FiscalYear year = calendar.year();
        AgencyCode agency = fixtures.agency().create().code();
        submission(agency, year, "o1", "SUBMITTED", "https://a.example/1", "https://a.example/2", "https://a.example/1");
        submission(agency, year, "o2", "SUBMITTED", "https://a.example/3");
        submission(agency, year, "o3", "DRAFT", "https://a.example/draft");
        LocalDate inReview = LocalDate.of(year.buddhistEra() - FiscalYear.BE_OFFSET, 5, 10);
        clock.setToday(inReview);
        String task = Fixtures.unique("recheck");

        List<Optional<Integer>> results = concurrently(process(task)::runIfDue, process(task)::runIfDue);

        assertThat(results).containsExactlyInAnyOrder(Optional.of(3), Optional.empty());
        assertThat(scheduled(agency)).containsExactly("o1 https://a.example/1", "o1 https://a.example/2", "o2 https://a.example/3");
        assertThat(fixtures.audits("OIT_RECHECK_QUEUED", "oit:" + task)).isEqualTo(1);

        // the jobs done, the same week queues nothing; a week later queues again
        jdbc.sql("update oit_fetch_job set state = 'DONE' where agency_code = ?").param(agency.value()).update();
        clock.setToday(inReview.plusDays(6));
        assertThat(process(task).runIfDue()).isEmpty();
        clock.setToday(inReview.plusDays(7));
        assertThat(process(task).runIfDue()).contains(3);
        assertThat(scheduled(agency)).hasSize(6);
    }

    @Test
    void noRecheckOutsideTheOitPhases() {
        var calendar = fixtures.cycleCalendar();
        calendar.create();
        FiscalYear year = calendar.year();
        AgencyCode agency = fixtures.agency().create().code();
        submission(agency, year, "o1", "SUBMITTED", "https://b.example/1");
        int ce = year.buddhistEra() - FiscalYear.BE_OFFSET;
        String task = Fixtures.unique("recheck");

        clock.setToday(LocalDate.of(ce, 2, 28));   // before OIT submission opens
        assertThat(process(task).runIfDue()).isEmpty();
        clock.setToday(LocalDate.of(ce, 7, 1));    // after confirmation
        assertThat(process(task).runIfDue()).isEmpty();
        assertThat(scheduled(agency)).isEmpty();
        clock.setToday(LocalDate.of(ce, 3, 1));    // the first day of OIT submission
        assertThat(process(task).runIfDue()).contains(1);
    }

    @Test
    void retentionDeletesTheSnapshotsOfOlderYearsOnlyAndKeepsTheirChecks() {
        // years no other test uses: 2500 is old, 2501 and 2502 are kept, and so is any later year
        AgencyCode agency = fixtures.agency().create().code();
        long old = snapshotWithCheck(agency, 2500);
        long lastYear = snapshotWithCheck(agency, 2501);
        long thisYear = snapshotWithCheck(agency, 2502);
        long future = snapshotWithCheck(agency, 2699);
        clock.setToday(FiscalYear.of(2502).firstDay().plusDays(100));
        assertThat(snapshotSettings.snapshotYears()).isEqualTo(2);
        assertThat(retention.keptFrom()).isEqualTo(FiscalYear.of(2501));

        int deleted = tx.execute(s -> retention.deleteOld());

        assertThat(deleted).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.sql("select id from oit_snapshot where id in (?, ?, ?, ?) order by id").params(old, lastYear, thisYear, future)
                .query(Long.class).list()).containsExactly(lastYear, thisYear, future);
        assertThat(jdbc.sql("select fiscal_year || ':' || coalesce(snapshot_id::text, '-') from oit_link_check where agency_code = ? order by fiscal_year")
                .param(agency.value()).query(String.class).list())
                .containsExactly("2500:-", "2501:" + lastYear, "2502:" + thisYear, "2699:" + future);
        assertThat(audit.search("system", "OIT_SNAPSHOTS_DELETED", "oit:snapshots", 1).get(0).afterData())
                .contains("\"beforeYear\": 2501").contains("\"deleted\": " + deleted);
    }

    long snapshotWithCheck(AgencyCode agency, int year) {
        byte[] body = ("snapshot of " + agency + " " + year).getBytes();
        long id = jdbc.sql("insert into oit_snapshot (fiscal_year, sha256, content_type, size, body) values (?, ?, 'text/plain', ?, ?) returning id")
                .params(year, CheckRecorder.sha256(body), (long) body.length, body).query(Long.class).single();
        jdbc.sql("insert into oit_link_check (agency_code, fiscal_year, item_code, url, outcome, snapshot_id) values (?, ?, 'o1', 'https://c.example/', 'OK', ?)")
                .params(agency.value(), year, id).update();
        return id;
    }

    @SafeVarargs
    static <T> List<T> concurrently(Callable<T>... calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.length);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> c : calls) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return c.call();
                }));
            }
            start.countDown();
            List<T> out = new ArrayList<>();
            for (Future<T> f : futures) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdown();
        }
    }
}
