package org.openita.server.cycle;

import java.util.List;
import java.util.Set;
import org.openita.server.identity.Role;

/** What people do during a cycle, and who may do it in which phase. The central administrator may always. */
public enum Activity {
    /** An agency administrator enters its OIT links. */
    SUBMIT_OIT(Set.of(Role.AGENCY_ADMIN), Set.of(Phase.OIT_SUBMISSION)),
    /** An assessor checks OIT components. */
    REVIEW_OIT(Set.of(Role.ASSESSOR), Set.of(Phase.OIT_REVIEW, Phase.CLARIFICATION)),
    /** An agency administrator disputes an OIT verdict. */
    FILE_CLARIFICATION(Set.of(Role.AGENCY_ADMIN), Set.of(Phase.CLARIFICATION)),
    /** An assessor confirms the final verdicts. */
    CONFIRM_RESULTS(Set.of(Role.ASSESSOR), Set.of(Phase.CONFIRMATION)),
    /** An agency administrator updates the agency's details and headcount. */
    EDIT_AGENCY_DATA(Set.of(Role.AGENCY_ADMIN), Set.of(Phase.REGISTRATION, Phase.DATA_ENTRY));

    private final Set<Role> roles;
    private final Set<Phase> phases;

    Activity(Set<Role> roles, Set<Phase> phases) {
        this.roles = roles;
        this.phases = phases;
    }

    /** Whether a person with {@code role} may do this while the cycle is in {@code current} phases. */
    public boolean allowed(Role role, List<Phase> current) {
        if (role == Role.CENTRAL_ADMIN) {
            return true;
        }
        return roles.contains(role) && current.stream().anyMatch(phases::contains);
    }
}
