package org.openita.server.oit.internal.review;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.openita.server.agency.AgencyAccess;
import org.openita.server.cycle.Activity;
import org.openita.server.cycle.CycleCalendar;
import org.openita.server.cycle.CycleService;
import org.openita.server.cycle.Phase;
import org.openita.server.identity.Role;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** Which phases of a year's cycle run today, and whether a person may do an activity of the review in them. */
@Component
class ReviewPhases {

    /** The phases in which a year's OIT is worked on: its queue lists the year. */
    static final Set<Phase> OIT = EnumSet.of(Phase.OIT_SUBMISSION, Phase.OIT_REVIEW, Phase.CLARIFICATION, Phase.CONFIRMATION);

    private final CycleService cycles;

    ReviewPhases(CycleService cycles) {
        this.cycles = cycles;
    }

    List<Phase> now(int year) {
        LocalDate today = cycles.today();
        return cycles.windows(year).map(w -> CycleCalendar.current(w, today)).orElse(List.of());
    }

    /** Whether any role this person holds may do {@code activity} in the year's phases today (Activity's rule). */
    boolean may(Authentication auth, Activity activity, int year) {
        List<Phase> now = now(year);
        for (Role role : Role.values()) {
            if (AgencyAccess.has(auth, role) && activity.allowed(role, now)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the agency may see its preliminary verdicts: the year's clarification phase has begun. */
    boolean verdictsOpen(int year) {
        LocalDate today = cycles.today();
        return cycles.windows(year).map(ws -> ws.stream().anyMatch(w -> w.phase() == Phase.CLARIFICATION && !today.isBefore(w.startsOn())))
                .orElse(false);
    }

    /** The years whose OIT runs today, newest first. */
    List<Integer> running() {
        return cycles.years().stream().filter(y -> now(y).stream().anyMatch(OIT::contains)).toList();
    }
}
