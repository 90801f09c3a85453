package org.openita.server.survey.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openita.core.framework.FiscalYear;
import org.openita.server.agency.AgencyCode;
import org.openita.server.audit.AuditTrail;
import org.openita.server.identity.PublicSite;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Prints IIT slips: takes the next serial numbers of the agency's year in one statement (two sheets printed at once
 * never share a number), signs a code for each with the year's slip key, and records in the audit trail how many were
 * printed, never which codes. Once an agency has printed slips its IIT takes answers only with one.
 */
@Component
class SlipIssue {

    /** The most slips one request prints. */
    static final int MOST = org.openita.report.SurveyKits.MAX_SLIPS;

    /** One printed slip: its code and the link its QR code holds. */
    record Printed(String code, String url, int serial) {
    }

    private final JdbcClient jdbc;
    private final SurveyKeys keys;
    private final AuditTrail audit;
    private final PublicSite site;

    SlipIssue(JdbcClient jdbc, SurveyKeys keys, AuditTrail audit, PublicSite site) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.audit = audit;
        this.site = site;
    }

    /** How many slips the agency has printed for the year. */
    int issued(AgencyCode agency, FiscalYear year) {
        return jdbc.sql("select issued from survey_slip_issue where fiscal_year = ? and agency_code = ?")
                .params(year.buddhistEra(), agency.value()).query(Integer.class).optional().orElse(0);
    }

    /** Prints {@code count} new slips (1 to {@link #MOST}): numbered on from the last printed. */
    @Transactional
    List<Printed> print(String actor, AgencyCode agency, FiscalYear year, int count) {
        if (count < 1 || count > MOST) {
            throw new IllegalArgumentException("slips are printed 1 to " + MOST + " at a time: " + count);
        }
        int last = jdbc.sql("insert into survey_slip_issue (fiscal_year, agency_code, issued) values (?, ?, ?)"
                        + " on conflict (fiscal_year, agency_code) do update set issued = survey_slip_issue.issued + excluded.issued"
                        + " returning issued")
                .params(year.buddhistEra(), agency.value(), count).query(Integer.class).single();
        SurveyKeys.Key key = keys.slips(year.buddhistEra());
        List<Printed> out = new ArrayList<>(count);
        for (int serial = last - count + 1; serial <= last; serial++) {
            String code = SlipCodes.make(key.secret(), year.buddhistEra(), agency, key.version(), serial);
            out.add(new Printed(code, site.link("/s/iit/{code}", agency.value()) + "?slip=" + code, serial));
        }
        audit.record(actor, "SURVEY_SLIPS_PRINTED", "agency:" + agency.value(), null,
                Map.of("fiscalYear", year.buddhistEra(), "slips", count, "printedSoFar", last));
        return out;
    }
}
