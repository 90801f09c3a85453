package org.openita.server.publication.internal;

import org.openita.core.framework.FiscalYear;
import org.openita.server.agency.AgencyCode;
import org.openita.server.audit.AuditTrail;
import org.openita.server.publication.internal.PublicCopies;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which agency years are published. Publishing takes the public's copy of the plan the agency confirmed
 * ({@link PublicCopies}); withdrawing removes the year and its copy, so publishing again starts from what is confirmed
 * then. Both are audited (RESULTS_PUBLISHED, RESULTS_WITHDRAWN); asking for the state a year is already in changes
 * nothing and records nothing.
 */
@Service
public class Publications {

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final PublicCopies copies;

    Publications(JdbcClient jdbc, AuditTrail audit, PublicCopies copies) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.copies = copies;
    }

    /** Publishes the agency's year; false when it already was. */
    @Transactional
    public boolean publish(String actor, AgencyCode agency, FiscalYear year) {
        int added = jdbc.sql("insert into publication (agency_code, fiscal_year, published_at, published_by) values (?, ?, now(), ?)"
                        + " on conflict do nothing")
                .params(agency.value(), year.buddhistEra(), actor).update();
        if (added == 0) {
            return false;
        }
        copies.take(agency, year);
        audit.record(actor, "RESULTS_PUBLISHED", subject(agency, year), null, null);
        return true;
    }

    /** Withdraws the agency's year and its public copy; false when it was not published. */
    @Transactional
    public boolean withdraw(String actor, AgencyCode agency, FiscalYear year) {
        int removed = jdbc.sql("delete from publication where agency_code = ? and fiscal_year = ?")
                .params(agency.value(), year.buddhistEra()).update();
        if (removed == 0) {
            return false;
        }
        audit.record(actor, "RESULTS_WITHDRAWN", subject(agency, year), null, null);
        return true;
    }

    public boolean published(AgencyCode agency, FiscalYear year) {
        return jdbc.sql("select count(*) from publication where agency_code = ? and fiscal_year = ?")
                .params(agency.value(), year.buddhistEra()).query(Integer.class).single() > 0;
    }

    private static String subject(AgencyCode agency, FiscalYear year) {
        return "public:" + agency + "/" + year;
    }
}
