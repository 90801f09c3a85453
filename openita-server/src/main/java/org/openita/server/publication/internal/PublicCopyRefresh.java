package org.openita.server.publication.internal;

import org.openita.server.measures.MeasurePlanConfirmed;
import org.openita.server.measures.MeasureProgressRecorded;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the public copies following what measures confirms and records. Each event is handled after the change that
 * published it commits, in a transaction of its own; until a handler completes, the event publication registry keeps
 * the event as incomplete and it is handled again on the next start (docs/adr/0016-events-through-the-publication-registry.md).
 */
@Component
class PublicCopyRefresh {

    private final PublicCopies copies;

    PublicCopyRefresh(PublicCopies copies) {
        this.copies = copies;
    }

    @ApplicationModuleListener
    void on(MeasurePlanConfirmed confirmed) {
        copies.refreshPlan(confirmed.agency(), confirmed.year());
    }

    @ApplicationModuleListener
    void on(MeasureProgressRecorded recorded) {
        copies.refreshProgress(recorded.agency(), recorded.year(), recorded.measureId());
    }
}
