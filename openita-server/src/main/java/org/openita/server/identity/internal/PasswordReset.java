package org.openita.server.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.openita.server.audit.AuditTrail;
import org.openita.server.identity.PublicSite;
import org.openita.server.identity.UserAccounts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Password reset by a one-time link sent to the person's e-mail. The link works once, for 30 minutes, and using
 * it voids the person's other links; only a hash of its token is stored. Asking for a link says the same thing
 * whether or not the account exists and whether or not the asking was throttled.
 */
@Service
public class PasswordReset {

    static final Duration VALIDITY = Duration.ofMinutes(30);
    private static final int MAX_NAME_LENGTH = 100;

    private final JdbcClient jdbc;
    private final UserAccounts accounts;
    private final MailSender mail;
    private final AuditTrail audit;
    private final PublicSite site;
    private final ResetRequestThrottle throttle;
    private final SecureRandom random = new SecureRandom();

    PasswordReset(JdbcClient jdbc, UserAccounts accounts, MailSender mail, AuditTrail audit, PublicSite site, ResetRequestThrottle throttle) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.mail = mail;
        this.audit = audit;
        this.site = site;
        this.throttle = throttle;
    }

    /**
     * Sends a link when the account exists and has an e-mail address, unless the network address or the
     * account asked too often in the last hour (then the refusal is audited and nothing is sent). The caller
     * answers the same in every case. Returns the token only for tests.
     */
    @Transactional
    public Optional<String> request(String username, String address) {
        String name = username.strip();
        if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
            return Optional.empty();
        }
        Optional<ResetRequestThrottle.Limit> limit = throttle.count(address, name);
        if (limit.isPresent()) {
            audit.record(name, "PASSWORD_RESET_THROTTLED", "user:" + name, null,
                    Map.of("address", address, "limit", limit.get().name().toLowerCase(Locale.ROOT)));
            return Optional.empty();
        }
        Optional<Recipient> recipient = jdbc.sql("select username, email from app_user where lower(username) = lower(?) and enabled and email is not null")
                .param(name).query(Recipient.class).optional();
        if (recipient.isEmpty()) {
            return Optional.empty();
        }
        String holder = recipient.get().username();
        String token = issue(holder, recipient.get().email());
        audit.record(holder, "PASSWORD_RESET_REQUESTED", "user:" + holder, null, Map.of("address", address));
        return Optional.of(token);
    }

    /**
     * The central administrator starts a reset for a person: the same one-time link goes to the person's own
     * e-mail address (the administrator never sees it). Returns the token only for tests; empty when the account
     * is disabled or has no e-mail address.
     */
    @Transactional
    public Optional<String> startFor(String actor, String username) {
        Optional<Recipient> recipient = jdbc.sql("select username, email from app_user where lower(username) = lower(?) and enabled and email is not null")
                .param(username).query(Recipient.class).optional();
        if (recipient.isEmpty()) {
            return Optional.empty();
        }
        String holder = recipient.get().username();
        String token = issue(holder, recipient.get().email());
        audit.record(actor, "PASSWORD_RESET_STARTED", "user:" + holder, null, Map.of("sentTo", recipient.get().email()));
        return Optional.of(token);
    }

    private String issue(String holder, String email) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("insert into password_reset (token_hash, username, expires_at) values (?, ?, now() + cast(? as interval))")
                .params(hash(token), holder, VALIDITY.toSeconds() + " seconds").update();
        mail.send(email, "OpenITA: ตั้งรหัสผ่านใหม่ / reset your password",
                "มีการขอตั้งรหัสผ่านใหม่สำหรับบัญชี " + holder + " เปิดลิงก์นี้ภายใน 30 นาที (ใช้ได้ครั้งเดียว):\n"
                        + site.link("/account/reset/{token}", token) + "\n\nA password reset was requested for " + holder
                        + ". Open the link above within 30 minutes; it works once. If you did not ask, ignore this message.");
        return token;
    }

    record Recipient(String username, String email) {
    }

    /** The account a token belongs to, when the token is unused and not expired. */
    public Optional<String> holder(String token) {
        return jdbc.sql("select username from password_reset where token_hash = ? and used_at is null and expires_at > now()")
                .param(hash(token)).query(String.class).optional();
    }

    /**
     * Sets the new password when the token is still good, and voids every other outstanding link of the same
     * person: one used link ends them all. Returns the account's username, or empty when the link cannot be used.
     * The caller then ends the person's sessions.
     */
    @Transactional
    public Optional<String> complete(String token, String newPassword) {
        Optional<String> holder = holder(token).flatMap(accounts::find).map(UserAccounts.Account::username);
        if (holder.isEmpty()) {
            return Optional.empty();
        }
        String username = holder.get();
        // one completion per person at a time: a second link used at the same moment finds itself voided
        jdbc.sql("select id from app_user where lower(username) = lower(?) for update").param(username).query(Long.class).single();
        int used = jdbc.sql("update password_reset set used_at = now() where token_hash = ? and used_at is null and expires_at > now()")
                .param(hash(token)).update();
        if (used == 0) {
            return Optional.empty();
        }
        int voided = jdbc.sql("update password_reset set used_at = now() where lower(username) = lower(?) and used_at is null")
                .param(username).update();
        accounts.changePassword(username, newPassword);
        accounts.succeededSignIn(username);
        audit.record(username, "PASSWORD_RESET_COMPLETED", "user:" + username, null, Map.of("otherLinksVoided", voided));
        return Optional.of(username);
    }

    /** Voids every unused link of a person (their account was disabled); returns how many. */
    int voidLinks(String username) {
        return jdbc.sql("update password_reset set used_at = now() where lower(username) = lower(?) and used_at is null").param(username).update();
    }

    /** Removes links that can no longer be used; run by the scheduled cleanup. */
    public int purgeExpired() {
        throttle.purge();
        return jdbc.sql("delete from password_reset where expires_at < now() - interval '1 day' or used_at < now() - interval '1 day'").update();
    }

    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
