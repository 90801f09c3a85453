package org.openita.server.identity;

import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/**
 * Which agencies a signed-in person may see: every agency for the central administrator, their own for
 * agency administrators and staff, the assigned ones for assessors and viewers. Every agency-scoped read
 * goes through here.
 */
@Service
public class AgencyAccess {

    private final UserAccounts accounts;

    AgencyAccess(UserAccounts accounts) {
        this.accounts = accounts;
    }

    public boolean canSee(Authentication auth, String agencyCode) {
        if (auth == null || !auth.isAuthenticated()) {
            return false;
        }
        if (has(auth, Role.CENTRAL_ADMIN)) {
            return true;
        }
        if (has(auth, Role.AGENCY_ADMIN) || has(auth, Role.AGENCY_STAFF)) {
            return accounts.agencyOf(auth.getName()).map(agencyCode::equals).orElse(false);
        }
        if (has(auth, Role.ASSESSOR) || has(auth, Role.VIEWER)) {
            return accounts.accessOf(auth.getName()).contains(agencyCode);
        }
        return false;
    }

    /** Whether a person may change an agency's results and measures: its own administrator, or the central administrator. */
    public boolean canManage(Authentication auth, String agencyCode) {
        if (auth == null || !auth.isAuthenticated()) {
            return false;
        }
        if (has(auth, Role.CENTRAL_ADMIN)) {
            return true;
        }
        return has(auth, Role.AGENCY_ADMIN) && accounts.agencyOf(auth.getName()).map(agencyCode::equals).orElse(false);
    }

    /** Refuses with "not found" (404) unless this person may see the agency, giving no hint that it exists. */
    public void requireVisible(Authentication auth, String agencyCode) {
        if (!canSee(auth, agencyCode)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    /** As {@link #requireVisible}, then refuses with "forbidden" (403) when this person may see the agency but not change it. */
    public void requireManageable(Authentication auth, String agencyCode) {
        requireVisible(auth, agencyCode);
        if (!canManage(auth, agencyCode)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
    }

    /** The agencies listed for a person who is not a central administrator. */
    public Set<String> visible(Authentication auth) {
        if (has(auth, Role.AGENCY_ADMIN) || has(auth, Role.AGENCY_STAFF)) {
            return accounts.agencyOf(auth.getName()).map(Set::of).orElse(Set.of());
        }
        return accounts.accessOf(auth.getName());
    }

    public static boolean has(Authentication auth, Role role) {
        return auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(role.authority()));
    }
}
