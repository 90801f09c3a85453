package org.openita.server.oit.internal.queue;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openita.core.framework.FiscalYear;
import org.openita.server.agency.AgencyCode;
import org.openita.server.oit.internal.fetch.Findings;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.core.type.TypeReference;

/** {@link LinkChecks} over oit_fetch_job, oit_link_check and oit_snapshot. */
@Service
class JdbcLinkChecks implements LinkChecks {

    private static final TypeReference<List<Integer>> YEARS = new TypeReference<>() { };
    private static final TypeReference<List<String>> TERMS = new TypeReference<>() { };
    private static final TypeReference<List<Findings.Warning>> WARNINGS = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final FetchJobs jobs;
    private final ObjectProvider<QueueWorker> worker;

    JdbcLinkChecks(JdbcClient jdbc, FetchJobs jobs, ObjectProvider<QueueWorker> worker) {
        this.jdbc = jdbc;
        this.jobs = jobs;
        this.worker = worker;
    }

    @Override
    @Transactional
    public void enqueue(AgencyCode agency, FiscalYear year, String itemCode, List<URI> links, Reason reason) {
        int added = jobs.enqueue(links.stream().map(u -> new FetchJobs.Link(agency, year, itemCode, u.toString())).toList(), reason);
        if (added > 0 && TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    worker.ifAvailable(QueueWorker::wake);
                }
            });
        }
    }

    @Override
    public Map<String, LinkCheck> latest(AgencyCode agency, FiscalYear year, String itemCode) {
        Map<String, LinkCheck> out = new LinkedHashMap<>();
        jdbc.sql("select distinct on (c.url) c.id, c.url, c.checked_at, c.outcome, c.http_status, c.final_url, c.content_type,"
                        + " c.size, c.on_agency_domain, c.title, cast(c.years_found as text), cast(c.terms_found as text),"
                        + " cast(c.warnings as text), c.snapshot_id, s.sha256"
                        + " from oit_link_check c left join oit_snapshot s on s.id = c.snapshot_id"
                        + " where c.agency_code = ? and c.fiscal_year = ? and c.item_code = ?"
                        + " order by c.url, c.checked_at desc, c.id desc")
                .params(agency.value(), year.buddhistEra(), itemCode)
                .query(JdbcLinkChecks::check).list()
                .forEach(c -> out.put(c.url(), c));
        return out;
    }

    private static LinkCheck check(ResultSet rs, int n) throws SQLException {
        Findings findings = new Findings((Boolean) rs.getObject(9), rs.getString(10),
                CheckRecorder.JSON.readValue(rs.getString(11), YEARS), CheckRecorder.JSON.readValue(rs.getString(12), TERMS),
                CheckRecorder.JSON.readValue(rs.getString(13), WARNINGS));
        return new LinkCheck(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getString(4),
                (Integer) rs.getObject(5), rs.getString(6), rs.getString(7), (Long) rs.getObject(8), findings,
                (Long) rs.getObject(14), rs.getString(15));
    }

    @Override
    public List<String> pending(AgencyCode agency, FiscalYear year, String itemCode) {
        return jobs.pending(agency, year, itemCode);
    }

    @Override
    public Optional<Snapshot> snapshot(long id) {
        return jdbc.sql("select id, fiscal_year, content_type, sha256, body from oit_snapshot where id = ?").param(id)
                .query((rs, n) -> new Snapshot(rs.getLong(1), FiscalYear.of(rs.getInt(2)), rs.getString(3), rs.getString(4),
                        rs.getBytes(5)))
                .optional();
    }
}
