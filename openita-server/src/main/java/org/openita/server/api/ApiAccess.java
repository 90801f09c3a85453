package org.openita.server.api;

import org.openita.server.identity.AgencyAccess;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** The pages' rules for the API: not found when the agency is not yours to see, forbidden when you may only read it. */
@Component
class ApiAccess {

    private final AgencyAccess access;

    ApiAccess(AgencyAccess access) {
        this.access = access;
    }

    void read(Authentication auth, String code) {
        if (!access.canSee(auth, code)) {
            throw ApiException.notFound();
        }
    }

    void change(Authentication auth, String code) {
        read(auth, code);
        if (!access.canManage(auth, code)) {
            throw ApiException.forbidden();
        }
    }

    boolean manages(Authentication auth, String code) {
        return access.canManage(auth, code);
    }
}
