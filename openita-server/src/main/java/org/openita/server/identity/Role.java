package org.openita.server.identity;

/** What a signed-in person may do; agency roles are limited to their own agency. */
public enum Role {
    CENTRAL_ADMIN,
    ASSESSOR,
    AGENCY_ADMIN,
    AGENCY_STAFF,
    VIEWER;

    public String authority() {
        return "ROLE_" + name();
    }
}
