package org.openita.server.survey.internal;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Closes the surveys of a year by themselves when its SURVEY_COLLECTION phase has ended, and scores the answers. Off
 * with {@code openita.survey.scheduled-closing=false} (the tests, whose shared database holds every test's years, call
 * {@link SurveyClosing#scoreIfEnded} for their own year instead).
 */
@Component
@org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(name = "openita.survey.scheduled-closing", havingValue = "true", matchIfMissing = true)
class ScheduledClosing {

    private final SurveyClosing closing;

    ScheduledClosing(SurveyClosing closing) {
        this.closing = closing;
    }

    @Scheduled(fixedDelayString = "${openita.survey.closing-check:PT10M}", initialDelayString = "${openita.survey.closing-first-check:PT2M}")
    void closeEndedPhases() {
        closing.scoreEndedPhases();
    }
}
