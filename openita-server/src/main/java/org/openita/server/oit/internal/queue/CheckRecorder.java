package org.openita.server.oit.internal.queue;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.openita.server.oit.internal.fetch.Fetched;
import org.openita.server.oit.internal.fetch.Findings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes what a fetch got: the snapshot (one copy per fiscal year and content), the link check, the job done and, for
 * a submission, the check as the link's submitted one; all in one transaction, and only while this process still holds
 * the job (a process whose lease was taken over writes nothing, so each job is recorded once).
 */
@Component
class CheckRecorder {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final FetchJobs jobs;

    CheckRecorder(JdbcClient jdbc, FetchJobs jobs) {
        this.jdbc = jdbc;
        this.jobs = jobs;
    }

    /** Thrown to roll back when the job is no longer this process's. */
    static final class LostLease extends RuntimeException {
        LostLease(long jobId) {
            super("fetch job " + jobId + " was taken over by another process", null, false, false);
        }
    }

    /** Records the check; empty when the job was no longer this process's (nothing written). */
    @Transactional
    public Optional<Long> record(FetchJob job, String processId, Fetched fetched, Findings findings) {
        Long snapshotId = fetched.outcome() == Fetched.Outcome.OK && fetched.body().length > 0
                ? snapshot(job.year().buddhistEra(), fetched.contentType(), fetched.body()) : null;
        long checkId = jdbc.sql("insert into oit_link_check (agency_code, fiscal_year, item_code, url, outcome, http_status,"
                        + " final_url, on_agency_domain, content_type, size, title, years_found, terms_found, warnings, snapshot_id)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb), cast(? as jsonb), ?) returning id")
                .params(job.agency().value(), job.year().buddhistEra(), job.itemCode(), job.url(), fetched.outcome().name(),
                        fetched.status() == 0 ? null : fetched.status(),
                        fetched.finalUrl() == null ? null : fetched.finalUrl().toString(), findings.onAgencyDomain(),
                        fetched.contentType(), fetched.finalUrl() == null ? null : (long) fetched.body().length, findings.title(),
                        JSON.writeValueAsString(findings.yearsFound()), JSON.writeValueAsString(findings.termsFound()),
                        JSON.writeValueAsString(findings.warnings()), snapshotId)
                .query(Long.class).single();
        if (!jobs.done(job, processId, checkId)) {
            throw new LostLease(job.id());
        }
        if (job.reason() == LinkChecks.Reason.SUBMITTED) {
            jdbc.sql("update oit_submitted_link set check_id = ? where agency_code = ? and fiscal_year = ? and item_code = ? and url = ?")
                    .params(checkId, job.agency().value(), job.year().buddhistEra(), job.itemCode(), job.url()).update();
        }
        return Optional.of(checkId);
    }

    /** The snapshot of these bytes in this year: the existing one when the same content was stored before. */
    private long snapshot(int year, String contentType, byte[] body) {
        String sha = sha256(body);
        List<Long> inserted = jdbc.sql("insert into oit_snapshot (fiscal_year, sha256, content_type, size, body) values (?, ?, ?, ?, ?)"
                        + " on conflict (fiscal_year, sha256) do nothing returning id")
                .params(year, sha, contentType, (long) body.length, body).query(Long.class).list();
        if (!inserted.isEmpty()) {
            return inserted.get(0);
        }
        return jdbc.sql("select id from oit_snapshot where fiscal_year = ? and sha256 = ?").params(year, sha).query(Long.class).single();
    }

    static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
