package org.openita.server.survey.internal;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.openita.server.agency.AgencyCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores one checked response. The caller has read and checked the whole body before calling, so the database
 * connection is held only for the inserts; the answer is acknowledged after the commit returns.
 */
@Component
class Intake {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** EIT part 1 quality signals; null for the IIT. */
    record Quality(int secondsToComplete, boolean identicalAnswers, int burst) {
    }

    /** A slip spent by this response. */
    record SpentSlip(int keyVersion, int serial) {
    }

    /** A checked phone spent by this EIT part 1 response: the HMAC of its number (PhoneChecks), never the number. */
    record SpentPhone(byte[] hash) {
    }

    /** The phone had already answered this agency's survey this year: nothing was stored. */
    static final class PhoneAlreadyUsed extends RuntimeException {
        PhoneAlreadyUsed() {
            super("phone already used", null, false, false);
        }
    }

    /** The slip had already been used: nothing was stored. */
    static final class SlipAlreadyUsed extends RuntimeException {
        SlipAlreadyUsed() {
            super("slip already used", null, false, false);
        }
    }

    private final JdbcClient jdbc;

    Intake(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether a slip has been spent already (asked when a slip's link is opened, before anyone answers). */
    boolean spent(AgencyCode agency, int year, int keyVersion, int serial) {
        return jdbc.sql("select exists (select 1 from survey_spent_slip where fiscal_year = ? and agency_code = ? and key_version = ?"
                        + " and serial = ?)").params(year, agency.value(), keyVersion, serial).query(Boolean.class).single();
    }

    @Transactional
    public void store(AgencyCode agency, int year, SurveyPart part, LocalDate day, Map<String, String> answers,
                      Optional<SpentSlip> slip, Quality quality) {
        store(agency, year, part, day, answers, slip, Optional.empty(), quality);
    }

    /** The same, spending a checked phone too (the phone check of EIT part 1), in the same transaction. */
    @Transactional
    public void store(AgencyCode agency, int year, SurveyPart part, LocalDate day, Map<String, String> answers,
                      Optional<SpentSlip> slip, Optional<SpentPhone> phone, Quality quality) {
        if (phone.isPresent()) {
            int spent = jdbc.sql("insert into survey_spent_phone (fiscal_year, agency_code, phone_hash) values (?, ?, ?)"
                            + " on conflict do nothing")
                    .params(year, agency.value(), phone.get().hash()).update();
            if (spent == 0) {
                throw new PhoneAlreadyUsed();
            }
        }
        if (slip.isPresent()) {
            int spent = jdbc.sql("insert into survey_spent_slip (fiscal_year, agency_code, key_version, serial) values (?, ?, ?, ?)"
                            + " on conflict do nothing")
                    .params(year, agency.value(), slip.get().keyVersion(), slip.get().serial()).update();
            if (spent == 0) {
                throw new SlipAlreadyUsed();
            }
        }
        jdbc.sql("insert into survey_response (agency_code, fiscal_year, part, answered_on, answers, seconds_to_complete,"
                        + " identical_answers, burst) values (?, ?, ?, ?, cast(? as jsonb), ?, ?, ?)")
                .params(agency.value(), year, part.code(), day, JSON.writeValueAsString(answers),
                        quality == null ? null : quality.secondsToComplete(),
                        quality == null ? null : quality.identicalAnswers(),
                        quality == null ? null : (short) Math.min(quality.burst(), Short.MAX_VALUE))
                .update();
    }
}
