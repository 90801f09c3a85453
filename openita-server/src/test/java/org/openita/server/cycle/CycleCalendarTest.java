package org.openita.server.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openita.core.framework.FiscalYear;
import org.openita.server.cycle.internal.CycleDates;
import org.openita.server.identity.Role;

class CycleCalendarTest {

    @Test
    void theDefaultCalendarIsValidAndFollowsThePublishedPattern() {
        FiscalYear fy = FiscalYear.of(2568);
        List<PhaseWindow> w = CycleCalendar.defaults(fy);
        assertThat(CycleCalendar.problems(fy, w)).isEmpty();
        assertThat(w).extracting(PhaseWindow::phase).containsExactly(Phase.values());
        assertThat(CycleCalendar.current(w, LocalDate.of(2025, 3, 15))).containsExactly(Phase.SURVEY_COLLECTION, Phase.OIT_SUBMISSION);
        assertThat(CycleCalendar.current(w, LocalDate.of(2025, 6, 16))).containsExactly(Phase.CONFIRMATION);
        assertThat(CycleCalendar.current(w, LocalDate.of(2024, 11, 1))).isEmpty();
        assertThat(CycleCalendar.defaults(FiscalYear.of(2567)).get(1).endsOn()).isEqualTo(LocalDate.of(2024, 2, 29)); // leap year
    }

    @Test
    void badCalendarsAreExplained() {
        FiscalYear fy = FiscalYear.of(2568);
        List<PhaseWindow> w = new ArrayList<>(CycleCalendar.defaults(fy));
        w.set(0, new PhaseWindow(Phase.REGISTRATION, LocalDate.of(2025, 1, 31), LocalDate.of(2025, 1, 1)));
        w.set(4, new PhaseWindow(Phase.OIT_REVIEW, LocalDate.of(2025, 4, 15), LocalDate.of(2025, 5, 31)));
        w.set(7, new PhaseWindow(Phase.RESULTS_ANNOUNCED, LocalDate.of(2025, 8, 15), LocalDate.of(2025, 10, 15)));
        w.remove(1);
        assertThat(CycleCalendar.problems(fy, w)).containsExactlyInAnyOrder("cycle.error.order:REGISTRATION",
                "cycle.error.sequence:OIT_REVIEW", "cycle.error.outside:RESULTS_ANNOUNCED", "cycle.error.missing:DATA_ENTRY");
    }

    @Test
    void whoMayDoWhatDependsOnThePhase() {
        List<Phase> submission = List.of(Phase.SURVEY_COLLECTION, Phase.OIT_SUBMISSION);
        List<Phase> review = List.of(Phase.OIT_REVIEW);
        assertThat(Activity.SUBMIT_OIT.allowed(Role.AGENCY_ADMIN, submission)).isTrue();
        assertThat(Activity.SUBMIT_OIT.allowed(Role.AGENCY_ADMIN, review)).isFalse(); // no OIT edits after the deadline
        assertThat(Activity.SUBMIT_OIT.allowed(Role.AGENCY_STAFF, submission)).isFalse();
        assertThat(Activity.REVIEW_OIT.allowed(Role.ASSESSOR, review)).isTrue();
        assertThat(Activity.REVIEW_OIT.allowed(Role.ASSESSOR, submission)).isFalse();
        assertThat(Activity.FILE_CLARIFICATION.allowed(Role.AGENCY_ADMIN, List.of(Phase.CLARIFICATION))).isTrue();
        assertThat(Activity.CONFIRM_RESULTS.allowed(Role.VIEWER, List.of(Phase.CONFIRMATION))).isFalse();
        assertThat(Activity.SUBMIT_OIT.allowed(Role.CENTRAL_ADMIN, List.of())).isTrue();
    }

    @Test
    void datesAreShownInTheBuddhistEra() {
        assertThat(CycleDates.format(LocalDate.of(2025, 8, 15), java.util.Locale.forLanguageTag("th"))).isEqualTo("15 สิงหาคม 2568");
        assertThat(CycleDates.format(LocalDate.of(2025, 8, 15), java.util.Locale.ENGLISH)).isEqualTo("15 August 2025");
    }
}
