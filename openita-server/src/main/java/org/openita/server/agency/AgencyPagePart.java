package org.openita.server.agency;

import java.util.Map;
import java.util.Optional;
import org.springframework.security.core.Authentication;

/**
 * A section other modules add to an agency's page (results, measures, reminders) without the agency
 * module knowing them. The section is the template fragment {@code part} of {@link #template()}, given
 * the returned values as {@code part}.
 */
public interface AgencyPagePart {

    /** Where the fragment is, e.g. "measures/agency-part". */
    String template();

    /** Lower comes first. */
    int order();

    /** The values the fragment shows for this person, or empty to leave the section out. */
    Optional<Map<String, Object>> values(Agency agency, Authentication auth);
}
