package org.openita.server.survey.internal;

import java.time.LocalDate;
import java.util.Optional;
import org.openita.core.framework.FiscalYear;

/**
 * Whether surveys take answers today, by the cycle calendar's SURVEY_COLLECTION phase.
 *
 * @param year the fiscal year whose survey phase is open today, or else the nearest one (the next, if any, or the last)
 * @param startsOn the first day of that phase
 * @param endsOn its last day
 * @param closedEarly the central administrator closed that year's surveys before the phase ended
 * @param open answers are taken today
 */
public record SurveyWindow(FiscalYear year, LocalDate startsOn, LocalDate endsOn, boolean closedEarly, boolean open) {

    /** No calendar has a survey phase. */
    public static Optional<SurveyWindow> none() {
        return Optional.empty();
    }

    public boolean notYet(LocalDate today) {
        return !open && today.isBefore(startsOn);
    }
}
