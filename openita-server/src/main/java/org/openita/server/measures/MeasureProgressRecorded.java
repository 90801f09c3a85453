package org.openita.server.measures;

import org.openita.core.framework.FiscalYear;
import org.openita.server.agency.AgencyCode;

/**
 * An agency recorded progress on one of its measures: its status changed (or was restated) and milestones may have been
 * reached. The plan itself is unchanged, so a confirmed plan stays confirmed; whoever shows the status of a measure
 * reads it again. Published for every measure, confirmed or not: a listener keeps only what it shows.
 */
public record MeasureProgressRecorded(AgencyCode agency, FiscalYear year, long measureId) {
}
