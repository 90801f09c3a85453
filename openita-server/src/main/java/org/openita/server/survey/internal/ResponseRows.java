package org.openita.server.survey.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.openita.server.agency.AgencyCode;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The SQL of storing checked responses, several at once, in the caller's transaction: first the slips and phones they
 * spend, then the responses whose slip or phone was not spent before (also not by an earlier row of the same call). Two statements
 * whatever the number of rows: the rows go to PostgreSQL as arrays and come back out of {@code unnest}.
 */
final class ResponseRows {

    /** One checked response, its answers already written as JSON; it spends a slip (IIT) or a phone (EIT), not both. */
    record Row(AgencyCode agency, int year, SurveyPart part, LocalDate day, String answersJson,
               Optional<Intake.SpentSlip> slip, Optional<Intake.SpentPhone> phone, Intake.Quality quality) {
        Row {
            if (slip.isPresent() && phone.isPresent()) {
                throw new IllegalArgumentException("a response spends a slip or a phone, not both");
            }
        }
    }

    /** What became of a row. */
    enum Outcome { STORED, SLIP_USED, PHONE_USED }

    private record SlipKey(int year, String agency, int keyVersion, int serial) {
    }

    private record PhoneKey(int year, String agency, String hash) {
    }

    private final JdbcClient jdbc;

    ResponseRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores {@code rows}; the answer at each index says whether that row was stored or refused, and why. */
    Outcome[] insert(List<Row> rows) {
        int n = rows.size();
        Outcome[] out = new Outcome[n];
        java.util.Arrays.fill(out, Outcome.STORED);
        spend(rows, out, r -> r.slip().map(s -> new SlipKey(r.year(), r.agency().value(), s.keyVersion(), s.serial())),
                Outcome.SLIP_USED, keys -> jdbc.sql("insert into survey_spent_slip (fiscal_year, agency_code, key_version, serial)"
                                + " select * from unnest(?::int[], ?::text[], ?::int[], ?::int[]) on conflict do nothing"
                                + " returning fiscal_year, agency_code, key_version, serial")
                        .params(keys.stream().map(SlipKey::year).toArray(Integer[]::new),
                                keys.stream().map(SlipKey::agency).toArray(String[]::new),
                                keys.stream().map(SlipKey::keyVersion).toArray(Integer[]::new),
                                keys.stream().map(SlipKey::serial).toArray(Integer[]::new))
                        .query((rs, i) -> new SlipKey(rs.getInt(1), rs.getString(2), rs.getInt(3), rs.getInt(4))).list());
        spend(rows, out, r -> r.phone().map(p -> new PhoneKey(r.year(), r.agency().value(), HexFormat.of().formatHex(p.hash()))),
                Outcome.PHONE_USED, keys -> jdbc.sql("insert into survey_spent_phone (fiscal_year, agency_code, phone_hash)"
                                + " select * from unnest(?::int[], ?::text[], ?::bytea[]) on conflict do nothing"
                                + " returning fiscal_year, agency_code, encode(phone_hash, 'hex')")
                        .params(keys.stream().map(PhoneKey::year).toArray(Integer[]::new),
                                keys.stream().map(PhoneKey::agency).toArray(String[]::new),
                                keys.stream().map(k -> HexFormat.of().parseHex(k.hash())).toArray(byte[][]::new))
                        .query((rs, i) -> new PhoneKey(rs.getInt(1), rs.getString(2), rs.getString(3))).list());
        List<Row> kept = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            if (out[i] == Outcome.STORED) {
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
        return out;
    }

    /**
     * Spends the tokens ({@code key}) of the rows still to be stored: the first row with a token spends it if no earlier
     * answer has; a row whose token was spent before, or earlier in {@code rows}, is {@code refused}.
     */
    private static <K> void spend(List<Row> rows, Outcome[] out, Function<Row, Optional<K>> key, Outcome refused,
                                  Function<List<K>, List<K>> insertReturningNew) {
        Map<K, Integer> first = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            Optional<K> k = key.apply(rows.get(i));
            if (k.isPresent() && out[i] == Outcome.STORED && first.putIfAbsent(k.get(), i) != null) {
                out[i] = refused; // the same token twice in one batch: the first one counts
            }
        }
        if (first.isEmpty()) {
            return;
        }
        Set<K> spentNow = new HashSet<>(insertReturningNew.apply(new ArrayList<>(first.keySet())));
        first.forEach((k, i) -> {
            if (!spentNow.contains(k)) {
                out[i] = refused;
            }
        });
    }

    /** Whether a slip has been spent already. */
    boolean spent(AgencyCode agency, int year, int keyVersion, int serial) {
        return jdbc.sql("select exists (select 1 from survey_spent_slip where fiscal_year = ? and agency_code = ? and key_version = ?"
                + " and serial = ?)").params(year, agency.value(), keyVersion, serial).query(Boolean.class).single();
    }
}
