package org.openita.server.measures;

import java.time.Instant;
import java.util.List;
import org.openita.core.framework.FiscalYear;
import org.openita.server.agency.AgencyCode;

/**
 * The measures of an agency for an assessment year, and whether (and by whom) the agency confirmed them.
 *
 * @param year the assessment year the measures respond to; they run in the years after it ({@link PlanYears})
 */
public record MeasurePlan(AgencyCode agency, FiscalYear year, Instant confirmedAt, String confirmedBy, List<Measure> measures) {

    /** A plan with no measures that nobody confirmed. */
    public static MeasurePlan empty(AgencyCode agency, FiscalYear year) {
        return new MeasurePlan(agency, year, null, null, List.of());
    }

    public boolean confirmed() {
        return confirmedAt != null;
    }
}
