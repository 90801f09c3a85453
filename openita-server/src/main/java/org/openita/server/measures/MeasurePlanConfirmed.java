package org.openita.server.measures;

import org.openita.core.framework.FiscalYear;
import org.openita.server.agency.AgencyCode;

/**
 * An agency confirmed its measures for an assessment year (again, perhaps): what the reports and the public show of
 * the plan is now what {@link MeasurePlans#confirmedPlan} returns. Kept in the event publication registry until every
 * listener has handled it (docs/adr/0016-events-through-the-publication-registry.md).
 */
public record MeasurePlanConfirmed(AgencyCode agency, FiscalYear year) {
}
