package org.openita.server.identity;

/** What a signed-in person may do; agency roles are limited to their own agency. */
public enum Role {
    CENTRAL_ADMIN,
    ASSESSOR,
    AGENCY_ADMIN,
    AGENCY_STAFF,
    VIEWER;

    /** The roles in the order forms offer them: the least privileged first, so that a careless choice gives least. */
    public static java.util.List<Role> leastPrivilegedFirst() {
        return java.util.List.of(VIEWER, AGENCY_STAFF, ASSESSOR, AGENCY_ADMIN, CENTRAL_ADMIN);
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
