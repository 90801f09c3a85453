package org.openita.server.survey.internal;

import java.util.HashMap;
import java.util.Map;
import org.openita.core.framework.FiscalYear;
import org.openita.server.agency.AgencyCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How many responses each agency has in a year, by survey part: counts only, straight from the stored responses
 * (no second table that could drift). One agency is one indexed count; every agency of a year is one GROUP BY.
 */
@Component
class ResponseCounts {

    /** The counts of one agency's year. */
    record Counts(int iit, int eitPublic, int eitSurvey) {
        static final Counts NONE = new Counts(0, 0, 0);

        int of(SurveyPart part) {
            return switch (part) {
                case IIT -> iit;
                case EIT_PUBLIC -> eitPublic;
                case EIT_SURVEY -> eitSurvey;
            };
        }
    }

    private static final String BY_PART = "count(*) filter (where part = 'IIT'), count(*) filter (where part = 'EIT_PUBLIC'),"
            + " count(*) filter (where part = 'EIT_SURVEY')";

    private final JdbcClient jdbc;

    ResponseCounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Counts of(AgencyCode agency, FiscalYear year) {
        return jdbc.sql("select " + BY_PART + " from survey_response where fiscal_year = ? and agency_code = ?")
                .params(year.buddhistEra(), agency.value())
                .query((rs, n) -> new Counts(rs.getInt(1), rs.getInt(2), rs.getInt(3))).single();
    }

    int of(AgencyCode agency, FiscalYear year, SurveyPart part) {
        return jdbc.sql("select count(*) from survey_response where fiscal_year = ? and agency_code = ? and part = ?")
                .params(year.buddhistEra(), agency.value(), part.code()).query(Integer.class).single();
    }

    /** Every agency with at least one response in the year, by agency code. */
    Map<String, Counts> all(FiscalYear year) {
        Map<String, Counts> out = new HashMap<>();
        jdbc.sql("select agency_code, " + BY_PART + " from survey_response where fiscal_year = ? group by agency_code")
                .param(year.buddhistEra())
                .query(rs -> {
                    out.put(rs.getString(1), new Counts(rs.getInt(2), rs.getInt(3), rs.getInt(4)));
                });
        return out;
    }
}
