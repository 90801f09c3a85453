package org.openita.server.identity.internal;

import org.openita.server.identity.UserAccounts;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/** Counts wrong passwords and resets the count on success: the lockout. */
@Component
class SignInEvents {

    private final UserAccounts accounts;
    private final IdentityProperties properties;

    SignInEvents(UserAccounts accounts, IdentityProperties properties) {
        this.accounts = accounts;
        this.properties = properties;
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        accounts.failedSignIn(event.getAuthentication().getName(), properties.maxFailedAttempts(), properties.lockout());
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        accounts.succeededSignIn(event.getAuthentication().getName());
    }
}
