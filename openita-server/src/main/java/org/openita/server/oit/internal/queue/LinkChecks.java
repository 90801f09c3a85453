package org.openita.server.oit.internal.queue;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openita.core.framework.FiscalYear;
import org.openita.server.agency.AgencyCode;
import org.openita.server.oit.internal.fetch.Findings;

/**
 * The pre-check of submitted links: fetch jobs queued in PostgreSQL and the checks they produced. Queueing joins the
 * caller's transaction, so a link saved is a link checked, and a rolled-back save queues nothing.
 */
public interface LinkChecks {

    /** Why a link is fetched. */
    enum Reason { SAVED, SUBMITTED, SCHEDULED }

    /**
     * Queues a fetch of each link (one open job per link of an item: a link already waiting is not queued twice). For
     * {@link Reason#SUBMITTED} the finished check is recorded as the link's submission snapshot in oit_submitted_link.
     */
    void enqueue(AgencyCode agency, FiscalYear year, String itemCode, List<URI> links, Reason reason);

    /** The latest finished check of each link of an item that has one, by link as submitted. */
    Map<String, LinkCheck> latest(AgencyCode agency, FiscalYear year, String itemCode);

    /** The links of an item with a fetch still waiting or running. */
    List<String> pending(AgencyCode agency, FiscalYear year, String itemCode);

    /** The bytes of a snapshot, for showing them to the people who may see the check it belongs to; empty once deleted. */
    Optional<Snapshot> snapshot(long id);

    /** One finished check of one link. */
    record LinkCheck(long id, String url, Instant checkedAt, String outcome, Integer httpStatus, String finalUrl,
                     String contentType, Long size, Findings findings, Long snapshotId, String sha256) {
    }

    /** The bytes a fetch received, as stored for its fiscal year. */
    record Snapshot(long id, FiscalYear year, String contentType, String sha256, byte[] body) {
    }
}
