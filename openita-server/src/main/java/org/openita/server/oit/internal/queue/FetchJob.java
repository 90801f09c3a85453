package org.openita.server.oit.internal.queue;

import org.openita.core.framework.FiscalYear;
import org.openita.server.agency.AgencyCode;

/** A claimed fetch job: one link of one item of one agency's year, and how many times it has been tried (this one included). */
record FetchJob(long id, AgencyCode agency, FiscalYear year, String itemCode, String url, LinkChecks.Reason reason,
                int attempts) {
}
