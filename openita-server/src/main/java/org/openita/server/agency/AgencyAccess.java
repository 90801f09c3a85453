package org.openita.server.agency;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.openita.server.identity.Role;
import org.openita.server.identity.UserAccounts;
import org.springframework.security.core.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/**
 * Which agencies a signed-in person may see: every agency for the central administrator, their own for
 * agency administrators and staff, the assigned ones for assessors and viewers. Every agency-scoped read
 * goes through here. It lives with the agencies rather than in identity because it speaks of agency codes
 * ({@link AgencyCode}), and identity may not depend on this module (this module depends on identity).
 */
@Service
public class AgencyAccess {

    private final UserAccounts accounts;

    AgencyAccess(UserAccounts accounts) {
        this.accounts = accounts;
    }

    public boolean canSee(Authentication auth, AgencyCode agency) {
        if (auth == null || !auth.isAuthenticated()) {
            return false;
        }
        if (has(auth, Role.CENTRAL_ADMIN)) {
            return true;
        }
        if (has(auth, Role.AGENCY_ADMIN) || has(auth, Role.AGENCY_STAFF)) {
            return own(auth).map(agency::equals).orElse(false);
        }
        if (has(auth, Role.ASSESSOR) || has(auth, Role.VIEWER)) {
            return accounts.accessOf(auth.getName()).contains(agency.value());
        }
        return false;
    }

    /** Whether a person may change an agency's results and measures: its own administrator, or the central administrator. */
    public boolean canManage(Authentication auth, AgencyCode agency) {
        if (auth == null || !auth.isAuthenticated()) {
            return false;
        }
        if (has(auth, Role.CENTRAL_ADMIN)) {
            return true;
        }
        return has(auth, Role.AGENCY_ADMIN) && own(auth).map(agency::equals).orElse(false);
    }

    /** Refuses with "not found" (404) unless this person may see the agency, giving no hint that it exists. */
    public void requireVisible(Authentication auth, AgencyCode agency) {
        if (!canSee(auth, agency)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    /** As {@link #requireVisible}, then refuses with "forbidden" (403) when this person may see the agency but not change it. */
    public void requireManageable(Authentication auth, AgencyCode agency) {
        requireVisible(auth, agency);
        if (!canManage(auth, agency)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
    }

    /** The agencies listed for a person who is not a central administrator. */
    public Set<AgencyCode> visible(Authentication auth) {
        if (has(auth, Role.AGENCY_ADMIN) || has(auth, Role.AGENCY_STAFF)) {
            return own(auth).map(Set::of).orElse(Set.of());
        }
        // an assignment stored before codes were checked and no longer shaped like one names no agency
        return accounts.accessOf(auth.getName()).stream().flatMap(c -> AgencyCode.parse(c).stream()).collect(Collectors.toUnmodifiableSet());
    }

    private Optional<AgencyCode> own(Authentication auth) {
        return accounts.agencyOf(auth.getName()).flatMap(AgencyCode::parse);
    }

    public static boolean has(Authentication auth, Role role) {
        return auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(role.authority()));
    }
}
