package org.openita.server.identity.internal;

import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Limits how many reset links can be asked for in an hour, per network address and per account name
 * (existing or not). Every request is counted in PostgreSQL, so several server processes agree; the
 * counting of one address and of one name is serialised by advisory locks, so the limits are exact.
 */
@Component
class ResetRequestThrottle {

    static final int MAX_PER_ADDRESS = 10;
    static final int MAX_PER_ACCOUNT = 3;

    /** Which limit a request went over. */
    enum Limit {
        ADDRESS, ACCOUNT
    }

    private final JdbcClient jdbc;

    ResetRequestThrottle(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Counts this request and says which limit, if any, it goes over; runs in the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    Optional<Limit> count(String address, String username) {
        String account = username.toLowerCase(Locale.ROOT);
        // always the address first, then the account: two kinds of key, taken in one order, cannot deadlock
        jdbc.sql("select pg_advisory_xact_lock(hashtext('reset-address'), hashtext(?))").param(address).query().singleRow();
        jdbc.sql("select pg_advisory_xact_lock(hashtext('reset-account'), hashtext(?))").param(account).query().singleRow();
        jdbc.sql("insert into password_reset_request (address, account) values (?, ?)").params(address, account).update();
        if (countSince("address", address) > MAX_PER_ADDRESS) {
            return Optional.of(Limit.ADDRESS);
        }
        if (countSince("account", account) > MAX_PER_ACCOUNT) {
            return Optional.of(Limit.ACCOUNT);
        }
        return Optional.empty();
    }

    private long countSince(String column, String value) {
        return jdbc.sql("select count(*) from password_reset_request where " + column + " = ? and requested_at > now() - interval '1 hour'")
                .param(value).query(Long.class).single();
    }

    /** Forgets requests older than a day; run by the scheduled cleanup. */
    int purge() {
        return jdbc.sql("delete from password_reset_request where requested_at < now() - interval '1 day'").update();
    }
}
