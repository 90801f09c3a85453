package org.openita.server.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.openita.server.audit.AuditTrail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Password reset by a one-time link sent to the person's e-mail. The link works once, for 30 minutes; only a
 * hash of its token is stored. Asking for a link says the same thing whether or not the account exists.
 */
@Service
public class PasswordReset {

    static final Duration VALIDITY = Duration.ofMinutes(30);

    private final JdbcClient jdbc;
    private final UserAccounts accounts;
    private final MailSender mail;
    private final AuditTrail audit;
    private final SecureRandom random = new SecureRandom();

    PasswordReset(JdbcClient jdbc, UserAccounts accounts, MailSender mail, AuditTrail audit) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.mail = mail;
        this.audit = audit;
    }

    /** Sends a link when the account exists and has an e-mail address; returns the token only for tests. */
    @Transactional
    public Optional<String> request(String username, String baseUrl) {
        Optional<String> email = jdbc.sql("select email from app_user where lower(username) = lower(?) and enabled and email is not null")
                .param(username).query(String.class).optional();
        if (email.isEmpty()) {
            return Optional.empty();
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("insert into password_reset (token_hash, username, expires_at) values (?, ?, now() + cast(? as interval))")
                .params(hash(token), username, VALIDITY.toSeconds() + " seconds").update();
        mail.send(email.get(), "OpenITA: ตั้งรหัสผ่านใหม่ / reset your password",
                "มีการขอตั้งรหัสผ่านใหม่สำหรับบัญชี " + username + " เปิดลิงก์นี้ภายใน 30 นาที (ใช้ได้ครั้งเดียว):\n"
                        + baseUrl + "/account/reset/" + token + "\n\nA password reset was requested for " + username
                        + ". Open the link above within 30 minutes; it works once. If you did not ask, ignore this message.");
        audit.record(username, "PASSWORD_RESET_REQUESTED", "user:" + username, null, null);
        return Optional.of(token);
    }

    /** The account a token belongs to, when the token is unused and not expired. */
    public Optional<String> holder(String token) {
        return jdbc.sql("select username from password_reset where token_hash = ? and used_at is null and expires_at > now()")
                .param(hash(token)).query(String.class).optional();
    }

    @Transactional
    public boolean complete(String token, String newPassword) {
        int used = jdbc.sql("update password_reset set used_at = now() where token_hash = ? and used_at is null and expires_at > now()")
                .param(hash(token)).update();
        if (used == 0) {
            return false;
        }
        String username = jdbc.sql("select username from password_reset where token_hash = ?").param(hash(token)).query(String.class).single();
        accounts.changePassword(username, newPassword);
        accounts.succeededSignIn(username);
        return true;
    }

    /** Removes links that can no longer be used; run by the scheduled cleanup. */
    public int purgeExpired() {
        return jdbc.sql("delete from password_reset where expires_at < now() - interval '1 day' or used_at < now() - interval '1 day'").update();
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
