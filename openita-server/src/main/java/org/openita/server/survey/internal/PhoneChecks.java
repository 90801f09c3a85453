package org.openita.server.survey.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;
import org.openita.server.agency.AgencyCode;
import org.openita.server.cycle.CycleService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Codes sent by SMS and checked, for the phone check of EIT part 1. A phone is known only by a keyed HMAC of its number
 * under the fiscal year's key; the number itself is used to send the message and then forgotten. Sending is limited
 * per phone and per network address (in memory, like {@link RateLimits}) and per agency and day (in the database,
 * since every SMS costs money). Whether a phone has already answered is said only after its code was entered, so
 * nobody learns it of a number they do not hold.
 */
@Component
class PhoneChecks {

    private static final Logger LOG = LoggerFactory.getLogger(PhoneChecks.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    enum Sent { SENT, TOO_MANY, SENDER_FAILED }

    /** What became of a request for a code; {@code retryAfterSeconds} when refused. */
    record SendResult(Sent outcome, long retryAfterSeconds) {
    }

    enum Checked { RIGHT, WRONG, USED_UP, EXPIRED }

    record CheckResult(Checked outcome, int attemptsLeft) {
    }

    /** A count in a window that started at {@code start}. */
    private record Window(Instant start, AtomicInteger count) {
    }

    private final PhoneCheckProperties properties;
    private final SmsSender sender;
    private final SurveyKeys keys;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Cache<String, Window> byPhone;
    private final Cache<String, Window> byAddress;

    PhoneChecks(PhoneCheckProperties properties, SmsSender sender, SurveyKeys keys, JdbcClient jdbc,
                org.springframework.transaction.PlatformTransactionManager transactions, Clock clock) {
        this.properties = properties;
        this.sender = sender;
        this.keys = keys;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.byPhone = Caffeine.newBuilder().expireAfterWrite(properties.phoneWindow()).maximumSize(200_000).build();
        this.byAddress = Caffeine.newBuilder().expireAfterWrite(properties.addressWindow()).maximumSize(200_000).build();
    }

    /** Whether answers to {@code part} need a checked phone. */
    boolean required(SurveyPart part) {
        return properties.enabled() && part == SurveyPart.EIT_PUBLIC;
    }

    /** The name of a phone in this year's rows: HMAC-SHA256 of its number under the year's key. */
    byte[] phoneHash(int year, ThaiMobile phone) {
        return Signatures.sign(keys.phones(year).secret(), "phone|" + phone.international());
    }

    /** Sends a new code to {@code phone} for the agency's survey, within the limits; stores nothing when it fails. */
    SendResult send(AgencyCode agency, String agencyName, int year, ThaiMobile phone, String where) {
        byte[] hash = phoneHash(year, phone);
        Instant now = clock.instant();
        Window address = byAddress.get(where, k -> new Window(now, new AtomicInteger()));
        Window number = byPhone.get(Base64.getEncoder().encodeToString(hash), k -> new Window(now, new AtomicInteger()));
        long wait = Math.max(waitFor(address, properties.perAddress(), properties.addressWindow(), now),
                waitFor(number, properties.perPhone(), properties.phoneWindow(), now));
        LocalDate today = CycleService.today(clock);
        if (wait == 0 && sentToday(agency, today) >= properties.perAgencyPerDay()) {
            wait = Math.max(1, Duration.between(now, today.plusDays(1).atStartOfDay(clock.getZone())).toSeconds());
        }
        if (wait > 0) {
            return new SendResult(Sent.TOO_MANY, wait);
        }
        // a message tried counts, sent or not: a failing gateway is not asked again and again
        address.count().incrementAndGet();
        number.count().incrementAndGet();
        String code = String.format("%06d", RANDOM.nextInt(1_000_000));
        try {
            sender.send(phone.international(), phone.local(),
                    properties.message().replace("{agency}", agencyName).replace("{code}", code));
        } catch (SmsSender.Failed | RuntimeException e) {
            LOG.warn("An SMS code for agency {} was not sent: {}", agency.value(), e.getMessage());
            return new SendResult(Sent.SENDER_FAILED, 60);
        }
        transaction.executeWithoutResult(s -> {
            jdbc.sql("insert into survey_phone_code (fiscal_year, agency_code, phone_hash, code_hash, expires_at, attempts_left)"
                            + " values (?, ?, ?, ?, ?, ?) on conflict (fiscal_year, agency_code, phone_hash) do update set"
                            + " code_hash = excluded.code_hash, expires_at = excluded.expires_at, attempts_left = excluded.attempts_left")
                    .params(year, agency.value(), hash, codeHash(year, agency, hash, code),
                            java.sql.Timestamp.from(now.plus(properties.codeValidity())), properties.attempts())
                    .update();
            jdbc.sql("insert into survey_phone_sends (agency_code, sent_on, sent) values (?, ?, 1)"
                            + " on conflict (agency_code, sent_on) do update set sent = survey_phone_sends.sent + 1")
                    .params(agency.value(), today).update();
            jdbc.sql("delete from survey_phone_code where expires_at < ?").param(java.sql.Timestamp.from(now.minus(Duration.ofDays(1))))
                    .update();
        });
        return new SendResult(Sent.SENT, 0);
    }

    /** Checks a code entered for the phone's latest one; a right code is used up, and so is the last wrong try. */
    CheckResult check(AgencyCode agency, int year, byte[] hash, String code) {
        Instant now = clock.instant();
        return transaction.execute(s -> {
            var pending = jdbc.sql("select code_hash, expires_at, attempts_left from survey_phone_code"
                            + " where fiscal_year = ? and agency_code = ? and phone_hash = ? for update")
                    .params(year, agency.value(), hash)
                    .query((rs, n) -> new Object[] {rs.getBytes(1), rs.getTimestamp(2).toInstant(), rs.getInt(3)}).optional();
            if (pending.isEmpty() || !((Instant) pending.get()[1]).isAfter(now) || (int) pending.get()[2] <= 0) {
                forget(agency, year, hash);
                return new CheckResult(pending.isPresent() && (int) pending.get()[2] <= 0 ? Checked.USED_UP : Checked.EXPIRED, 0);
            }
            if (MessageDigest.isEqual((byte[]) pending.get()[0], codeHash(year, agency, hash, code))) {
                forget(agency, year, hash);
                return new CheckResult(Checked.RIGHT, 0);
            }
            int left = (int) pending.get()[2] - 1;
            if (left <= 0) {
                forget(agency, year, hash);
                return new CheckResult(Checked.USED_UP, 0);
            }
            jdbc.sql("update survey_phone_code set attempts_left = ? where fiscal_year = ? and agency_code = ? and phone_hash = ?")
                    .params(left, year, agency.value(), hash).update();
            return new CheckResult(Checked.WRONG, left);
        });
    }

    /** Whether the phone has answered the agency's survey this year. */
    boolean spent(AgencyCode agency, int year, byte[] hash) {
        return jdbc.sql("select exists (select 1 from survey_spent_phone where fiscal_year = ? and agency_code = ? and phone_hash = ?)")
                .params(year, agency.value(), hash).query(Boolean.class).single();
    }

    private void forget(AgencyCode agency, int year, byte[] hash) {
        jdbc.sql("delete from survey_phone_code where fiscal_year = ? and agency_code = ? and phone_hash = ?")
                .params(year, agency.value(), hash).update();
    }

    private int sentToday(AgencyCode agency, LocalDate today) {
        return jdbc.sql("select sent from survey_phone_sends where agency_code = ? and sent_on = ?").params(agency.value(), today)
                .query(Integer.class).optional().orElse(0);
    }

    private byte[] codeHash(int year, AgencyCode agency, byte[] phone, String code) {
        return Signatures.sign(keys.phones(year).secret(), "code|" + agency.value() + "|" + HexFormat.of().formatHex(phone) + "|" + code);
    }

    /** 0 when the window has room for one more, else the seconds until it ends. */
    private static long waitFor(Window w, int limit, Duration length, Instant now) {
        return w.count().get() < limit ? 0 : Math.max(1, Duration.between(now, w.start().plus(length)).toSeconds());
    }
}
