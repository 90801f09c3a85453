package org.openita.server;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The event publication registry (table event_publication) keeps a row for every event and listener. Incomplete rows
 * are republished on restart (spring.modulith.events.republish-outstanding-events-on-restart); completed ones are only
 * a record of what happened, deleted here once older than {@code openita.events.keep-completed} (30 days by default).
 * See docs/adr/0016-events-through-the-publication-registry.md.
 */
@Component
class EventPublicationHousekeeping {

    private final CompletedEventPublications completed;
    private final Duration keep;

    EventPublicationHousekeeping(CompletedEventPublications completed, @Value("${openita.events.keep-completed:P30D}") Duration keep) {
        this.completed = completed;
        this.keep = keep;
    }

    @Scheduled(fixedDelayString = "PT6H", initialDelayString = "PT10M")
    void deleteOldCompletedPublications() {
        completed.deletePublicationsOlderThan(keep);
    }
}
