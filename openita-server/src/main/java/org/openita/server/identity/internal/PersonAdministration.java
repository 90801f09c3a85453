package org.openita.server.identity.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.openita.server.identity.Role;
import org.openita.server.identity.UserAccounts;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The central administrator's changes to a person: role and agencies, disabling and re-enabling, starting a
 * password reset. Every change is audited (by {@link UserAccounts} and {@link PasswordReset}). There is always
 * at least one enabled central administrator: the last one can be neither disabled nor given another role.
 * A change that alters what a signed-in person may do ends their sessions, so it holds from their next request.
 */
@Service
class PersonAdministration {

    /** Why a change was refused: the message key shown. */
    enum Refusal {
        LAST_CENTRAL_ADMIN("person.error.lastCentralAdmin"),
        AGENCY_REQUIRED("users.error.agencyRequired"),
        NO_EMAIL("person.error.noEmail"),
        DISABLED("person.error.disabled");

        final String messageKey;

        Refusal(String messageKey) {
            this.messageKey = messageKey;
        }
    }

    private final UserAccounts accounts;
    private final PasswordReset reset;
    private final SignedInSessions sessions;
    private final TransactionTemplate tx;

    PersonAdministration(UserAccounts accounts, PasswordReset reset, SignedInSessions sessions, TransactionTemplate tx) {
        this.accounts = accounts;
        this.reset = reset;
        this.sessions = sessions;
        this.tx = tx;
    }

    /**
     * Gives a person a role and the agencies that go with it: agency roles work for one agency, assessors and
     * viewers see the listed ones, the central administrator sees all (no list). All or nothing; an unknown
     * agency code fails with the database's integrity error, changing nothing.
     */
    Optional<Refusal> edit(String actor, String username, Role role, String agencyCode, Collection<String> access) {
        boolean agencyRole = role == Role.AGENCY_ADMIN || role == Role.AGENCY_STAFF;
        if (agencyRole && agencyCode == null) {
            return Optional.of(Refusal.AGENCY_REQUIRED);
        }
        Role before = accounts.find(username).orElseThrow().role();
        Optional<Refusal> refusal = tx.execute(s -> editInTransaction(actor, username, role, agencyRole ? agencyCode : null,
                agencyRole || role == Role.CENTRAL_ADMIN ? List.of() : List.copyOf(access)));
        if (refusal.isEmpty() && before != role) {
            // a signed-in session carries the role it signed in with
            sessions.endAll(username, "role-changed");
        }
        return refusal;
    }

    private Optional<Refusal> editInTransaction(String actor, String username, Role role, String agencyCode, List<String> access) {
        UserAccounts.Account a = accounts.find(username).orElseThrow();
        if (a.role() == Role.CENTRAL_ADMIN && role != Role.CENTRAL_ADMIN && a.enabled()
                && accounts.otherActiveCentralAdministrators(username) == 0) {
            return Optional.of(Refusal.LAST_CENTRAL_ADMIN);
        }
        accounts.setRole(actor, username, role);
        accounts.assign(actor, username, agencyCode, access);
        return Optional.empty();
    }

    /** Stops a person signing in: their sessions end, their API tokens and unused reset links are revoked. */
    Optional<Refusal> disable(String actor, String username) {
        Optional<Refusal> refusal = tx.execute(s -> disableInTransaction(actor, username));
        if (refusal.isEmpty()) {
            sessions.endAll(username, "account-disabled");
        }
        return refusal;
    }

    private Optional<Refusal> disableInTransaction(String actor, String username) {
        UserAccounts.Account a = accounts.find(username).orElseThrow();
        if (a.role() == Role.CENTRAL_ADMIN && accounts.otherActiveCentralAdministrators(username) == 0) {
            return Optional.of(Refusal.LAST_CENTRAL_ADMIN);
        }
        accounts.setEnabled(actor, username, false);
        accounts.revokeTokens(actor, username, "account-disabled");
        reset.voidLinks(username);
        return Optional.empty();
    }

    /** Lets a person sign in again with their password; revoked tokens stay revoked. */
    void enable(String actor, String username) {
        accounts.setEnabled(actor, username, true);
    }

    /** Sends the person a one-time reset link at their own e-mail address. */
    Optional<Refusal> startReset(String actor, String username) {
        UserAccounts.Account a = accounts.find(username).orElseThrow();
        if (!a.enabled()) {
            return Optional.of(Refusal.DISABLED);
        }
        return reset.startFor(actor, username).isPresent() ? Optional.empty() : Optional.of(Refusal.NO_EMAIL);
    }
}
