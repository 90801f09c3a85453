package org.openita.server.survey.internal;

import java.security.SecureRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The signing keys of the surveys, kept in the database so that every server process and every restart signs and
 * checks alike. A key is made the first time it is needed; two processes making it at once agree on the first one
 * stored. Keys never change once stored, so they are kept in memory after the first read.
 */
@Component
class SurveyKeys {

    /** A signing key and its version (the version is printed into each slip code). */
    record Key(int version, byte[] secret) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final ConcurrentMap<String, Key> known = new ConcurrentHashMap<>();

    SurveyKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The key that signs answer forms and the "already answered" cookie. */
    Key form() {
        return current("FORM", 0);
    }

    /** The key that signs a fiscal year's slips: every year has its own. */
    Key slips(int fiscalYear) {
        return current("SLIP", fiscalYear);
    }

    /** The key that names a fiscal year's phones in the phone check (an HMAC of the number): every year has its own. */
    Key phones(int fiscalYear) {
        return current("PHONE", fiscalYear);
    }

    private Key current(String purpose, int year) {
        return known.computeIfAbsent(purpose + ":" + year, k -> {
            byte[] fresh = new byte[32];
            RANDOM.nextBytes(fresh);
            jdbc.sql("insert into survey_key (purpose, fiscal_year, version, secret) values (?, ?, 1, ?) on conflict do nothing")
                    .params(purpose, year, fresh).update();
            return jdbc.sql("select version, secret from survey_key where purpose = ? and fiscal_year = ? order by version desc limit 1")
                    .params(purpose, year).query((rs, n) -> new Key(rs.getInt(1), rs.getBytes(2))).single();
        });
    }

    /** A fiscal year's slip key of a given version, if there is one. */
    java.util.Optional<Key> slips(int fiscalYear, int version) {
        Key now = slips(fiscalYear);
        if (now.version() == version) {
            return java.util.Optional.of(now);
        }
        return jdbc.sql("select version, secret from survey_key where purpose = 'SLIP' and fiscal_year = ? and version = ?")
                .params(fiscalYear, version).query((rs, n) -> new Key(rs.getInt(1), rs.getBytes(2))).optional();
    }
}
