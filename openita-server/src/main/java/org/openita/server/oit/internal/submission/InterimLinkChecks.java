package org.openita.server.oit.internal.submission;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.openita.core.framework.FiscalYear;
import org.openita.server.agency.AgencyCode;
import org.openita.server.oit.internal.queue.LinkChecks;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** TEMPORARY until the queue branch lands: queues jobs, finds no checks. Removed at the merge. */
@Component
class InterimLinkChecks implements LinkChecks {

    private final JdbcClient jdbc;

    InterimLinkChecks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void enqueue(AgencyCode agency, FiscalYear year, String itemCode, List<URI> links, Reason reason) {
        for (URI u : links) {
            jdbc.sql("insert into oit_fetch_job (agency_code, fiscal_year, item_code, url, host, reason) values (?, ?, ?, ?, ?, ?)"
                    + " on conflict do nothing").params(agency.value(), year.buddhistEra(), itemCode, u.toString(), u.getHost(), reason.name()).update();
        }
    }

    @Override
    public Map<String, LinkCheck> latest(AgencyCode agency, FiscalYear year, String itemCode) {
        return Map.of();
    }

    @Override
    public List<String> pending(AgencyCode agency, FiscalYear year, String itemCode) {
        return jdbc.sql("select url from oit_fetch_job where agency_code = ? and fiscal_year = ? and item_code = ? and state in ('QUEUED', 'RUNNING')")
                .params(agency.value(), year.buddhistEra(), itemCode).query(String.class).list();
    }
}
