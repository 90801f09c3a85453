package org.openita.server.identity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.openita.server.audit.AuditTrail;
import org.openita.server.identity.internal.FirstAdministrator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Recovers a lost password from the command line, on the database of a stopped server: the account gets a new
 * one-time password (changed at the next sign-in), its lockout is lifted, its sessions end, its API tokens and
 * unused reset links are revoked; all in one transaction, audited with the operating-system user who ran it.
 */
public final class PasswordRecovery {

    /** What was done: the new one-time password, and whether the account is disabled (it stays so). */
    public record Outcome(String username, Role role, String oneTimePassword, boolean disabled, int sessionsEnded) {
    }

    private PasswordRecovery() {
    }

    /**
     * @param dataDirectory the embedded database's folder, beside which the first administrator's one-time password
     *                      may be kept (deleted here once it is no longer the password); null for an external database
     * @return empty when there is no such account (nothing is changed)
     */
    public static Optional<Outcome> reset(DataSource dataSource, Path dataDirectory, String username, String actor) throws IOException {
        Optional<Outcome> outcome = reset(dataSource, username, actor);
        if (dataDirectory != null && outcome.filter(o -> o.username().equalsIgnoreCase(FirstAdministrator.USERNAME)).isPresent()) {
            Files.deleteIfExists(dataDirectory.toAbsolutePath().resolveSibling(FirstAdministrator.FILE_NAME));
        }
        return outcome;
    }

    private static Optional<Outcome> reset(DataSource dataSource, String username, String actor) {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        AuditTrail audit = AuditTrail.on(dataSource);
        UserAccounts accounts = new UserAccounts(jdbc, PasswordEncoderFactories.createDelegatingPasswordEncoder(), audit,
                java.time.Clock.system(java.time.ZoneId.of("Asia/Bangkok")), event -> { });
        return new TransactionTemplate(new DataSourceTransactionManager(dataSource)).execute(status -> {
            Optional<UserAccounts.Account> account = accounts.find(username);
            if (account.isEmpty()) {
                return Optional.empty();
            }
            String name = account.get().username();
            String password = FirstAdministrator.oneTimePassword();
            accounts.setOneTimePassword(actor, name, password, "password-reset-by-command");
            jdbc.sql("update password_reset set used_at = now() where lower(username) = lower(?) and used_at is null").param(name).update();
            // the server is stopped: its sessions are rows of Spring Session's table, removed here
            int sessions = jdbc.sql("delete from spring_session where principal_name = ?").param(name).update();
            if (sessions > 0) {
                audit.record(actor, "SESSIONS_ENDED", "user:" + name, null, Map.of("sessions", sessions, "reason", "password-reset-by-command"));
            }
            return Optional.of(new Outcome(name, account.get().role(), password, !account.get().enabled(), sessions));
        });
    }
}
