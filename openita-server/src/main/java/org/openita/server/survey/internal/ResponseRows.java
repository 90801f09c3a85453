package org.openita.server.survey.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.openita.server.agency.AgencyCode;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The SQL of storing checked responses, several at once, in the caller's transaction: first the slips they spend, then
 * the responses whose slip was not spent before (also not by an earlier row of the same call). Two statements
 * whatever the number of rows: the rows go to PostgreSQL as arrays and come back out of {@code unnest}.
 */
final class ResponseRows {

    /** One checked response, its answers already written as JSON. */
    record Row(AgencyCode agency, int year, SurveyPart part, LocalDate day, String answersJson,
               Optional<Intake.SpentSlip> slip, Intake.Quality quality) {
    }

    private record SlipKey(int year, String agency, int keyVersion, int serial) {
    }

    private final JdbcClient jdbc;

    ResponseRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores {@code rows}; the answer at each index says whether that row was stored ({@code true}) or refused because
     * its slip had been spent ({@code false}).
     */
    boolean[] insert(List<Row> rows) {
        int n = rows.size();
        boolean[] stored = new boolean[n];
        java.util.Arrays.fill(stored, true);
        List<Integer> withSlip = new ArrayList<>();
        Set<SlipKey> asked = new HashSet<>();
        for (int i = 0; i < n; i++) {
            Row r = rows.get(i);
            if (r.slip().isPresent()) {
                if (asked.add(slipKey(r))) {
                    withSlip.add(i);
                } else {
                    stored[i] = false; // the same slip twice in one batch: the first one counts
                }
            }
        }
        if (!withSlip.isEmpty()) {
            int m = withSlip.size();
            Integer[] years = new Integer[m];
            String[] agencies = new String[m];
            Integer[] versions = new Integer[m];
            Integer[] serials = new Integer[m];
            for (int k = 0; k < m; k++) {
                SlipKey s = slipKey(rows.get(withSlip.get(k)));
                years[k] = s.year();
                agencies[k] = s.agency();
                versions[k] = s.keyVersion();
                serials[k] = s.serial();
            }
            Set<SlipKey> spentNow = new HashSet<>(jdbc.sql("insert into survey_spent_slip (fiscal_year, agency_code, key_version, serial)"
                            + " select * from unnest(?::int[], ?::text[], ?::int[], ?::int[]) on conflict do nothing"
                            + " returning fiscal_year, agency_code, key_version, serial")
                    .params(years, agencies, versions, serials)
                    .query((rs, i) -> new SlipKey(rs.getInt(1), rs.getString(2), rs.getInt(3), rs.getInt(4))).list());
            for (int i : withSlip) {
                stored[i] = spentNow.contains(slipKey(rows.get(i)));
            }
        }
        List<Row> kept = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            if (stored[i]) {
                kept.add(rows.get(i));
            }
        }
        if (!kept.isEmpty()) {
            int m = kept.size();
            String[] agencies = new String[m];
            Integer[] years = new Integer[m];
            String[] parts = new String[m];
            String[] days = new String[m];
            String[] answers = new String[m];
            Integer[] seconds = new Integer[m];
            Boolean[] identical = new Boolean[m];
            Integer[] bursts = new Integer[m];
            for (int k = 0; k < m; k++) {
                Row r = kept.get(k);
                Intake.Quality q = r.quality();
                agencies[k] = r.agency().value();
                years[k] = r.year();
                parts[k] = r.part().code();
                days[k] = r.day().toString();
                answers[k] = r.answersJson();
                seconds[k] = q == null ? null : q.secondsToComplete();
                identical[k] = q == null ? null : q.identicalAnswers();
                bursts[k] = q == null ? null : Math.min(q.burst(), Short.MAX_VALUE);
            }
            jdbc.sql("insert into survey_response (agency_code, fiscal_year, part, answered_on, answers, seconds_to_complete,"
                            + " identical_answers, burst) select * from unnest(?::text[], ?::int[], ?::text[], ?::date[], ?::jsonb[],"
                            + " ?::int[], ?::boolean[], ?::smallint[])")
                    .params(agencies, years, parts, days, answers, seconds, identical, bursts).update();
        }
        return stored;
    }

    private static SlipKey slipKey(Row r) {
        Intake.SpentSlip s = r.slip().orElseThrow();
        return new SlipKey(r.year(), r.agency().value(), s.keyVersion(), s.serial());
    }

    /** Whether a slip has been spent already. */
    boolean spent(AgencyCode agency, int year, int keyVersion, int serial) {
        return jdbc.sql("select exists (select 1 from survey_spent_slip where fiscal_year = ? and agency_code = ? and key_version = ?"
                + " and serial = ?)").params(year, agency.value(), keyVersion, serial).query(Boolean.class).single();
    }
}
