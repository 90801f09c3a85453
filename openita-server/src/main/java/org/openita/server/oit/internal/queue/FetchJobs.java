package org.openita.server.oit.internal.queue;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.openita.core.framework.FiscalYear;
import org.openita.server.agency.AgencyCode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The oit_fetch_job table as a queue several processes share: queued in the caller's transaction, claimed with
 * {@code FOR UPDATE SKIP LOCKED} under a lease, a job whose lease ran out claimed again by anyone. Times are the
 * database's, so the processes' clocks need not agree.
 */
@Component
class FetchJobs {

    private static final String OPEN = "state in ('QUEUED', 'RUNNING')";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    FetchJobs(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** The host a job is filed under (lower case; empty when the link has none, which the fetcher then refuses). */
    static String host(String url) {
        try {
            String h = URI.create(url).getHost();
            return h == null ? "" : h.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    /** One link of an item to queue. */
    record Link(AgencyCode agency, FiscalYear year, String itemCode, String url) {
    }

    /**
     * Queues each link unless one is already waiting or running for it; a SUBMITTED queueing turns a waiting job of the
     * link into a SUBMITTED one, so the submission's check is recorded when it finishes. Returns the jobs added.
     */
    int enqueue(List<Link> links, LinkChecks.Reason reason) {
        Set<Link> distinct = new LinkedHashSet<>(links);
        List<Object[]> rows = new ArrayList<>(distinct.size());
        for (Link l : distinct) {
            rows.add(new Object[] {l.agency().value(), l.year().buddhistEra(), l.itemCode(), l.url(), host(l.url()), reason.name()});
        }
        String upgrade = reason == LinkChecks.Reason.SUBMITTED
                ? " do update set reason = 'SUBMITTED' where oit_fetch_job.reason <> 'SUBMITTED'"
                : " do nothing";
        int[][] counts = batch.batchUpdate("insert into oit_fetch_job (agency_code, fiscal_year, item_code, url, host, reason)"
                + " values (?, ?, ?, ?, ?, ?) on conflict (agency_code, fiscal_year, item_code, url) where " + OPEN + upgrade,
                rows, 1000, (ps, row) -> {
                    for (int i = 0; i < row.length; i++) {
                        ps.setObject(i + 1, row[i]);
                    }
                });
        int added = 0;
        for (int[] chunk : counts) {
            for (int c : chunk) {
                added += Math.max(c, 0);
            }
        }
        return added;
    }

    /**
     * Claims up to {@code n} jobs that are due, or whose holder's lease ran out, for {@code processId}: they are
     * RUNNING under its lease, their attempt counted. Commits on its own (auto-commit), so the lease is visible at once.
     */
    List<FetchJob> claim(String processId, int n, Duration lease) {
        return claim(processId, n, lease, null);
    }

    /** As {@link #claim(String, int, Duration)}, only among these agencies' jobs (the tests' and harness's own), or all when null. */
    List<FetchJob> claim(String processId, int n, Duration lease, List<String> agencies) {
        return jdbc.sql("update oit_fetch_job j set state = 'RUNNING', locked_by = :me,"
                        + " locked_until = now() + make_interval(secs => :lease), attempts = j.attempts + 1"
                        + " where j.id in (select id from oit_fetch_job"
                        + "   where ((state = 'QUEUED' and run_after <= now()) or (state = 'RUNNING' and locked_until < now()))"
                        + (agencies == null ? "" : " and agency_code = any(:agencies)")
                        + "   order by run_after, id limit :n for update skip locked)"
                        + " returning j.id, j.agency_code, j.fiscal_year, j.item_code, j.url, j.reason, j.attempts")
                .params(agencies == null
                        ? Map.<String, Object>of("me", processId, "lease", lease.toMillis() / 1000.0, "n", n)
                        : Map.<String, Object>of("me", processId, "lease", lease.toMillis() / 1000.0, "n", n, "agencies", agencies.toArray(new String[0])))
                .query((rs, i) -> new FetchJob(rs.getLong(1), AgencyCode.of(rs.getString(2)), FiscalYear.of(rs.getInt(3)),
                        rs.getString(4), rs.getString(5), LinkChecks.Reason.valueOf(rs.getString(6)), rs.getInt(7)))
                .list();
    }

    /** Puts a job this process holds back in the queue to be tried again after {@code wait}. False when it lost the job. */
    boolean retryLater(FetchJob job, String processId, Duration wait) {
        return jdbc.sql("update oit_fetch_job set state = 'QUEUED', run_after = now() + make_interval(secs => ?),"
                        + " locked_by = null, locked_until = null where id = ? and state = 'RUNNING' and locked_by = ?")
                .params(wait.toMillis() / 1000.0, job.id(), processId).update() == 1;
    }

    /** Gives back jobs this process claimed but did not start (it is stopping), without counting the attempt. */
    void release(List<FetchJob> jobs, String processId) {
        for (FetchJob job : jobs) {
            jdbc.sql("update oit_fetch_job set state = 'QUEUED', attempts = greatest(attempts - 1, 0), locked_by = null,"
                    + " locked_until = null where id = ? and state = 'RUNNING' and locked_by = ?").params(job.id(), processId).update();
        }
    }

    /** Ends a job this process holds with the check it made (in the caller's transaction). False when it lost the job. */
    boolean done(FetchJob job, String processId, long checkId) {
        return jdbc.sql("update oit_fetch_job set state = 'DONE', finished_at = now(), check_id = ?, locked_until = null"
                + " where id = ? and state = 'RUNNING' and locked_by = ?").params(checkId, job.id(), processId).update() == 1;
    }

    /** Ends a job that could not be checked at all (the fetch itself failed every time). */
    boolean failed(FetchJob job, String processId) {
        return jdbc.sql("update oit_fetch_job set state = 'FAILED', finished_at = now(), locked_until = null"
                + " where id = ? and state = 'RUNNING' and locked_by = ?").params(job.id(), processId).update() == 1;
    }

    /** The links of an item with a job waiting or running. */
    List<String> pending(AgencyCode agency, FiscalYear year, String itemCode) {
        return jdbc.sql("select distinct url from oit_fetch_job where agency_code = ? and fiscal_year = ? and item_code = ? and "
                        + OPEN + " order by url")
                .params(agency.value(), year.buddhistEra(), itemCode).query(String.class).list();
    }
}
