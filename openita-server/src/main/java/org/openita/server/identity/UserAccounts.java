package org.openita.server.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openita.server.audit.AuditTrail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** User accounts in PostgreSQL; every change is written to the audit trail. */
@Service
public class UserAccounts {

    /** A stored account; the password hash never leaves this module. */
    public record Account(long id, String username, String displayName, Role role, boolean mustChangePassword,
                          int failedAttempts, OffsetDateTime lockedUntil, boolean enabled) {

        public boolean lockedAt(OffsetDateTime now) {
            return lockedUntil != null && lockedUntil.isAfter(now);
        }
    }

    record Row(long id, String username, String displayName, String passwordHash, String role, boolean mustChangePassword,
               int failedAttempts, OffsetDateTime lockedUntil, boolean enabled) {
        Account account() {
            return new Account(id, username, displayName, Role.valueOf(role), mustChangePassword, failedAttempts, lockedUntil, enabled);
        }
    }

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final AuditTrail audit;
    private final Clock clock;
    private final org.springframework.context.ApplicationEventPublisher events;

    /** Published when a person has set a password of their own (a one-time password is then used up). */
    public record PasswordChosen(String username) {
    }

    UserAccounts(JdbcClient jdbc, PasswordEncoder encoder, AuditTrail audit, Clock clock,
                 org.springframework.context.ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.audit = audit;
        this.clock = clock;
        this.events = events;
    }

    Optional<Row> row(String username) {
        return jdbc.sql("select id, username, display_name, password_hash, role, must_change_password, failed_attempts, locked_until, enabled"
                + " from app_user where lower(username) = lower(?)").param(username).query(Row.class).optional();
    }

    /** The agency a person works for (agency roles), or empty. */
    public Optional<String> agencyOf(String username) {
        return jdbc.sql("select agency_code from app_user where lower(username) = lower(?) and agency_code is not null")
                .param(username).query(String.class).optional();
    }

    /** The agencies an assessor or viewer has been given. */
    public java.util.Set<String> accessOf(String username) {
        return new java.util.HashSet<>(jdbc.sql("select agency_code from user_agency_access where lower(username) = lower(?)")
                .param(username).query(String.class).list());
    }

    /** Ties a person to their agency (agency roles) or gives them agencies to see (assessor, viewer). */
    @Transactional
    public void assign(String actor, String username, String agencyCode, java.util.Collection<String> access) {
        jdbc.sql("update app_user set agency_code = ? where lower(username) = lower(?)").params(agencyCode, username).update();
        jdbc.sql("delete from user_agency_access where lower(username) = lower(?)").param(username).update();
        for (String code : access) {
            jdbc.sql("insert into user_agency_access (username, agency_code) values (?, ?)").params(username, code).update();
        }
        audit.record(actor, "USER_ASSIGNED", "user:" + username, null,
                Map.of("agency", agencyCode == null ? "" : agencyCode, "access", java.util.List.copyOf(access)));
    }

    public Optional<Account> find(String username) {
        return row(username).map(Row::account);
    }

    public long count() {
        return jdbc.sql("select count(*) from app_user").query(Long.class).single();
    }

    public List<Account> all() {
        return jdbc.sql("select id, username, display_name, password_hash, role, must_change_password, failed_attempts, locked_until, enabled"
                + " from app_user order by username").query(Row.class).list().stream().map(Row::account).toList();
    }

    @Transactional
    public Account create(String actor, String username, String displayName, Role role, String rawPassword, boolean mustChange) {
        jdbc.sql("insert into app_user (username, display_name, password_hash, role, must_change_password) values (?, ?, ?, ?, ?)")
                .params(username, displayName, encoder.encode(rawPassword), role.name(), mustChange).update();
        audit.record(actor, "USER_CREATED", "user:" + username, null,
                Map.of("username", username, "displayName", displayName, "role", role.name()));
        return find(username).orElseThrow();
    }

    /** Creates an account tied to its agency or given agencies to see, all or nothing. */
    @Transactional
    public Account createAssigned(String actor, String username, String displayName, Role role, String rawPassword,
                                  String agencyCode, java.util.Collection<String> access) {
        Account a = create(actor, username, displayName, role, rawPassword, true);
        if (agencyCode != null || !access.isEmpty()) {
            assign(actor, username, agencyCode, access);
        }
        return a;
    }

    @Transactional
    public void setEmail(String actor, String username, String email) {
        jdbc.sql("update app_user set email = ? where lower(username) = lower(?)").params(email, username).update();
        audit.record(actor, "USER_EMAIL_SET", "user:" + username, null, Map.of("email", email));
    }

    /**
     * Sets a password the person chose. Their API tokens are revoked: whoever knew the old password may have made one,
     * and a token must not outlive the password it was made under.
     */
    @Transactional
    public void changePassword(String username, String rawPassword) {
        jdbc.sql("update app_user set password_hash = ?, must_change_password = false, version = version + 1 where lower(username) = lower(?)")
                .params(encoder.encode(rawPassword), username).update();
        audit.record(username, "PASSWORD_CHANGED", "user:" + username, null, null);
        revokeTokens(username, username, "password-changed");
        events.publishEvent(new PasswordChosen(username));
    }

    /**
     * Gives a person a new one-time password (to be changed at the next sign-in) and lifts a lockout; their API
     * tokens are revoked. Used when a password is lost.
     */
    @Transactional
    public void setOneTimePassword(String actor, String username, String rawPassword, String reason) {
        Account a = find(username).orElseThrow();
        jdbc.sql("update app_user set password_hash = ?, must_change_password = true, failed_attempts = 0, locked_until = null,"
                + " version = version + 1 where id = ?").params(encoder.encode(rawPassword), a.id()).update();
        audit.record(actor, "ONE_TIME_PASSWORD_SET", "user:" + a.username(), null, Map.of("reason", reason));
        revokeTokens(actor, a.username(), reason);
    }

    /** Revokes every live API token of a person; returns how many. */
    @Transactional
    public int revokeTokens(String actor, String username, String reason) {
        int n = jdbc.sql("update api_token set revoked_at = now() where lower(username) = lower(?) and revoked_at is null").param(username).update();
        if (n > 0) {
            audit.record(actor, "API_TOKENS_REVOKED", "user:" + username, null, Map.of("tokens", n, "reason", reason));
        }
        return n;
    }

    /** Changes a person's role; the caller ends their sessions, whose sign-in still carries the old role. */
    @Transactional
    public void setRole(String actor, String username, Role role) {
        Account before = find(username).orElseThrow();
        if (before.role() == role) {
            return;
        }
        jdbc.sql("update app_user set role = ?, version = version + 1 where id = ?").params(role.name(), before.id()).update();
        audit.record(actor, "USER_ROLE_CHANGED", "user:" + before.username(), Map.of("role", before.role().name()), Map.of("role", role.name()));
    }

    /** Lets a person sign in again, or stops them; the caller ends the sessions of a disabled person. */
    @Transactional
    public void setEnabled(String actor, String username, boolean enabled) {
        Account before = find(username).orElseThrow();
        if (before.enabled() == enabled) {
            return;
        }
        jdbc.sql("update app_user set enabled = ?, version = version + 1 where id = ?").params(enabled, before.id()).update();
        audit.record(actor, enabled ? "USER_ENABLED" : "USER_DISABLED", "user:" + before.username(),
                Map.of("enabled", before.enabled()), Map.of("enabled", enabled));
    }

    /** The e-mail address a reset link goes to, or empty. */
    public Optional<String> emailOf(String username) {
        return jdbc.sql("select email from app_user where lower(username) = lower(?) and email is not null")
                .param(username).query(String.class).optional();
    }

    /** Active (enabled) central administrators other than the one named; taken under a lock held to the end of the transaction. */
    public long otherActiveCentralAdministrators(String username) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('openita:central-administrators'))").query().singleRow();
        return jdbc.sql("select count(*) from app_user where role = 'CENTRAL_ADMIN' and enabled and lower(username) <> lower(?)")
                .param(username).query(Long.class).single();
    }

    public boolean passwordMatches(String username, String rawPassword) {
        return row(username).map(r -> encoder.matches(rawPassword, r.passwordHash())).orElse(false);
    }

    /**
     * Counts a wrong password (at sign-in, or as the current password when changing it); the account locks after
     * too many in a row. Returns whether the account is locked now.
     */
    @Transactional
    public boolean failedSignIn(String username, int maxAttempts, Duration lockout) {
        int updated = jdbc.sql("update app_user set failed_attempts = failed_attempts + 1 where lower(username) = lower(?)")
                .param(username).update();
        if (updated == 0) {
            return false;
        }
        Account a = find(username).orElseThrow();
        if (a.failedAttempts() >= maxAttempts && !lockedNow(a)) {
            jdbc.sql("update app_user set locked_until = now() + cast(? as interval), failed_attempts = 0 where id = ?")
                    .params(lockout.toSeconds() + " seconds", a.id()).update();
            audit.record("system", "USER_LOCKED", "user:" + a.username(), null, Map.of("minutes", lockout.toMinutes()));
            return true;
        }
        return lockedNow(a);
    }

    /** Whether the account is locked at this moment by the server's clock. */
    public boolean lockedNow(Account account) {
        return account.lockedAt(OffsetDateTime.now(clock));
    }

    @Transactional
    public void succeededSignIn(String username) {
        jdbc.sql("update app_user set failed_attempts = 0, locked_until = null where lower(username) = lower(?) and (failed_attempts > 0 or locked_until is not null)")
                .param(username).update();
    }
}
