package org.openita.server.identity.internal;

import org.openita.server.identity.UserAccounts;
import org.springframework.stereotype.Service;

/**
 * A signed-in person changes their password. The current password is checked like a sign-in: wrong ones
 * count towards the same lockout, and a locked account cannot change its password.
 */
@Service
class PasswordChange {

    static final int MIN_PASSWORD_LENGTH = 10;
    /** BCrypt reads at most 72 bytes of a password, and Spring's encoder refuses more (about 24 Thai characters). */
    static final int MAX_PASSWORD_BYTES = 72;

    static boolean tooLong(String password) {
        return password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES;
    }

    /** What came of an attempt: changed, refused with a message, or refused because the account is now locked. */
    enum Outcome {
        CHANGED(null),
        LOCKED_OUT(null),
        ACCOUNT_LOCKED("password.error.locked"),
        WRONG_CURRENT("password.error.current"),
        TOO_SHORT("password.error.short"),
        TOO_LONG("password.error.long"),
        CONFIRMATION_DIFFERS("password.error.confirm"),
        SAME_AS_CURRENT("password.error.same");

        final String messageKey;

        Outcome(String messageKey) {
            this.messageKey = messageKey;
        }
    }

    private final UserAccounts accounts;
    private final IdentityProperties properties;

    PasswordChange(UserAccounts accounts, IdentityProperties properties) {
        this.accounts = accounts;
        this.properties = properties;
    }

    Outcome change(String username, String current, String newPassword, String confirm) {
        if (accounts.find(username).map(accounts::lockedNow).orElse(true)) {
            return Outcome.ACCOUNT_LOCKED;
        }
        if (!accounts.passwordMatches(username, current)) {
            boolean locked = accounts.failedSignIn(username, properties.maxFailedAttempts(), properties.lockout());
            return locked ? Outcome.LOCKED_OUT : Outcome.WRONG_CURRENT;
        }
        if (newPassword.length() < MIN_PASSWORD_LENGTH) {
            return Outcome.TOO_SHORT;
        }
        if (tooLong(newPassword)) {
            return Outcome.TOO_LONG;
        }
        if (!newPassword.equals(confirm)) {
            return Outcome.CONFIRMATION_DIFFERS;
        }
        if (newPassword.equals(current)) {
            return Outcome.SAME_AS_CURRENT;
        }
        accounts.changePassword(username, newPassword);
        accounts.succeededSignIn(username);
        return Outcome.CHANGED;
    }
}
